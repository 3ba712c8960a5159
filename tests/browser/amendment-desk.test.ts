import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentDetailView, FiledAmendmentView } from '../../shared/api-types.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { axeViolations, launchChromium, openPage } from '../helpers/browser.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const shots = '/tmp/shots-amendment/'

/** Issue 20 on the amendment page: unsaved text (point 2), messages by their button (point 3), the bureau's ruling panel (point 8). */
describe('the amendment page as its author and the bureau use it', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let anne: Signed

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureau = (await plenum.login()).token
    ;[anne] = (await importAndSignIn(plenum, bureau, [{ name: 'Anne Lefèvre', role: 'delegate' }])) as [Signed]
    await setPhase(plenum, bureau, 'amendments')
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  const join = async (code: string, viewport?: { width: number; height: number }): Promise<Page> => {
    const page = await openPage(browser, `${plenum.baseUrl}/join/${code}`, viewport)
    page.setDefaultTimeout(10_000)
    await signedIn(page)
    return page
  }
  const file = async (proposal: number, justification: string) => {
    const answer = await call<FiledAmendmentView>(plenum, anne.token, 'POST', `/proposals/${plenum.seed.proposals[proposal - 1]!.id}/amendments`, { justification })
    expect(answer.status).toBe(201)
    return answer.body
  }
  const read = async (id: string) => (await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${id}`)).body
  const pagePath = (id: string) => `/congresses/${plenum.seed.congressId}/amendments/${id}`
  /** The message's box is on screen, within `near` px of the button's. */
  const besideButton = async (page: Page, message: Locator, button: { y: number; height: number }, near = 250) => {
    const box = (await message.boundingBox())!
    const height = page.viewportSize()!.height
    // Within a pixel: scrolling lands on fractional positions.
    expect(box.y).toBeGreaterThanOrEqual(-1)
    expect(box.y + box.height).toBeLessThanOrEqual(height + 1)
    expect(Math.abs(box.y - (button.y + button.height))).toBeLessThan(near)
  }

  test('a justification typed and filed at once is filed as typed', async () => {
    const filed = await file(4, 'Ancien motif.')
    const page = await join(anne.code)
    await page.goto(`${plenum.baseUrl}${pagePath(filed.id)}`)
    const justification = page.getByRole('textbox', { name: 'Exposé des motifs', exact: true })
    await expect.poll(() => justification.inputValue()).toBe('Ancien motif.')
    await justification.fill('Nouveau motif, tapé juste avant le dépôt.')
    await page.getByRole('button', { name: 'Déposer auprès du bureau' }).click()
    await expect.poll(() => page.locator('h1 .status-badge').textContent()).toBe('Déposé')
    expect(await read(filed.id)).toMatchObject({ status: 'submitted', justification: 'Nouveau motif, tapé juste avant le dépôt.' })
    await page.context().close()
  }, 90_000)

  test('unsaved text is said beside its button, and leaving the page asks first', async () => {
    const filed = await file(7, 'Ancien motif.')
    const page = await join(anne.code)
    await page.goto(`${plenum.baseUrl}${pagePath(filed.id)}`)
    const justification = page.getByRole('textbox', { name: 'Exposé des motifs', exact: true })
    await expect.poll(() => justification.inputValue()).toBe('Ancien motif.')
    expect(await page.locator('[data-unsaved]').count()).toBe(0)
    await justification.fill('Motif en cours.')
    await expect.poll(() => page.locator('[data-unsaved]').first().textContent()).toContain('Modifications non enregistrées')

    // A link inside the app asks before dropping the text; refused, the page stays with the text.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message())
        void dialog.dismiss()
      }),
    )
    const before = page.url()
    await page.locator('nav.breadcrumb a').last().click()
    expect(await asked).toContain('ne sont pas enregistrées')
    expect(page.url()).toBe(before)
    expect(await justification.inputValue()).toBe('Motif en cours.')

    // Saved: nothing is said unsaved, and leaving no longer asks.
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.locator('[data-message-for="justification"] .ok').waitFor()
    expect(await page.locator('[data-unsaved]').count()).toBe(0)
    expect((await read(filed.id)).justification).toBe('Motif en cours.')
    await page.locator('nav.breadcrumb a').last().click()
    await page.waitForURL((url) => url.pathname.endsWith('/amendments'))
    await page.context().close()
  }, 90_000)

  test('on a phone, an error and a confirmation show beside the button that caused them, announced', async () => {
    const filed = await file(5, 'Motif.')
    const page = await join(anne.code, { width: 390, height: 844 })
    await page.goto(`${plenum.baseUrl}${pagePath(filed.id)}`)
    const justification = page.getByRole('textbox', { name: 'Exposé des motifs', exact: true })
    await expect.poll(() => justification.inputValue()).toBe('Motif.')
    // Saved with its button: the confirmation is under that button, in a live region.
    await justification.fill('Motif complété.')
    const save = page.getByRole('button', { name: 'Enregistrer' })
    await save.scrollIntoViewIfNeeded()
    const saveBox = (await save.boundingBox())!
    await save.click()
    const status = page.locator('[role="status"] .ok, .ok[role="status"]')
    await status.waitFor()
    await besideButton(page, status, saveBox)
    expect(await status.textContent()).toBe('Exposé des motifs enregistré.')
    expect(await page.locator('[data-message-for="justification"][role="status"] .ok').count()).toBe(1)
    // Emptied, then filed: the server refuses the empty justification; the error is under Déposer.
    await justification.fill('')
    const submit = page.getByRole('button', { name: 'Déposer auprès du bureau' })
    await submit.scrollIntoViewIfNeeded()
    const submitBox = (await submit.boundingBox())!
    await submit.click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    await besideButton(page, alert, submitBox)
    expect(await read(filed.id)).toMatchObject({ status: 'draft', justification: 'Motif complété.' })
    await page.context().close()
  }, 90_000)

  test('the bureau rules, then sees who ruled, when and why, and changes the ruling with a reason; it is not offered to co-sign', async () => {
    const filed = await file(6, 'Pour le bureau.')
    expect((await call(plenum, anne.token, 'POST', `/amendments/${filed.id}/submit`)).status).toBe(200)
    const page = await join(plenum.seed.bureauCode, { width: 390, height: 844 })
    await page.goto(`${plenum.baseUrl}${pagePath(filed.id)}`)
    await page.getByRole('heading', { level: 1, name: new RegExp(filed.label) }).waitFor()
    expect(await page.getByRole('button', { name: 'Cosigner cet amendement' }).count()).toBe(0)

    const admissible = page.getByRole('button', { name: 'Déclarer recevable' })
    await admissible.scrollIntoViewIfNeeded()
    const ruleBox = (await admissible.boundingBox())!
    await admissible.click()
    await expect.poll(() => page.locator('h1 .status-badge').textContent()).toBe('Recevable')
    const ruled = page.locator('[data-message-for="ruling"] .ok')
    await ruled.waitFor()
    await besideButton(page, ruled, ruleBox, 400)
    // Ruled: the panel tells the ruling, and the two first buttons are gone.
    await expect.poll(() => page.locator('.ruling-summary').textContent()).toMatch(/Déclaré recevable par .+ le \d+ /)
    expect(await page.getByRole('button', { name: 'Déclarer irrecevable' }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${shots}amendment-ruled-fr-390.png`, fullPage: true })

    await page.getByText('Changer la décision').click()
    await page.getByLabel('Motif du changement').fill('Hors du champ de la proposition.')
    await expect.poll(() => page.locator('.ruling-change [data-unsaved]').count()).toBe(1)
    // Its reason emptied, the panel stays open where the reader is typing (review item 7).
    await page.getByLabel('Motif du changement').fill('')
    await expect.poll(() => page.locator('.ruling-change [data-unsaved]').count()).toBe(0)
    expect(await page.locator('details.ruling-change').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    await page.getByLabel('Motif du changement').fill('Hors du champ de la proposition.')
    const change = page.getByRole('button', { name: 'Déclarer irrecevable' })
    const changeBox = (await change.boundingBox())!
    await change.click()
    await expect.poll(() => page.locator('h1 .status-badge').textContent()).toBe('Irrecevable')
    const changed = page.locator('[data-message-for="ruling"] .ok')
    await changed.waitFor()
    expect(await changed.textContent()).toBe('Décision changée : l’amendement est irrecevable.')
    await besideButton(page, changed, changeBox, 400)
    await expect.poll(() => page.locator('.ruling-summary').textContent()).toMatch(/Déclaré irrecevable par /)
    expect(await page.locator('.ruling-reason').textContent()).toContain('Hors du champ de la proposition.')
    expect(await read(filed.id)).toMatchObject({ status: 'inadmissible', rulingReason: 'Hors du champ de la proposition.' })
    expect(await axeViolations(page)).toEqual([])

    // Screens for the issue: the panel at 390 px and 1366 px, in French and English.
    for (const lang of ['fr', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('plenum.language', l), lang)
      for (const width of [390, 1366]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
        await page.reload()
        await page.locator('.ruling-summary').waitFor()
        await page.locator('.ruling-change summary').click()
        await page.screenshot({ path: `${shots}amendment-bureau-${lang}-${width}.png`, fullPage: true })
      }
    }
    expect(await page.locator('.ruling-summary').textContent()).toMatch(/Ruled inadmissible by /)
    expect(await axeViolations(page)).toEqual([])
    await page.evaluate(() => localStorage.removeItem('plenum.language'))
    await page.context().close()
  }, 120_000)

  /** Records what the page asks before leaving (and refuses it), so a test can say nothing was asked. */
  const questions = (page: Page): string[] => {
    const asked: string[] = []
    page.on('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.dismiss()
    })
    return asked
  }

  test('a form gone with a live update no longer holds the page: the author’s justification, the bureau’s ruling (review item 3)', async () => {
    const filed = await file(4, 'Motif.')
    expect((await call(plenum, anne.token, 'POST', `/amendments/${filed.id}/submit`)).status).toBe(200)
    const author = await join(anne.code)
    await author.goto(`${plenum.baseUrl}${pagePath(filed.id)}`)
    const justification = author.getByRole('textbox', { name: 'Exposé des motifs', exact: true })
    await expect.poll(() => justification.inputValue()).toBe('Motif.')
    await justification.fill('Motif en cours.')
    const desk = await join(plenum.seed.bureauCode)
    await desk.goto(`${plenum.baseUrl}${pagePath(filed.id)}`)
    await desk.getByLabel('Motif de la décision').fill('Texte en cours.')
    await expect.poll(() => desk.locator('[data-unsaved]').count()).toBe(1)

    // Another member of the bureau rules meanwhile: both forms go, live, and leaving asks nothing.
    expect((await call(plenum, bureau, 'POST', `/amendments/${filed.id}/ruling`, { admissible: true, reason: '' })).status).toBe(200)
    for (const page of [author, desk]) {
      await expect.poll(() => page.locator('h1 .status-badge').textContent(), { timeout: 15_000 }).toBe('Recevable')
      expect(await page.locator('[data-unsaved]').count()).toBe(0)
      const asked = questions(page)
      await page.locator('nav.breadcrumb a').last().click()
      await page.waitForURL((url) => url.pathname.endsWith('/amendments'))
      expect(asked).toEqual([])
      await page.context().close()
    }
  }, 90_000)

  test('rejected without a vote, the answer stays where the buttons were and the keyboard with it (review item 6)', async () => {
    const filed = await file(5, 'À rejeter.')
    expect((await call(plenum, anne.token, 'POST', `/amendments/${filed.id}/submit`)).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${filed.id}/ruling`, { admissible: true, reason: '' })).status).toBe(200)
    const page = await join(plenum.seed.bureauCode, { width: 390, height: 844 })
    await page.goto(`${plenum.baseUrl}${pagePath(filed.id)}`)
    page.on('dialog', (dialog) => void dialog.accept())
    const reject = page.getByRole('button', { name: 'Rejeter', exact: true })
    await reject.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('h1 .status-badge').textContent()).toBe('Rejeté')
    expect(await page.getByRole('button', { name: 'Rejeter', exact: true }).count()).toBe(0)
    await expect.poll(() => page.locator('[data-message-for="decision"][role="status"] .ok').count()).toBe(1)
    expect(await page.locator('[data-message-for="decision"] .ok').textContent()).toBe('Amendement rejeté.')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('decision-heading')
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${shots}amendment-rejected-fr-390.png`, fullPage: true })
    await page.context().close()
  }, 90_000)

  test('filing refused after its justification was saved: the textarea keeps the text as typed (review item 16)', async () => {
    const filed = await file(7, 'Ancien motif.')
    const page = await join(anne.code)
    await page.goto(`${plenum.baseUrl}${pagePath(filed.id)}`)
    const justification = page.getByRole('textbox', { name: 'Exposé des motifs', exact: true })
    await expect.poll(() => justification.inputValue()).toBe('Ancien motif.')
    // The save goes through; the filing itself is refused (as a lost connection or a closed phase would).
    await page.route('**/amendments/*/submit', (route) =>
      route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message: 'refused' } }) }),
    )
    await justification.fill('Motif tapé juste avant.')
    await page.getByRole('button', { name: 'Déposer auprès du bureau' }).click()
    await page.getByRole('alert').waitFor()
    expect(await read(filed.id)).toMatchObject({ status: 'draft', justification: 'Motif tapé juste avant.' })
    expect(await justification.inputValue()).toBe('Motif tapé juste avant.')
    await page.context().close()
  }, 90_000)
})
