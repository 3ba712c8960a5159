import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { call, setPhase } from '../helpers/ballots.ts'
import { axeViolations, launchChromium } from '../helpers/browser.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { fileURLToPath } from 'node:url'

const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const shots = '/tmp/shots-people/'

const phone = { width: 390, height: 844 }
const desktop = { width: 1366, height: 900 }

/**
 * Issue 20, the participants and the check-in desk: a corrected list re-imported through a
 * preview; the CSV help in both languages' headers; codes on one line; each confirmation beside its
 * own control; the bureau's tables reachable by keyboard at 390 px; the desk's "present only",
 * counts by role and proxies beside each name; no French space before a colon in English.
 */
describe('participants and the check-in desk', () => {
  let plenum: TestServer
  let browser: Browser
  let people: Signed[]

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    const bureau = await plenum.login()
    people = await importAndSignIn(plenum, bureau.token, [
      { name: 'Élodie Bézier', role: 'delegate' },
      { name: 'Zoé Martin', role: 'delegate' },
      { name: 'Bruno Dvořák', role: 'attendee' },
      { name: 'Agnès Öztürk', role: 'attendee' },
    ])
    const [elodie, zoe, bruno] = people
    for (const p of [elodie!, bruno!]) expect((await call(plenum, bureau.token, 'PUT', `/congresses/${plenum.seed.congressId}/attendance/${p.id}`, { present: true })).status).toBe(200)
    expect((await call(plenum, bureau.token, 'POST', `/congresses/${plenum.seed.congressId}/proxies`, { giverId: zoe!.id, holderId: elodie!.id })).status).toBe(201)
    await setPhase(plenum, bureau.token, 'voting')
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  const bureauPage = async (viewport: { width: number; height: number }, english = false): Promise<Page> => {
    const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/bureau`, viewport)
    if (english) {
      await page.getByRole('button', { name: 'Switch to English' }).click()
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
    }
    await page.locator('table.participants tbody tr').first().waitFor()
    return page
  }
  const chooseFile = (page: Page, csv: string) => page.locator('#import-csv').setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })

  test('a corrected list, in French headers: a preview says what changes, the apply does it, codes on one line at 390 px', async () => {
    const page = await bureauPage(phone)
    // The help names the French headers the parser accepts, not only the English ones.
    expect(await page.locator('#import-help').textContent()).toContain('nom, organisation, courriel, rôle')
    const [elodie, , bruno] = people
    const csv = `nom;organisation;courriel;rôle\nÉlodie Bézier;Grand Angoulême;${elodie!.email};délégué\nBruno Dvořák;Ville test;${bruno!.email};délégué\nNadia Benali-Fournier;Communauté d’agglomération du Grand Besançon;nadia@example.fr;participant\n`
    await chooseFile(page, csv)
    await page.getByRole('button', { name: 'Importer' }).click()
    const preview = page.locator('.reimport-preview')
    await preview.waitFor()
    expect(await preview.locator('.reimport-summary').textContent()).toContain('1 personne ajoutée, 2 personnes modifiées, 0 personne inchangée')
    expect(await preview.locator('.reimport-changed li[data-line="2"]').textContent()).toContain('organisation : Ville test → Grand Angoulême')
    expect(await preview.locator('.reimport-changed li[data-line="3"]').textContent()).toContain('rôle : Participant·e → Délégué·e')
    expect(await preview.locator('.reimport-added li[data-line="4"]').textContent()).toContain('Nadia Benali-Fournier')
    // Nothing written yet.
    expect(await page.locator('table.participants').getByRole('row', { name: /Nadia/ }).count()).toBe(0)
    await page.screenshot({ path: `${shots}bureau-preview-fr-390.png`, fullPage: true })
    await preview.screenshot({ path: `${shots}bureau-preview-box-fr-390.png` })
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Appliquer ces changements' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Import appliqué' }).count()).toBe(1)
    await page.locator('table.participants').getByRole('row', { name: /Nadia/ }).waitFor()
    expect(await page.locator('table.participants').getByRole('row', { name: /Élodie Bézier/ }).textContent()).toContain('Grand Angoulême')
    // The new person's code: one line, even at 390 px (it wrapped on three).
    const code = page.locator('table.issued code').first()
    expect(await code.textContent()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(await code.evaluate((el) => el.getClientRects().length)).toBe(1)
    await page.screenshot({ path: `${shots}bureau-applied-fr-390.png`, fullPage: true })
    await page.locator('.issued-codes').screenshot({ path: `${shots}bureau-codes-box-fr-390.png` })
    // The tables that scroll sideways at 390 px take the keyboard's focus, each with a name.
    expect(await axeViolations(page)).toEqual([])
    expect(await page.getByRole('region', { name: 'Tableau des participants' }).getAttribute('tabindex')).toBe('0')
    await page.context().close()
  }, 90_000)

  test('bad lines: each one named under the form, and nothing to apply', async () => {
    const page = await bureauPage(desktop, true)
    expect(await page.locator('#import-help').textContent()).toContain('nom, organisation, courriel, rôle')
    await chooseFile(page, 'name;organisation;email;role\nAnne;Ville;anne@example.fr;president\n;Ville;b@example.fr;attendee\n')
    // Its live region is there before any message, so what arrives in it is read out (review item 12).
    expect(await page.locator('form.import + .action-message[role="status"]').count()).toBe(1)
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    // Right under the import form (point 3), not elsewhere on the page.
    const alert = page.locator('form.import + .action-message [role="alert"]')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Nothing was imported')
    expect(await alert.textContent()).toContain('Line 2, role')
    expect(await alert.textContent()).toContain('Line 3, name: is required')
    expect(await page.getByRole('button', { name: 'Apply these changes' }).count()).toBe(0)
    await page.screenshot({ path: `${shots}bureau-preview-errors-en-1366.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  }, 90_000)

  test('"Enregistré." shows beside the control saved, not under another section', async () => {
    // The setup is edited before the voting phase: a congress of its own, still in preparation.
    const setup = await startTestServer({ clientDir })
    const page = await signedInAt(browser, setup.baseUrl, setup.seed.bureauCode, `/congresses/${setup.seed.congressId}/bureau`, desktop)
    await page.getByLabel('Lieu').fill('Angoulême, espace Carat')
    // The live region is in the page before its message: the confirmation is read out when it arrives (review item 12).
    expect(await page.locator('form.details .action-message[role="status"]').count()).toBe(1)
    await page.locator('form.details').getByRole('button', { name: 'Enregistrer' }).click()
    // Under the details' own button (it showed under the questions' heading).
    await page.locator('form.details [role="status"]').filter({ hasText: 'Enregistré.' }).waitFor()
    expect(await page.locator('.structure .action-message p').count()).toBe(1)
    const title = page.getByLabel('Titre de la proposition 2', { exact: true })
    await title.fill('Une proposition renommée')
    await title.press('Enter')
    const proposal = page.locator('.structure-proposals li').filter({ has: title })
    await proposal.locator('[role="status"]').filter({ hasText: 'Enregistré.' }).waitFor()
    expect(await page.locator('form.details .action-message p').count()).toBe(0)
    await page.locator('.structure').screenshot({ path: `${shots}bureau-saved-beside-fr-1366.png` })
    await page.context().close()
    await setup.close()
  }, 90_000)

  const deskAt = async (viewport: { width: number; height: number }, english: boolean) => {
    const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/ballots`, viewport)
    if (english) {
      await page.getByRole('button', { name: 'Switch to English' }).click()
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
    }
    await page.locator('.attendance-list label').first().waitFor()
    return page
  }
  const deskNames = (page: Page) => page.locator('.attendance-list label').allTextContents()

  test.each([
    { viewport: phone, english: false, size: '390' },
    { viewport: desktop, english: true, size: '1366' },
    { viewport: phone, english: true, size: '390' },
    { viewport: desktop, english: false, size: '1366' },
  ])('the desk ($size px, English: $english): present only, counts by role, proxies beside each name', async ({ viewport, english, size }) => {
    const page = await deskAt(viewport, english)
    const lang = english ? 'en' : 'fr'
    // "Room code:" in English, "Code de la salle :" in French.
    const roomLine = (await page.locator('p').filter({ has: page.locator('.room-code') }).textContent())!.replace(/\s+/g, ' ')
    expect(roomLine).toContain(english ? 'Room code: ' : 'Code de la salle : ')
    if (english) expect(roomLine).not.toMatch(/\w :/)

    const counts = await page.locator('.role-counts li').allTextContents()
    // Élodie (and Bruno, made a delegate by the re-import, if it ran first) are present; the bureau's seat is not checked in.
    expect(counts.find((c) => c.startsWith(english ? 'Bureau:' : 'Bureau :'))).toBe(english ? 'Bureau: 0 of 1' : 'Bureau : 0 sur 1')
    expect(counts.length).toBeGreaterThanOrEqual(2)

    const row = (name: string) => page.locator('.attendance-list li').filter({ has: page.locator('label', { hasText: name }) })
    const elodie = row('Élodie Bézier')
    expect(await elodie.locator('.proxy-note').textContent()).toBe(english ? 'holds the proxy of Zoé Martin' : 'porte le pouvoir de Zoé Martin')
    const zoe = row('Zoé Martin')
    expect(await zoe.locator('.proxy-note').textContent()).toBe(english ? 'proxy given to Élodie Bézier' : 'pouvoir donné à Élodie Bézier')
    await page.screenshot({ path: `${shots}desk-all-${lang}-${size}.png`, fullPage: true })

    await page.getByLabel(english ? 'Present only' : 'Présents seulement').check()
    await expect.poll(() => deskNames(page)).toEqual(['Bruno Dvořák', 'Élodie Bézier'])
    await page.screenshot({ path: `${shots}desk-present-${lang}-${size}.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])
    await page.getByLabel(english ? 'Find a participant' : 'Chercher un participant').fill('zoe')
    await expect.poll(() => page.getByText(english ? 'Nobody matches.' : 'Personne ne correspond.').count()).toBe(1)
    await page.context().close()
  }, 90_000)

  test('"present only": unticking a row that then leaves the list moves the focus to its neighbour, not elsewhere, and says so', async () => {
    const page = await deskAt(desktop, false)
    await page.getByLabel('Présents seulement').check()
    await expect.poll(() => deskNames(page)).toEqual(['Bruno Dvořák', 'Élodie Bézier'])
    // Élodie, the last row, leaves: the focus goes to Bruno's box (the one before), and the desk says why she left.
    // A click, not uncheck(): the box goes away with its row, so there is no box left to find unticked.
    await page.getByLabel('Élodie Bézier', { exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Élodie Bézier absent·e, retiré·e de la liste des présents' }).waitFor()
    await expect.poll(() => deskNames(page)).toEqual(['Bruno Dvořák'])
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`present-${people[2]!.id}`)
    // Back in the room, for the tests that follow.
    const bureau = await plenum.login()
    expect((await call(plenum, bureau.token, 'PUT', `/congresses/${plenum.seed.congressId}/attendance/${people[0]!.id}`, { present: true })).status).toBe(200)
    await page.context().close()
  }, 90_000)

  test('English leaves no French space before a colon, even in the words read aloud only', async () => {
    const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}`, desktop)
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
    const hidden = page.locator('.phase-badge .visually-hidden, .proposals .visually-hidden')
    await hidden.first().waitFor({ state: 'attached' })
    const spoken = await hidden.allTextContents()
    expect(spoken.length).toBeGreaterThan(1)
    expect(spoken.filter((text) => /\S\s+:/.test(text))).toEqual([])
    expect(spoken[0]).toMatch(/^Phase:/)
    await page.context().close()
  }, 90_000)
})
