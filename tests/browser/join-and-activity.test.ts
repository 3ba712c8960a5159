import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { demoCongress } from '../../shared/demo/demo-congress.ts'
import { axeViolations, hallUrl, launchChromium, openPage } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'

/**
 * Issue 15, points 3 and 8, from a phone on the hall's Wi-Fi (plain HTTP, a host name that is not
 * localhost: not a secure context): the bureau sees codes once, a join link carries its code in the
 * fragment and leaves the address bar clean, and a participant sees who signed in with their code.
 */
describe('joining from the hall, and one’s own sign-ins', () => {
  let plenum: TestServer
  let browser: Browser
  let hall: string

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    hall = hallUrl(plenum.baseUrl)
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('the bureau imports, sees the codes once, downloads the sheet; a participant joins by link and by hand on plain HTTP, and sees a sign-in that was not theirs', async () => {
    // The bureau, on the hall's network, types its code.
    const bureau = await openPage(browser, `${hall}/join`)
    expect(await bureau.evaluate(() => window.isSecureContext)).toBe(false)
    await bureau.getByLabel('Code d’accès').fill(plenum.seed.bureauCode)
    await bureau.keyboard.press('Enter')
    await bureau.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor()
    await bureau.goto(`${hall}/congresses/${plenum.seed.congressId}/bureau`)
    await bureau.getByRole('heading', { level: 1, name: 'Espace du bureau' }).waitFor()

    const csv = 'name;organisation;email;role\nAlice Martin;Ville de Rennes;alice@example.fr;delegate\n'
    await bureau.getByLabel('Fichier CSV').setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
    await bureau.getByRole('button', { name: 'Importer' }).click()
    await bureau.getByRole('button', { name: 'Appliquer ces changements' }).click()
    const issued = bureau.locator('table.issued').getByRole('row', { name: /Alice Martin/ })
    const code = (await issued.locator('code').textContent())!.trim()
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    await expect.poll(() => bureau.evaluate(() => document.activeElement?.id)).toBe('issued-heading')
    const [download] = await Promise.all([bureau.waitForEvent('download'), bureau.getByRole('button', { name: 'Télécharger la feuille des codes (PDF)' }).click()])
    expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-')
    await bureau.screenshot({ path: `${artifacts}participants-codes-once.png`, fullPage: true })
    await bureau.locator('.issued-codes').screenshot({ path: `${artifacts}participants-codes-once-box.png` })
    expect(await axeViolations(bureau)).toEqual([])

    // Hidden, the codes are gone: reloading the page does not bring them back.
    await bureau.getByRole('button', { name: 'J’ai imprimé ces codes : les masquer' }).click()
    await bureau.reload()
    await bureau.locator('table.participants').getByRole('row', { name: /Alice Martin/ }).waitFor()
    expect(await bureau.locator('main').textContent()).not.toContain(code)

    // Someone else signs in with Alice's code, from an iPhone.
    const other = await browser.newContext({ userAgent: iphone })
    const otherPage = await other.newPage()
    await otherPage.goto(`${hall}/join#code=${code}`)
    await otherPage.getByRole('heading', { level: 1, name: demoCongress.title }).waitFor()
    await other.close()

    // Alice opens the link on her card: the code is in the fragment, signed in over plain HTTP, and the address bar no longer holds it.
    const alice = await openPage(browser, `${hall}/join#code=${code}`, { width: 390, height: 844 })
    await alice.getByRole('heading', { level: 1, name: demoCongress.title }).waitFor()
    expect(alice.url()).not.toContain(code)
    expect(alice.url()).not.toContain('#code')

    // Her page lists both sign-ins: hers (this session) and the iPhone's.
    const signIns = alice.locator('table.sign-ins tbody tr')
    await expect.poll(() => signIns.count()).toBe(2)
    expect(await signIns.nth(0).textContent()).toContain('cette session')
    expect(await signIns.nth(1).textContent()).toContain('Safari sur iOS')
    await alice.locator('.my-activity').scrollIntoViewIfNeeded()
    await alice.screenshot({ path: `${artifacts}my-activity-phone.png`, fullPage: true })
    await alice.locator('.my-activity').screenshot({ path: `${artifacts}my-activity-section.png` })
    expect(await axeViolations(alice)).toEqual([])
    await alice.context().close()
    await bureau.context().close()
  })

  test('an older /join/<code> link still signs in once, and the code leaves the address bar', async () => {
    const page = await openPage(browser, `${hall}/join/${plenum.seed.bureauCode}`)
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor()
    expect(page.url()).not.toContain(plenum.seed.bureauCode)
    // Back does not bring the code back either: the join address was replaced, not kept in the history.
    await page.goBack()
    expect(page.url()).not.toContain(plenum.seed.bureauCode)
    await page.context().close()
  })
})
