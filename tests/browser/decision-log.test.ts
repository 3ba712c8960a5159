import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, launchChromium } from '../helpers/browser.ts'
import { decisionLogFlow, type DecisionLogFlow } from '../helpers/decision-log-flow.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

describe('the bureau’s decision log', () => {
  let plenum: TestServer
  let browser: Browser
  let flow: DecisionLogFlow

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    flow = await decisionLogFlow(plenum)
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  const bureauPage = (width: number) => signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/bureau`, { width, height: 900 })
  const sentences = (page: Page) => page.locator('.audit-sentence').allTextContents()
  const panel = (page: Page) => page.locator('plenum-audit-panel')

  test('reads as sentences, filters by kind and by person, keeps each raw entry behind its details, and exports the CSV (1366 px, French)', async () => {
    const page = await bureauPage(1366)
    await expect.poll(() => sentences(page)).toContain(`Élodie Bézier a déposé ${flow.amendmentLabel}`)
    const all = await sentences(page)
    expect(all).toHaveLength(7)
    // Newest first; no action code among the sentences.
    expect(all[0]).toBe('Pouvoir de Marc Aubert à Zoé Nguyen')
    expect(all).toContain('Phase : rédaction → amendements')
    expect(all).toContain('Zoé Nguyen pointé·e présent·e')
    expect(all.join(' ')).not.toMatch(/amendment\.|proxy\.|phase\./)

    // The raw entry: closed at first, then its action, payload and both hashes.
    const submitted = page.locator('.audit-entry[data-action="amendment.submitted"]')
    const raw = submitted.locator('details')
    expect(await raw.locator('dl').isVisible()).toBe(false)
    await raw.locator('summary').click()
    await expect.poll(() => raw.locator('dl').isVisible()).toBe(true)
    const rawText = (await raw.locator('dl').textContent()) ?? ''
    expect(rawText).toContain('amendment.submitted')
    expect(rawText).toContain(flow.amendmentLabel)
    expect(rawText).toMatch(/[0-9a-f]{64}[\s\S]*[0-9a-f]{64}/)

    // By kind.
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Amendements' })
    await expect.poll(() => sentences(page)).toEqual([`Élodie Bézier a déposé ${flow.amendmentLabel}`, `Élodie Bézier a commencé l’amendement ${flow.amendmentLabel} (brouillon)`])
    expect(await page.locator('.audit-count').textContent()).toBe('2 entrées sur 7')
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Présences et pouvoirs' })
    await expect.poll(() => sentences(page)).toEqual(['Pouvoir de Marc Aubert à Zoé Nguyen', 'Zoé Nguyen pointé·e présent·e'])

    // By person, the list in French order.
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Toutes les décisions' })
    const person = page.getByLabel('Auteur')
    expect(await person.locator('option').allTextContents()).toEqual(['Tout le monde', expect.stringMatching(/^Bureau de /), 'Élodie Bézier', 'ligne de commande'])
    await person.selectOption({ label: 'Élodie Bézier' })
    await expect.poll(() => sentences(page)).toHaveLength(2)
    await person.selectOption({ label: 'ligne de commande' })
    await expect.poll(() => sentences(page)).toEqual([expect.stringMatching(/^Congrès « .+ » créé$/)])
    await person.selectOption({ label: 'Tout le monde' })
    await expect.poll(() => sentences(page)).toHaveLength(7)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter en CSV' }).click()])
    expect(download.suggestedFilename()).toBe('journal-des-decisions.csv')
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv).toContain('N°;Date;Qui;Décision;Action;Empreinte')
    expect(csv).toContain(`Élodie Bézier a déposé ${flow.amendmentLabel}`)

    await panel(page).screenshot({ path: `${artifacts}decision-log-1366-fr.png` })
    expect(await axeViolations(page, 'plenum-audit-panel')).toEqual([])
    await page.context().close()
  })

  test('on a phone, and in English', async () => {
    const phone = await bureauPage(390)
    await expect.poll(() => sentences(phone)).toContain(`Élodie Bézier a déposé ${flow.amendmentLabel}`)
    await phone.locator('.audit-entry[data-action="proxy.recorded"] summary').click()
    // Nothing wider than the phone: the hashes wrap.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await panel(phone).screenshot({ path: `${artifacts}decision-log-390-fr.png` })
    expect(await axeViolations(phone, 'plenum-audit-panel')).toEqual([])

    await phone.getByRole('button', { name: 'Switch to English' }).click()
    await expect.poll(() => sentences(phone)).toContain(`Élodie Bézier filed ${flow.amendmentLabel}`)
    expect(await sentences(phone)).toContain('Phase: drafting → amendments')
    await phone.getByLabel('Kind', { exact: true }).selectOption({ label: 'Attendance and proxies' })
    await expect.poll(() => sentences(phone)).toEqual(['Proxy from Marc Aubert to Zoé Nguyen', 'Zoé Nguyen checked in as present'])
    await panel(phone).screenshot({ path: `${artifacts}decision-log-390-en.png` })
    expect(await axeViolations(phone, 'plenum-audit-panel')).toEqual([])

    await phone.setViewportSize({ width: 1366, height: 900 })
    await phone.getByLabel('Kind', { exact: true }).selectOption({ label: 'All decisions' })
    await expect.poll(() => sentences(phone)).toHaveLength(7)
    await panel(phone).screenshot({ path: `${artifacts}decision-log-1366-en.png` })
    expect(await axeViolations(phone, 'plenum-audit-panel')).toEqual([])
    await phone.context().close()
  })
})
