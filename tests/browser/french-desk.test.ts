import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { setPhase } from '../helpers/ballots.ts'
import { axeViolations, launchChromium } from '../helpers/browser.ts'
import { importAndSignIn } from '../helpers/participants.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/** The voters as a French reader orders them (the database's own order puts É and Ł after Z). */
const frenchOrder = ['Agnès Öztürk', 'Bruno Dvořák', 'Élodie Bézier', 'Émile Roux', 'Łukasz Nowak', 'Victor Hugo', 'Zoé Martin']
/** The desk lists everyone who votes: the bureau's seat too. */
const deskOrder = ['Agnès Öztürk', 'Bruno Dvořák', 'Bureau de Villes Internet', 'Élodie Bézier', 'Émile Roux', 'Łukasz Nowak', 'Victor Hugo', 'Zoé Martin']

/**
 * Issue 20, point 10: the check-in desk and the participants table list people in French order, and
 * their searches ignore accents and case ("elodie" finds "Élodie"); the proxy form chooses nobody at
 * first (it offered the list's first name on both sides).
 */
describe('names in French order, found without their accents', () => {
  let plenum: TestServer
  let browser: Browser

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    const bureau = await plenum.login()
    // Imported out of order: the order shown is the server's and the client's doing.
    await importAndSignIn(plenum, bureau.token, ['Zoé Martin', 'Émile Roux', 'Victor Hugo', 'Łukasz Nowak', 'Élodie Bézier', 'Bruno Dvořák', 'Agnès Öztürk'].map((name) => ({ name, role: 'attendee' as const })))
    await setPhase(plenum, bureau.token, 'voting')
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  const deskNames = (page: Page) => page.locator('.attendance-list label').allTextContents()

  async function desk(viewport: { width: number; height: number }, english: boolean): Promise<Page> {
    const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/ballots`, viewport)
    if (english) {
      await page.getByRole('button', { name: 'Switch to English' }).click()
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
    }
    await page.locator('.attendance-list label').first().waitFor()
    return page
  }

  test.each([
    { size: 'phone', viewport: { width: 390, height: 844 }, english: false },
    { size: 'desktop', viewport: { width: 1366, height: 900 }, english: false },
    { size: 'phone', viewport: { width: 390, height: 844 }, english: true },
    { size: 'desktop', viewport: { width: 1366, height: 900 }, english: true },
  ])('the check-in desk ($size, English: $english): French order; "elodie", "ÉLODIE" and "ozturk" find their people', async ({ size, viewport, english }) => {
    const page = await desk(viewport, english)
    const lang = english ? 'en' : 'fr'
    expect(await deskNames(page)).toEqual(deskOrder)
    // Nobody chosen in the proxy form: it no longer offers the first name on both sides.
    expect(await page.locator('#proxy-giver').inputValue()).toBe('')
    expect(await page.locator('#proxy-holder').inputValue()).toBe('')
    await page.locator('.attendance-list').screenshot({ path: `${artifacts}desk-list-${lang}-${size}.png` })

    const filter = page.getByLabel(english ? 'Find a participant' : 'Chercher un participant')
    await filter.fill('elodie')
    await expect.poll(() => deskNames(page)).toEqual(['Élodie Bézier'])
    await page.screenshot({ path: `${artifacts}desk-search-${lang}-${size}.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])
    await filter.fill('ÉLODIE')
    await expect.poll(() => deskNames(page)).toEqual(['Élodie Bézier'])
    await filter.fill('ozturk')
    await expect.poll(() => deskNames(page)).toEqual(['Agnès Öztürk'])
    await filter.fill('lukasz')
    await expect.poll(() => deskNames(page)).toEqual(['Łukasz Nowak'])
    await filter.fill('')
    await expect.poll(() => deskNames(page)).toEqual(deskOrder)
    await page.context().close()
  }, 60_000)

  test('a proxy given at the desk needs both people chosen', async () => {
    const page = await desk({ width: 1366, height: 900 }, false)
    await page.getByRole('button', { name: 'Enregistrer le pouvoir' }).click()
    // The browser refuses the empty choice: no request, no proxy.
    expect(await page.locator('#proxy-giver').evaluate((select: HTMLSelectElement) => select.validity.valueMissing)).toBe(true)
    expect(await page.getByText('Aucun pouvoir.').count()).toBe(1)
    await page.getByLabel('Donne pouvoir').selectOption({ label: 'Zoé Martin' })
    await page.getByLabel('À', { exact: true }).selectOption({ label: 'Élodie Bézier' })
    await page.getByRole('button', { name: 'Enregistrer le pouvoir' }).click()
    await page.getByText('Zoé Martin → Élodie Bézier').waitFor()
    // The form starts again from nobody.
    await expect.poll(() => page.locator('#proxy-holder').inputValue()).toBe('')
    await page.context().close()
  }, 60_000)

  test('the participants table: French order, and its filter ignores accents and case', async () => {
    const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/bureau`, { width: 1366, height: 900 })
    const rows = page.locator('table.participants tbody th')
    await rows.first().waitFor()
    const voters = (await rows.allTextContents()).filter((name) => frenchOrder.includes(name))
    expect(voters).toEqual(frenchOrder)
    await page.getByLabel('Filtrer par nom, organisation ou rôle').fill('EMILE')
    await expect.poll(() => rows.allTextContents()).toEqual(['Émile Roux'])
    await page.context().close()
  }, 60_000)
})
