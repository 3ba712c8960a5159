import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join as joinPath } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { setPhase } from '../helpers/ballots.ts'
import { axeViolations, hallUrl, launchChromium, openPage } from '../helpers/browser.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

describe('the seal in the browser', () => {
  let plenum: TestServer
  let browser: Browser
  let advisorCode: string

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    await setPhase(plenum, (await plenum.login()).token, 'voting')
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  const join = async (code: string, base = plenum.baseUrl): Promise<Page> => {
    const page = await openPage(browser, `${base}/join/${code}`)
    page.setDefaultTimeout(15_000)
    page.on('dialog', (dialog) => void dialog.accept())
    await signedIn(page)
    return page
  }

  test('the bureau freezes and records a delivery; the advisor sees "Signature valide" and downloads the bundle', async () => {
    const bureau = await join(plenum.seed.bureauCode)
    await bureau.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/bureau`)
    // Nothing voted: the freeze waits for the box naming the 29 proposals (tests/browser/freeze-check.test.ts).
    await bureau.getByLabel('Je gèle la motion avec 29 propositions non mises aux voix').check()
    await bureau.getByRole('button', { name: 'Geler et sceller la motion' }).click()
    // The freeze renders the motion and its record (a few seconds, more on PostgreSQL under load).
    await expect.poll(() => bureau.getByRole('status').filter({ hasText: 'Motion gelée et scellée' }).count(), { timeout: 60_000 }).toBe(1)
    await expect.poll(() => bureau.locator('.phase-badge').textContent()).toContain('gelée')
    await bureau.getByLabel('Nom du conseiller ou de la conseillère').fill('Claire Conseil')
    await bureau.getByLabel('Institution').fill('Cabinet du Premier ministre')
    await bureau.getByLabel('Date de remise').fill('2026-12-04')
    await bureau.getByLabel('Moyen de remise').fill('en main propre')
    await bureau.getByRole('button', { name: 'Enregistrer la remise' }).click()
    const notice = bureau.getByRole('status').filter({ hasText: 'Code d’accès du conseiller' })
    await notice.waitFor()
    const code = (advisorCode = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec((await notice.textContent())!)![1]!)
    await expect.poll(() => bureau.locator('.phase-badge').textContent()).toContain('remise')
    await bureau.screenshot({ path: `${artifacts}bureau-sealed.png`, fullPage: true })
    expect(await axeViolations(bureau)).toEqual([])

    const advisor = await join(code)
    await advisor.getByRole('heading', { level: 1, name: 'Motion scellée' }).waitFor()
    await advisor.getByText('Signature valide').waitFor()
    // From 127.0.0.1, a secure context: the browser's own WebCrypto checked, and the page says so.
    expect(await advisor.locator('.verdict').textContent()).toContain('WebCrypto')
    expect(await advisor.locator('.verdict').textContent()).toContain('SHA256SUMS.sig')
    const fingerprint = (await advisor.locator('.fingerprint').textContent())!.replace(/\s/g, '')
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/)
    // The sealed motion as a page (motion.json, drawn as the motion page draws it): every proposal, with the seal's outcome.
    const sealed = advisor.locator('.sealed-motion')
    await sealed.getByRole('heading', { level: 2, name: 'Préambule' }).waitFor()
    expect(await sealed.getByRole('heading', { level: 3 }).count()).toBe(29)
    expect(await sealed.locator('.motion-proposal .motion-status').first().textContent()).toContain('Non mise aux voix')
    await advisor.screenshot({ path: `${artifacts}seal-advisor.png`, fullPage: true })
    expect(await axeViolations(advisor)).toEqual([])
    const [download] = await Promise.all([advisor.waitForEvent('download'), advisor.getByRole('link', { name: 'Télécharger le dossier scellé (zip)' }).click()])
    const files = Object.keys(unzipSync(new Uint8Array(readFileSync((await download.path())!))))
    expect(files.map((f) => f.split('/').at(-1)).sort()).toContain('SHA256SUMS.sig')
    // An advisor reads the motion and its seal, and writes nothing.
    expect(await advisor.getByRole('link', { name: 'Espace du bureau' }).count()).toBe(0)
    for (const page of [bureau, advisor]) await page.context().close()
  }, 120_000)

  test('from the hall’s Wi-Fi (plain HTTP, not a secure context) the advisor’s check still runs, in JavaScript, and says so', async () => {
    const advisor = await join(advisorCode, hallUrl(plenum.baseUrl))
    expect(await advisor.evaluate(() => window.isSecureContext)).toBe(false)
    await advisor.getByRole('heading', { level: 1, name: 'Motion scellée' }).waitFor()
    await advisor.getByText('Signature valide').waitFor()
    const verdict = (await advisor.locator('.verdict').textContent())!
    expect(verdict).toContain('JavaScript')
    expect(verdict).toContain('SHA256SUMS.sig')
    await advisor.screenshot({ path: `${artifacts}seal-advisor-hall.png`, fullPage: true })
    expect(await axeViolations(advisor)).toEqual([])
    await advisor.context().close()
  }, 60_000)

  test('a file of the bundle changed on the server is shown as not valid, naming it, on either origin', async () => {
    const file = joinPath(plenum.dataDir, 'bundles', plenum.seed.congressId, 'motion.md')
    const genuine = readFileSync(file)
    writeFileSync(file, Buffer.concat([genuine, Buffer.from('\nLe bureau est reconduit.\n')]))
    try {
      for (const base of [hallUrl(plenum.baseUrl), plenum.baseUrl]) {
        const advisor = await join(advisorCode, base)
        await advisor.getByRole('heading', { level: 1, name: 'Motion scellée' }).waitFor()
        const alert = advisor.getByRole('alert').filter({ hasText: 'NON valide' })
        await alert.waitFor()
        expect(await alert.textContent()).toContain('motion.md')
        expect(await advisor.getByText('Signature valide').count()).toBe(0)
        if (base !== plenum.baseUrl) await advisor.screenshot({ path: `${artifacts}seal-advisor-forged.png`, fullPage: true })
        await advisor.context().close()
      }
    } finally {
      writeFileSync(file, genuine)
    }
  }, 60_000)
})
