import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, launchChromium } from '../helpers/browser.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const shots = '/tmp/shots-delivery/'
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const said = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()

/**
 * Delivery as the bureau and the advisor meet it (issue 20): the bureau records a delivery and
 * downloads the advisor's printable slip (the link as a QR code, not a bare code); the list of
 * deliveries and the seal page say their dates in French words, in the congress's time zone
 * (point 14); the seal page reads the motion across the page's width (point 15).
 */
describe('delivering the motion: the slip, the dates, the seal page', () => {
  let plenum: TestServer
  let browser: Browser
  let code: string

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    const bureau = (await plenum.login()).token
    await setPhase(plenum, bureau, 'voting')
    expect((await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`)).status).toBe(200)
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('the bureau records a delivery and downloads its slip; the list says the day in words', async () => {
    const bureau = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/bureau`, { width: 1366, height: 900 })
    await bureau.getByLabel('Nom du conseiller ou de la conseillère').fill('Claire Conseil')
    await bureau.getByLabel('Institution').fill('Cabinet du Premier ministre')
    await bureau.getByLabel('Date de remise').fill('2026-12-04')
    await bureau.getByLabel('Moyen de remise').fill('en main propre')
    await bureau.getByRole('button', { name: 'Enregistrer la remise' }).click()
    const notice = bureau.getByRole('status').filter({ hasText: 'Code d’accès du conseiller' })
    await notice.waitFor()
    code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec((await notice.textContent())!)![1]!
    // The list: "le 4 décembre 2026", not "le 2026-12-04".
    await expect.poll(() => said(bureau, '#seal-panel-heading ~ ul li')).toBe('Claire Conseil (Cabinet du Premier ministre), le 4 décembre 2026, en main propre')

    const slip = bureau.getByRole('region', { name: 'Fiche de remise pour Claire Conseil' })
    expect(await slip.locator('.delivery-link').textContent()).toBe(`${plenum.baseUrl}/join#code=${code}`)
    const [download] = await Promise.all([bureau.waitForEvent('download'), slip.getByRole('button', { name: 'Télécharger la fiche de remise (PDF)' }).click()])
    expect(download.suggestedFilename()).toBe('fiche-remise-claire-conseil.pdf')
    const text = execFileSync('pdftotext', ['-layout', (await download.path())!, '-'], { encoding: 'utf8' })
    expect(text).toContain(code)
    expect(text).toContain('Remise le 4 décembre 2026, en main propre.')
    await slip.getByRole('status').filter({ hasText: 'Fiche de remise téléchargée' }).waitFor()
    await slip.scrollIntoViewIfNeeded()
    await bureau.screenshot({ path: `${shots}bureau-slip-fr-1366.png` })
    expect(await axeViolations(bureau)).toEqual([])

    await bureau.setViewportSize({ width: 390, height: 844 })
    await slip.scrollIntoViewIfNeeded()
    await bureau.screenshot({ path: `${shots}bureau-slip-fr-390.png` })
    expect(await bureau.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await bureau.evaluate(() => localStorage.setItem('plenum.language', 'en'))
    await bureau.reload()
    await expect.poll(() => said(bureau, '#seal-panel-heading ~ ul li')).toBe('Claire Conseil (Cabinet du Premier ministre), on 4 December 2026, en main propre')
    await bureau.screenshot({ path: `${shots}bureau-deliveries-en-390.png`, fullPage: true })
    await bureau.context().close()
  }, 60_000)

  test('the advisor’s seal page: the freeze’s date in words, the motion across the page, the fingerprint where the sentence says', async () => {
    const advisor = await signedInAt(browser, plenum.baseUrl, code, `/congresses/${plenum.seed.congressId}/seal`, { width: 1366, height: 900 })
    await advisor.getByText('Signature valide').waitFor()
    // "Gelée le 30 novembre 2026, 15 h 32": words in Europe/Paris time, as the record's documents say it.
    expect(await said(advisor, '.frozen-at')).toMatch(/^Gelée le \d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}, \d{1,2} h \d{2}$/)
    // The sentence that points to the fingerprint comes before it ("dont l’empreinte suit").
    const order = await advisor.evaluate(() => {
      const sentence = [...document.querySelectorAll('.verdict p')].find((p) => p.textContent?.includes('empreinte'))
      const key = document.querySelector('.fingerprint')
      return sentence && key ? sentence.compareDocumentPosition(key) & Node.DOCUMENT_POSITION_FOLLOWING : -1
    })
    expect(order).toBeGreaterThan(0)
    // The motion read across the page, not in a 360 px frame.
    const motion = advisor.locator('.sealed-motion')
    await motion.getByRole('heading', { level: 2, name: 'Préambule' }).waitFor()
    expect((await motion.boundingBox())!.width).toBeGreaterThan(600)
    expect(await advisor.locator('.sealed-motion iframe').count()).toBe(0)
    await advisor.screenshot({ path: `${shots}seal-fr-1366.png` })
    expect(await axeViolations(advisor)).toEqual([])
    await advisor.setViewportSize({ width: 390, height: 844 })
    await advisor.screenshot({ path: `${shots}seal-fr-390.png` })
    expect((await motion.boundingBox())!.width).toBeGreaterThan(330)
    await advisor.evaluate(() => localStorage.setItem('plenum.language', 'en'))
    await advisor.reload()
    await advisor.getByText('Valid signature').waitFor()
    expect(await said(advisor, '.frozen-at')).toMatch(/^Frozen on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/)
    await advisor.screenshot({ path: `${shots}seal-en-390.png` })
    await advisor.setViewportSize({ width: 1366, height: 900 })
    await advisor.screenshot({ path: `${shots}seal-en-1366.png` })
    expect(await axeViolations(advisor)).toEqual([])
    await advisor.context().close()
  }, 60_000)

  test('the form says it holds unsaved typing; the next advisor’s slip is not said downloaded', async () => {
    const bureau = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/bureau`, { width: 1366, height: 900 })
    const form = bureau.locator('form.delivery-form')
    const record = async (name: string) => {
      await bureau.getByLabel('Nom du conseiller ou de la conseillère').fill(name)
      // Typed, not recorded: the form says so (and leaving the page would ask first).
      await form.locator('[data-unsaved]').waitFor()
      await bureau.getByLabel('Institution').fill('Préfecture')
      await bureau.getByLabel('Date de remise').fill('2026-12-05')
      await bureau.getByLabel('Moyen de remise').fill('courriel')
      await bureau.getByRole('button', { name: 'Enregistrer la remise' }).click()
      await bureau.getByRole('region', { name: `Fiche de remise pour ${name}` }).waitFor()
      expect(await form.locator('[data-unsaved]').count()).toBe(0)
    }
    await record('Denise Premier')
    const first = bureau.getByRole('region', { name: 'Fiche de remise pour Denise Premier' })
    await Promise.all([bureau.waitForEvent('download'), first.getByRole('button', { name: 'Télécharger la fiche de remise (PDF)' }).click()])
    await first.getByRole('status').filter({ hasText: 'Fiche de remise téléchargée' }).waitFor()
    await record('Yves Second')
    const second = bureau.getByRole('region', { name: 'Fiche de remise pour Yves Second' })
    expect(await second.getByText('Fiche de remise téléchargée').count()).toBe(0)
    expect(await second.getByRole('button', { name: 'Télécharger la fiche de remise (PDF)' }).isVisible()).toBe(true)
    await bureau.context().close()
  }, 60_000)
})
