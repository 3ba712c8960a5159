import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { setPhase } from '../helpers/ballots.ts'
import { axeViolations, launchChromium, openPage } from '../helpers/browser.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const phoneSize = { width: 360, height: 740 }

describe('votes in the browser', () => {
  let plenum: TestServer
  let browser: Browser
  let alice: Signed
  let holder: Signed
  let giver: Signed

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    const bureau = await plenum.login()
    ;[alice, holder, giver] = (await importAndSignIn(plenum, bureau.token, [
      { name: 'Alice Martin', role: 'attendee' },
      { name: 'Hugo Porteur', role: 'delegate' },
      { name: 'Gaston Absent', role: 'attendee' },
    ])) as [Signed, Signed, Signed]
    await setPhase(plenum, bureau.token, 'voting')
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  const join = async (code: string, viewport?: { width: number; height: number }): Promise<Page> => {
    const page = await openPage(browser, `${plenum.baseUrl}/join/${code}`, viewport)
    page.setDefaultTimeout(10_000)
    page.on('dialog', (dialog) => void dialog.accept())
    await signedIn(page)
    return page
  }
  const congressUrl = () => `${plenum.baseUrl}/congresses/${plenum.seed.congressId}`

  test('a phone checks in, votes with a confirmation, hears "A voté", and finds its receipt on the board; the projector follows live', async () => {
    const console = await join(plenum.seed.bureauCode)
    await console.goto(`${congressUrl()}/ballots`)
    await console.getByRole('heading', { level: 1, name: 'Scrutins' }).waitFor()
    const roomCode = (await console.locator('.room-code').first().textContent())!.trim()
    await console.getByLabel('Objet').selectOption({ label: 'Proposition 1 — Un médiateur numérique dans chaque intercommunalité' })
    await console.getByRole('button', { name: 'Créer le scrutin' }).click()
    await console.locator('.ballot-item .status-badge[data-status="draft"]').waitFor()

    // Alice checks herself in on her phone with the code shown in the room.
    const phone = await join(alice.code, phoneSize)
    await phone.getByRole('link', { name: 'Voter' }).click()
    await phone.getByLabel('Code affiché dans la salle').fill(roomCode)
    await phone.getByRole('button', { name: 'Je suis présent·e' }).click()
    await expect.poll(() => phone.locator('.live-region').textContent()).toContain('Présence enregistrée')
    await expect.poll(() => console.locator('.count').first().textContent()).toContain('1 présent')

    const projector = await join(plenum.seed.bureauCode, { width: 1920, height: 1080 })
    await projector.goto(`${plenum.baseUrl}/projector/${plenum.seed.congressId}`)
    await console.getByRole('button', { name: 'Ouvrir le vote' }).click()
    await expect.poll(() => projector.locator('.projector-participation').textContent(), { timeout: 10_000 }).toContain('0 / 1 ont voté')

    // The phone, which never reloaded, shows the ballot; a vote takes a confirmation.
    await phone.getByRole('heading', { name: 'Vote sur : Proposition 1' }).waitFor()
    await expect.poll(() => phone.locator('plenum-text-view').textContent()).toContain('médiateur')
    await phone.screenshot({ path: `${artifacts}vote-phone.png`, fullPage: true })
    expect(await axeViolations(phone)).toEqual([])
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await phone.getByRole('button', { name: 'Pour' }).click()
    await phone.getByText('Confirmer : Pour ?').waitFor()
    await phone.getByRole('button', { name: 'Confirmer' }).click()
    await expect.poll(() => phone.getByRole('status').filter({ hasText: 'A voté' }).count()).toBeGreaterThan(0)
    const receipt = (await phone.locator('.receipt strong').textContent())!.replace(/\s/g, '')
    expect(receipt).toMatch(/^[0-9a-f]{12}$/)
    expect(await phone.getByRole('button', { name: 'Pour' }).count()).toBe(0)
    await phone.screenshot({ path: `${artifacts}vote-cast-phone.png`, fullPage: true })
    expect(await axeViolations(phone)).toEqual([])
    await expect.poll(() => projector.locator('.projector-participation').textContent(), { timeout: 10_000 }).toContain('1 / 1 ont voté')
    await expect.poll(() => console.locator('.participation').first().textContent()).toContain('1 / 1 ont voté')

    // A reload keeps the receipt: the device remembers its vote.
    await phone.reload()
    await expect.poll(() => phone.locator('.receipt strong').textContent()).toContain(receipt.slice(0, 4))

    await console.getByRole('button', { name: 'Clore le vote' }).click()
    await console.locator('.result-table').waitFor()
    expect(await console.locator('.result-table .outcome').textContent()).toBe('Adopté')
    await console.getByRole('button', { name: 'Publier les résultats' }).click()
    await console.locator('.ballot-item .status-badge[data-status="published"]').waitFor()
    await console.screenshot({ path: `${artifacts}ballots-console.png`, fullPage: true })
    expect(await axeViolations(console)).toEqual([])

    await expect.poll(() => projector.locator('.projector-outcome').textContent(), { timeout: 10_000 }).toBe('Adopté')
    expect(await projector.locator('.bar-row').count()).toBe(3)
    await projector.screenshot({ path: `${artifacts}projector.png` })
    expect(await axeViolations(projector)).toEqual([])

    await phone.getByRole('link', { name: 'Retrouver mon bulletin' }).click()
    await phone.locator('tr.found').waitFor()
    expect(await phone.locator('tr.found').textContent()).toContain('Pour')
    expect(await phone.getByText('Le recomptage correspond au résultat publié.').count()).toBe(1)
    await phone.screenshot({ path: `${artifacts}board.png`, fullPage: true })
    expect(await axeViolations(phone)).toEqual([])
    for (const page of [phone, projector, console]) await page.context().close()
  }, 120_000)

  test('a proxy holder casts one vote per person represented; offline, the buttons wait', async () => {
    const console = await join(plenum.seed.bureauCode)
    await console.goto(`${congressUrl()}/ballots`)
    await console.getByLabel('Pointer par code d’accès (saisi ou badge scanné)').fill(holder.code)
    await console.getByRole('button', { name: 'Pointer', exact: true }).click()
    await expect.poll(() => console.getByRole('status').filter({ hasText: 'Hugo Porteur présent·e' }).count()).toBe(1)
    await console.getByLabel('Donne pouvoir').selectOption({ label: 'Gaston Absent' })
    await console.getByLabel('À', { exact: true }).selectOption({ label: 'Hugo Porteur' })
    await console.getByRole('button', { name: 'Enregistrer le pouvoir' }).click()
    await console.getByText('Gaston Absent → Hugo Porteur').waitFor()
    await console.getByLabel('Objet').selectOption({ label: 'L’ensemble de la motion' })
    await console.getByRole('button', { name: 'Créer le scrutin' }).click()
    await console.getByRole('button', { name: 'Ouvrir le vote' }).click()
    await console.locator('.ballot-item .status-badge[data-status="open"]').waitFor()

    const phone = await join(holder.code, phoneSize)
    await phone.goto(`${congressUrl()}/vote`)
    await phone.getByRole('heading', { name: 'Mon vote' }).waitFor()
    await phone.getByRole('heading', { name: 'Au nom de Gaston Absent (pouvoir)' }).waitFor()
    await phone.context().setOffline(true)
    await phone.getByText('Hors connexion').waitFor()
    expect(await phone.getByRole('button', { name: 'Pour' }).first().isDisabled()).toBe(true)
    await phone.context().setOffline(false)
    await expect.poll(() => phone.getByRole('button', { name: 'Pour' }).first().isDisabled(), { timeout: 15_000 }).toBe(false)

    const blocks = phone.locator('.vote-block')
    await blocks.nth(0).getByRole('button', { name: 'Contre' }).click()
    await blocks.nth(0).getByRole('button', { name: 'Confirmer' }).click()
    await blocks.nth(0).locator('.voted-mark').waitFor()
    await blocks.nth(1).getByRole('button', { name: 'Abstention' }).click()
    await blocks.nth(1).getByRole('button', { name: 'Confirmer' }).click()
    await blocks.nth(1).locator('.voted-mark').waitFor()
    await expect.poll(() => console.locator('.participation').first().textContent()).toContain('2 / 3 ont voté')
    await phone.screenshot({ path: `${artifacts}vote-proxy-phone.png`, fullPage: true })
    expect(await axeViolations(phone)).toEqual([])
    await console.getByRole('button', { name: 'Clore le vote' }).click()
    await console.getByRole('button', { name: 'Publier les résultats' }).click()
    await console.locator('.ballot-item .status-badge[data-status="published"]').first().waitFor()
    for (const page of [phone, console]) await page.context().close()
  }, 120_000)
})
