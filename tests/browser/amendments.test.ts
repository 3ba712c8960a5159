import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, launchChromium, openPage } from '../helpers/browser.ts'
import { bearer, importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

describe('amendments in the browser', () => {
  let plenum: TestServer
  let browser: Browser
  let anne: Signed
  let bruno: Signed
  let reader: Signed

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    const bureau = await plenum.login()
    ;[anne, bruno, reader] = (await importAndSignIn(plenum, bureau.token, [
      { name: 'Anne Lefèvre', role: 'delegate' },
      { name: 'Bruno Carré', role: 'delegate' },
      { name: 'Rita Lecteur', role: 'attendee' },
    ])) as [Signed, Signed, Signed]
    const phase = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/phase`, {
      method: 'POST',
      headers: { ...bearer(bureau.token), 'content-type': 'application/json' },
      body: JSON.stringify({ phase: 'amendments' }),
    })
    expect(phase.status).toBe(200)
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  const join = async (code: string, viewport?: { width: number; height: number }): Promise<Page> => {
    const page = await openPage(browser, `${plenum.baseUrl}/join/${code}`, viewport)
    page.setDefaultTimeout(8000)
    await signedIn(page)
    return page
  }

  test('filed, co-edited live, shown as a numbered diff, ruled, adopted, and merged into a reader’s open proposal', async () => {
    const proposalPath = `/congresses/${plenum.seed.congressId}/proposals/2`
    const rita = await join(reader.code)
    await rita.goto(`${plenum.baseUrl}${proposalPath}`)
    const ritaEditor = rita.getByRole('textbox', { name: /Proposition 2/ })
    await expect.poll(() => ritaEditor.textContent()).toContain('Toute démarche')
    expect(await rita.getByRole('button', { name: 'Déposer un amendement' }).count()).toBe(0)

    // Anne files an amendment from the proposal page and lands on it.
    const a = await join(anne.code)
    await a.goto(`${plenum.baseUrl}${proposalPath}`)
    await a.getByText('Déposer un amendement').click()
    await a.getByLabel('Exposé des motifs (facultatif, modifiable ensuite)').fill('Le droit doit valoir aussi pour les démarches locales.')
    await a.getByRole('button', { name: 'Créer l’amendement' }).click()
    await a.getByRole('heading', { level: 1, name: /P2-A1/ }).waitFor()
    const amendmentUrl = a.url()
    const anneEditor = a.getByRole('textbox', { name: /P2-A1/ })
    await expect.poll(() => anneEditor.getAttribute('contenteditable')).toBe('true')
    await expect.poll(() => a.locator('.diff-summary').textContent()).toContain('Aucune ligne modifiée')

    // Bruno asks to co-sign; Anne accepts him from her page, which updates by itself.
    const b = await join(bruno.code)
    await b.goto(amendmentUrl)
    await b.getByRole('button', { name: 'Cosigner cet amendement' }).click()
    await a.getByRole('button', { name: 'Accepter Bruno Carré comme cosignataire' }).click()
    const brunoEditor = b.getByRole('textbox', { name: /P2-A1/ })
    await expect.poll(() => brunoEditor.getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')

    // Bruno types at the end of the text: Anne sees it in her editor and in the diff, with line numbers.
    await brunoEditor.click()
    await b.keyboard.press('Control+End')
    await b.keyboard.type(' Les collectivités en sont garantes.')
    await expect.poll(() => anneEditor.textContent(), { timeout: 10_000 }).toContain('Les collectivités en sont garantes.')
    await expect.poll(() => a.locator('.diff ins').first().textContent(), { timeout: 10_000 }).toContain('Les collectivités en sont garantes.')
    const summary = (await a.locator('.diff-summary').textContent())!.trim()
    expect(summary).toMatch(/^Ligne \d+$/)
    const changedLine = summary.replace('Ligne ', '')
    expect(await a.locator(`.diff-line[data-line="${changedLine}"] ins`).count()).toBe(1)
    expect(await a.locator('.diff-line[data-line="1"]').textContent()).toContain('Toute démarche')
    await a.screenshot({ path: `${artifacts}amendment-author.png`, fullPage: true })
    expect(await axeViolations(a)).toEqual([])

    await a.getByRole('button', { name: 'Déposer auprès du bureau' }).click()
    await expect.poll(() => a.locator('h1 .status-badge').textContent()).toBe('Déposé')
    await expect.poll(() => anneEditor.getAttribute('contenteditable')).toBe('true')

    // The bureau rules it admissible, then adopts it: it is merged at once.
    const bureau = await join(plenum.seed.bureauCode)
    await bureau.goto(amendmentUrl)
    await bureau.getByRole('button', { name: 'Déclarer recevable' }).click()
    await expect.poll(() => bureau.locator('h1 .status-badge').textContent()).toBe('Recevable')
    // Anne's text is now closed to her: the editor, folded away under the diff, no longer takes input.
    await expect.poll(() => a.locator('plenum-doc-editor .tiptap').getAttribute('contenteditable'), { timeout: 10_000 }).toBe('false')
    expect(await a.locator('plenum-doc-editor .read-only-notice').textContent()).toContain('n’est plus entre les mains de ses auteurs')
    await bureau.screenshot({ path: `${artifacts}amendment-bureau.png`, fullPage: true })
    expect(await axeViolations(bureau)).toEqual([])
    const asked = new Promise<string>((resolve) =>
      bureau.once('dialog', (dialog) => {
        resolve(dialog.message())
        void dialog.accept()
      }),
    )
    await bureau.getByRole('button', { name: 'Adopter et intégrer' }).click()
    // Adopting without a vote asks first, saying what it does.
    expect(await asked).toMatch(/^Adopter P2-A1 sans vote \? Son changement sera intégré aussitôt au texte \(Proposition 2\)/)
    await expect.poll(() => bureau.locator('h1 .status-badge').textContent()).toBe('Intégré')

    // Rita, who never reloaded, reads the merged text; the proposal's history says so.
    await expect.poll(() => ritaEditor.textContent(), { timeout: 10_000 }).toContain('Les collectivités en sont garantes.')
    await expect.poll(() => rita.locator('.history').textContent(), { timeout: 10_000 }).toContain('P2-A1 intégré')
    await expect.poll(() => rita.locator('.amendment-list li[data-status="merged"]').count()).toBe(1)
    // The merged amendment still shows the change it made.
    await bureau.reload()
    await expect.poll(() => bureau.locator('.diff ins').first().textContent(), { timeout: 10_000 }).toContain('Les collectivités en sont garantes.')
    await rita.screenshot({ path: `${artifacts}proposal-with-amendments.png`, fullPage: true })
    expect(await axeViolations(rita)).toEqual([])
    for (const page of [rita, a, b, bureau]) await page.context().close()
  }, 90_000)

  test('the congress list flags competing amendments, and the amendment page fits a phone', async () => {
    const a = await join(anne.code)
    const path = `/congresses/${plenum.seed.congressId}/proposals/3`
    for (let i = 0; i < 2; i++) {
      await a.goto(`${plenum.baseUrl}${path}`)
      await a.getByText('Déposer un amendement').click()
      await a.getByRole('button', { name: 'Créer l’amendement' }).click()
      await a.getByRole('heading', { level: 1, name: new RegExp(`P3-A${i + 1}`) }).waitFor()
      const editor = a.getByRole('textbox', { name: new RegExp(`P3-A${i + 1}`) })
      await expect.poll(() => editor.getAttribute('contenteditable')).toBe('true')
      await editor.click()
      await a.keyboard.press('Control+Home')
      await a.keyboard.type(i === 0 ? 'Désormais, ' : 'En 2027, ')
      await expect.poll(() => a.locator('.diff ins').count(), { timeout: 10_000 }).toBeGreaterThan(0)
      await a.locator('[data-saved="yes"]').waitFor()
    }
    await a.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/amendments`)
    await a.getByRole('heading', { level: 1, name: 'Tous les amendements' }).waitFor()
    await expect.poll(() => a.locator('.amendment-list li .competing').count(), { timeout: 10_000 }).toBe(2)
    await a.getByLabel('Statut').selectOption('merged')
    await expect.poll(() => a.locator('.amendment-list li').count()).toBe(1)
    await a.getByLabel('Statut').selectOption('')
    await a.screenshot({ path: `${artifacts}amendments-list.png`, fullPage: true })
    expect(await axeViolations(a)).toEqual([])
    await a.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}`)
    await expect.poll(() => a.getByRole('link', { name: /Proposition 3 :/ }).textContent()).toContain('2 amendements')

    const phone = await join(bruno.code, { width: 390, height: 844 })
    await a.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/amendments`)
    const href = await a.locator('.amendment-list a.amendment-label').last().getAttribute('href')
    await phone.goto(`${plenum.baseUrl}${href}`)
    await phone.locator('.diff ins').first().waitFor()
    await phone.screenshot({ path: `${artifacts}amendment-phone.png`, fullPage: true })
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    expect(await axeViolations(phone)).toEqual([])
    await phone.context().close()
    await a.context().close()
  }, 90_000)
})
