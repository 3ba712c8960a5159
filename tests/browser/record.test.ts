import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { call, setPhase } from '../helpers/ballots.ts'
import { axeViolations, hallUrl, launchChromium } from '../helpers/browser.ts'
import { runRecordDay, type RecordDay } from '../helpers/record-day.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const phone = { width: 390, height: 844 }
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)

describe('the record in the browser: the comparative table and the minutes’ preview (issue 19)', () => {
  let plenum: TestServer
  let browser: Browser
  let day: RecordDay
  const congressPath = () => `/congresses/${plenum.seed.congressId}`

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    day = await runRecordDay(plenum)
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('a delegate reaches the comparative table from the congress page: each text side by side, changes marked and told in words; a new amendment appears live', async () => {
    const anne = day.voters[0]!
    const page = await signedInAt(browser, plenum.baseUrl, anne.code, congressPath())
    await page.getByRole('link', { name: 'Tableau comparatif' }).click()
    await page.getByRole('heading', { level: 1, name: 'Tableau comparatif' }).waitFor()
    const table = page.getByRole('table', { name: /^Proposition 2 — / })
    await table.waitFor()
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Texte soumis aux amendements', 'Amendements', 'Texte à ce jour'])
    const amendments = table.getByRole('cell').nth(1)
    expect(await amendments.textContent()).toMatch(/P2-A2\s*— Tombé, du fait de l’adoption de P2-A1/)
    // Underlined and announced: a screen reader hears "ajout : ou sociale fin".
    expect(await table.getByRole('cell').nth(2).locator('ins').first().textContent()).toMatch(/\[ajout :\] ou sociale\s*\[fin\]/)
    expect(await page.locator('.record-tools a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(
      ['pdf', 'odt', 'docx', 'md'].map((f) => `/api${congressPath()}/record/comparative?lang=fr&format=${f}`),
    )
    await table.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${artifacts}record-comparative.png` })
    expect(await axeViolations(page)).toEqual([])

    // Filed and submitted elsewhere: the table reads again on the amendment's step.
    await setPhase(plenum, day.bureau, 'amendments')
    const filed = await call(plenum, anne.token, 'POST', `/proposals/${plenum.seed.proposals[2]!.id}/amendments`, { justification: 'Nouveau.' })
    expect((await call(plenum, anne.token, 'POST', `/amendments/${filed.body.id}/submit`)).status).toBe(200)
    await expect.poll(() => page.getByRole('table', { name: /^Proposition 3 — / }).textContent(), { timeout: 10_000 }).toContain('P3-A1 — Non examiné')
    await page.context().close()
  }, 90_000)

  test('on a phone, from the hall’s address, in English: the table’s cells stack, each named, nothing wider than the screen', async () => {
    const page = await signedInAt(browser, hallUrl(plenum.baseUrl), day.voters[1]!.code, `${congressPath()}/comparative`, phone)
    await page.getByRole('button', { name: /English/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Comparative table' }).waitFor()
    const table = page.getByRole('table', { name: /^Proposal 2 — / })
    await table.waitFor()
    expect(await table.getByRole('cell').nth(1).textContent()).toMatch(/P2-A2\s*— Fell, as P2-A1 was adopted/)
    expect(await overflowsSideways(page)).toBe(false)
    await table.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${artifacts}record-comparative-phone-en.png` })
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  }, 60_000)

  test('the bureau previews the minutes from its page and downloads them; a delegate may not', async () => {
    const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `${congressPath()}/bureau`)
    await page.getByRole('link', { name: 'Procès-verbal (aperçu)' }).click()
    await page.getByRole('heading', { level: 1, name: 'Procès-verbal' }).waitFor()
    await page.getByRole('heading', { level: 3, name: 'Scrutin n° 1 — Amendement P2-A1' }).waitFor()
    expect(await page.locator('.record').textContent()).toContain('Pour 2, contre 0, abstentions 1')
    expect(await page.getByRole('table', { name: /^Amendements — Proposition 2/ }).getByRole('row').count()).toBe(6)
    await page.screenshot({ path: `${artifacts}record-minutes.png` })
    expect(await axeViolations(page)).toEqual([])
    const pdf = await page.evaluate(async (href) => {
      const answer = await fetch(href)
      return { status: answer.status, type: answer.headers.get('content-type'), start: new TextDecoder().decode((await answer.arrayBuffer()).slice(0, 5)) }
    }, (await page.getByRole('link', { name: 'Télécharger (PDF)' }).getAttribute('href'))!)
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', start: '%PDF-' })
    await page.context().close()

    const delegate = await signedInAt(browser, plenum.baseUrl, day.voters[0]!.code, `${congressPath()}/minutes`)
    await delegate.getByRole('alert').waitFor()
    expect(await delegate.locator('.record').count()).toBe(0)
    await delegate.context().close()
  }, 60_000)
})
