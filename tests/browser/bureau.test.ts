import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, launchChromium, openPage } from '../helpers/browser.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

describe('the bureau runs the congress from its pages', () => {
  let plenum: TestServer
  let browser: Browser

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  const open = (path: string, viewport?: { width: number; height: number }): Promise<Page> => openPage(browser, `${plenum.baseUrl}${path}`, viewport)

  test('sets up the congress: a new question and proposal appear on an open congress page without reload', async () => {
    const bureau = await open(`/join/${plenum.seed.bureauCode}`)
    const viewer = await open(`/join/${plenum.seed.bureauCode}`)
    // The bureau lands on its dashboard: the viewer follows the congress page.
    await viewer.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor()
    await viewer.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}`)
    await viewer.getByRole('heading', { level: 1 }).waitFor()
    await bureau.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/bureau`)
    await bureau.getByRole('heading', { name: 'Préparation du congrès' }).waitFor()

    await bureau.getByLabel('Intitulé de la nouvelle question').fill('Comment former les agents publics ?')
    await bureau.getByRole('button', { name: 'Ajouter une question' }).click()
    const newTheme = bureau.getByLabel('Titre de la nouvelle proposition (question 5)')
    await newTheme.fill('Un plan national de formation')
    await bureau.getByRole('button', { name: 'Ajouter une proposition' }).last().click()
    await expect.poll(() => bureau.getByLabel('Titre de la proposition 30', { exact: true }).inputValue()).toBe('Un plan national de formation')

    // Move the new question to the top with the keyboard: its proposal becomes P1. Focus follows the question.
    const themeId = await bureau.locator('.structure-theme').last().getAttribute('data-theme')
    await bureau.getByRole('button', { name: 'Monter : Comment former les agents publics ?' }).focus()
    for (let target = 3; target >= 0; target--) {
      await bureau.keyboard.press('Enter')
      await expect.poll(() => bureau.locator('.structure-theme').nth(target).getAttribute('data-theme'), { timeout: 10_000 }).toBe(themeId)
    }
    await expect.poll(() => bureau.getByLabel('Titre de la proposition 1', { exact: true }).inputValue(), { timeout: 10_000 }).toBe('Un plan national de formation')
    await expect.poll(() => viewer.locator('.proposals .title').first().textContent(), { timeout: 10_000 }).toBe('Un plan national de formation')
    expect(await viewer.locator('section.theme h2').first().textContent()).toContain('Comment former les agents publics ?')
    await bureau.screenshot({ path: `${artifacts}bureau-setup.png`, fullPage: true })
    expect(await axeViolations(bureau)).toEqual([])
    await bureau.context().close()
    await viewer.context().close()
  })

  test('imports a CSV, prints the sheet, switches to amendments, and a delegate’s open editor turns read-only', async () => {
    const bureau = await open(`/join/${plenum.seed.bureauCode}`)
    await bureau.getByRole('link', { name: 'Espace du bureau' }).click()
    await bureau.getByRole('heading', { level: 1, name: 'Espace du bureau' }).waitFor()

    // A bad file first: nothing imported, the line and field named.
    await bureau.getByLabel('Fichier CSV').setInputFiles({
      name: 'mauvais.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name;organisation;email;role\nAnne;Ville;anne@example.fr;delegate\nBruno;Ville;bruno@;attendee\n'),
    })
    await bureau.getByRole('button', { name: 'Importer' }).click()
    // The preview names each bad line, and offers nothing to apply.
    await expect.poll(() => bureau.getByRole('alert').textContent()).toContain('Ligne 3, courriel : n’est pas une adresse électronique valide')
    expect(await bureau.getByRole('button', { name: 'Appliquer ces changements' }).count()).toBe(0)

    const csv = 'name;organisation;email;role\nAnne Lefèvre;Ville de Nantes;anne@example.fr;delegate\nBruno Ça;Mairie d’Évry;bruno@example.fr;attendee\n'
    await bureau.getByLabel('Fichier CSV').setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
    await bureau.getByRole('button', { name: 'Importer' }).click()
    await bureau.getByRole('button', { name: 'Appliquer ces changements' }).click()
    await expect.poll(() => bureau.getByRole('status').filter({ hasText: '2 personnes ajoutées' }).count()).toBe(1)
    // The codes are shown once, right after the import, with the sheet to download; never in the list.
    const row = bureau.locator('table.issued').getByRole('row', { name: /Anne Lefèvre/ })
    const code = (await row.locator('code').textContent())!.trim()
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(await bureau.locator('table.participants').textContent()).not.toContain(code)
    expect(await bureau.locator('.issued-codes').textContent()).toContain('ne seront plus jamais affichés')

    const [download] = await Promise.all([bureau.waitForEvent('download'), bureau.getByRole('button', { name: 'Télécharger la feuille des codes (PDF)' }).click()])
    expect(download.suggestedFilename()).toBe('codes-acces.pdf')
    expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-')

    await bureau.getByLabel('Filtrer par nom, organisation ou rôle').fill('évry')
    await expect.poll(() => bureau.locator('table.participants tbody tr').count()).toBe(1)
    await bureau.getByLabel('Filtrer par nom, organisation ou rôle').fill('')
    await bureau.screenshot({ path: `${artifacts}bureau.png`, fullPage: true })
    expect(await axeViolations(bureau)).toEqual([])

    // The delegate opens proposal 5 and can type.
    const delegate = await open(`/join/${code}`)
    await delegate.getByRole('link', { name: /Proposition 6 :/ }).click()
    const editor = delegate.getByRole('textbox', { name: /Proposition 6/ })
    await expect.poll(() => editor.getAttribute('contenteditable')).toBe('true')
    expect(await delegate.locator('.phase-badge').textContent()).toContain('Rédaction')

    await bureau.getByRole('radio', { name: 'Amendements' }).check()
    await bureau.getByRole('button', { name: 'Changer de phase' }).click()
    await bureau.getByRole('alertdialog').waitFor()
    await bureau.screenshot({ path: `${artifacts}bureau-phase-confirm.png` })
    await bureau.getByRole('button', { name: 'Confirmer' }).click()
    await expect.poll(() => bureau.getByText('Phase actuelle : Amendements', { exact: true }).count()).toBe(1)

    // Without reloading, the delegate's editor locks and says why; the phase shows in the header.
    await expect.poll(() => editor.getAttribute('contenteditable'), { timeout: 10_000 }).toBe('false')
    await expect.poll(() => delegate.locator('.read-only-notice').textContent()).toContain('Phase d’amendement : le texte de base est verrouillé')
    await expect.poll(() => delegate.locator('.phase-badge').textContent()).toContain('Amendements')
    await delegate.screenshot({ path: `${artifacts}proposal-read-only.png` })
    expect(await axeViolations(delegate)).toEqual([])

    // The log shows the import and the phase change.
    await bureau.reload()
    await expect.poll(() => bureau.locator('.audit-log').textContent()).toContain('Phase : rédaction → amendements')
    expect(await bureau.locator('.audit-log').textContent()).toContain('a importé une liste de participants : 2 ajoutés, 0 modifié')
    await bureau.screenshot({ path: `${artifacts}bureau-audit.png`, fullPage: true })
    await bureau.context().close()
    await delegate.context().close()
  })

  test('on a phone, the bureau page fits the screen', async () => {
    const phone = await open(`/join/${plenum.seed.bureauCode}`, { width: 390, height: 844 })
    await signedIn(phone)
    await phone.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/bureau`)
    await phone.getByRole('heading', { level: 1, name: 'Espace du bureau' }).waitFor()
    await phone.locator('table.participants').waitFor()
    await phone.screenshot({ path: `${artifacts}bureau-phone.png`, fullPage: true })
    const wide = await phone.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest('.table-scroll'))
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    )
    expect(wide).toEqual([])
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await phone.context().close()
  })
})
