import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CongressView, FiledAmendmentView } from '../../shared/api-types.ts'
import { axeViolations, launchChromium } from '../helpers/browser.ts'
import { call, createBallot, setPhase } from '../helpers/ballots.ts'
import { competingProposalIndex, fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const shots = '/tmp/shots-projector/'
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const wall = { width: 1920, height: 1080 }

/** Pixels, as the wall draws them: a size the back of the room can read or not. */
const fontSize = (locator: Locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
const said = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()

/**
 * The projector read as the back of a 1080p room reads it (issue 20, point 4): the idle wall (the
 * congress, its phase, how to join, the next ballot), a vote with its subject's title and a diff
 * large enough, the room code large, and the bureau's full-screen and text-size controls, the size
 * kept on the device.
 */
describe('the projector from the back of the room', () => {
  let plenum: TestServer
  let browser: Browser
  let bureauToken: string
  let congress: CongressView
  let amendment: FiledAmendmentView
  let projector: Page
  const path = () => `/projector/${plenum.seed.congressId}`

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    mkdirSync(shots, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureauToken = (await plenum.login()).token
    await setPhase(plenum, bureauToken, 'amendments')
    // P2-A4 changes line 3 of proposal 2 ("le code des relations" → "la loi et le code des relations").
    amendment = (await fileCompetingAmendments(plenum, bureauToken))[3]!
    await setPhase(plenum, bureauToken, 'voting')
    congress = (await call<CongressView>(plenum, bureauToken, 'GET', `/congresses/${plenum.seed.congressId}`)).body
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('with nothing on, the wall shows the congress, its phase, how to join with a large room code, and the next ballot', async () => {
    projector = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, path(), wall)
    await projector.getByRole('heading', { level: 1, name: congress.title }).waitFor()
    expect(await said(projector.locator('.projector-phase'))).toBe('Phase : vote')
    const code = projector.locator('.projector-room-code')
    expect(await said(code)).toMatch(/^[0-9A-Z-]{4,}$/)
    // Read from 10 m: the code at least 120 px high, the QR code at least 300 px wide, on the screen.
    expect(await fontSize(code)).toBeGreaterThanOrEqual(120)
    const qr = await projector.getByRole('img', { name: 'QR code de la page de vote' }).boundingBox()
    expect(qr!.width).toBeGreaterThanOrEqual(300)
    expect((await code.boundingBox())!.y + (await code.boundingBox())!.height).toBeLessThanOrEqual(wall.height)
    expect(await said(projector.locator('.projector-next'))).toBe('Aucun scrutin n’est encore préparé.')

    // A ballot prepared: the idle wall announces it, live, by its label and what it amends.
    await createBallot(plenum, bureauToken, { kind: 'amendment', id: amendment.id })
    const proposal = congress.proposals[competingProposalIndex]!
    await expect.poll(() => said(projector.locator('.projector-next'))).toBe(`P2-A4 — Modifie : Proposition 2 — ${proposal.title}`)
    await projector.screenshot({ path: `${shots}idle-fr-1920.png` })
    expect(await axeViolations(projector)).toEqual([])
  })

  test('a vote on the wall says what it amends, with its diff and the room code at a size read from the back', async () => {
    const ballots = (await call<{ ballots: { id: string }[] }>(plenum, bureauToken, 'GET', `/congresses/${plenum.seed.congressId}/ballots`)).body.ballots
    const put = await call(plenum, bureauToken, 'PUT', `/congresses/${plenum.seed.congressId}/projector`, { ballotId: ballots[0]!.id })
    expect(put.status).toBe(200)
    const proposal = congress.proposals[competingProposalIndex]!
    const heading = projector.getByRole('heading', { level: 1 })
    await expect.poll(() => said(heading)).toBe(`Vote sur : P2-A4 Modifie : Proposition 2 — ${proposal.title}`)
    // The change itself, large and in view: at least 32 px (a line of 20 px was not read from 10 m).
    const inserted = projector.locator('.projector-subject ins').first()
    await inserted.waitFor()
    expect(await said(inserted)).toContain('la loi et')
    expect(await fontSize(inserted)).toBeGreaterThanOrEqual(32)
    const box = (await inserted.boundingBox())!
    await projector.screenshot({ path: `${shots}vote-fr-1920.png` })
    expect(box.y + box.height).toBeLessThanOrEqual(wall.height)
    // Only the changed lines and their neighbours: the rest of the text does not push the change off the wall.
    const lines = projector.locator('.projector-subject .diff-line')
    const shown = await lines.evaluateAll((all) => all.filter((l) => getComputedStyle(l).display !== 'none').length)
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(await lines.count())
    expect(await fontSize(projector.locator('.projector-join .projector-room-code'))).toBeGreaterThanOrEqual(60)
    await projector.screenshot({ path: `${shots}vote-fr-1920.png` })
    expect(await axeViolations(projector)).toEqual([])
  })

  test('the bureau sets the text size, kept on this device, and puts the wall in full screen', async () => {
    const inserted = projector.locator('.projector-subject ins').first()
    const before = await fontSize(inserted)
    await projector.getByRole('button', { name: 'Agrandir le texte' }).click()
    await expect.poll(() => said(projector.locator('.projector-size-now'))).toBe('Taille du texte 115 %')
    await expect.poll(() => fontSize(inserted)).toBeCloseTo(before * 1.15, 0)
    // Kept on the device: the wall opens again at that size.
    await projector.reload()
    await inserted.waitFor()
    expect(await said(projector.locator('.projector-size-now'))).toBe('Taille du texte 115 %')
    expect(await fontSize(inserted)).toBeCloseTo(before * 1.15, 0)
    await projector.getByRole('button', { name: 'Réduire le texte' }).click()
    await expect.poll(() => fontSize(inserted)).toBeCloseTo(before, 0)

    await projector.getByRole('button', { name: 'Plein écran' }).click()
    await expect.poll(() => projector.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true)
    await projector.getByRole('button', { name: 'Quitter le plein écran' }).click()
    await expect.poll(() => projector.evaluate(() => document.fullscreenElement)).toBe(null)
    expect(await axeViolations(projector)).toEqual([])
  })

  test('in English too, idle and with a vote, at 1920 and 1366 px', async () => {
    await projector.evaluate(() => localStorage.setItem('plenum.language', 'en'))
    await projector.reload()
    const proposal = congress.proposals[competingProposalIndex]!
    await expect.poll(() => said(projector.getByRole('heading', { level: 1 }))).toBe(`Vote on: P2-A4 Amends: Proposal 2 — ${proposal.title}`)
    await projector.locator('.projector-subject ins').first().waitFor()
    await projector.screenshot({ path: `${shots}vote-en-1920.png` })
    expect(await axeViolations(projector)).toEqual([])
    await projector.setViewportSize({ width: 1366, height: 768 })
    await projector.screenshot({ path: `${shots}vote-en-1366.png` })
    expect(await call(plenum, bureauToken, 'PUT', `/congresses/${plenum.seed.congressId}/projector`, { ballotId: null })).toMatchObject({ status: 200 })
    await projector.getByRole('heading', { level: 1, name: congress.title }).waitFor()
    expect(await said(projector.locator('.projector-phase'))).toBe('Phase: voting')
    expect(await said(projector.locator('.projector-next'))).toBe(`P2-A4 — Amends: Proposal 2 — ${proposal.title}`)
    await projector.screenshot({ path: `${shots}idle-en-1366.png` })
    expect(await axeViolations(projector)).toEqual([])
    await projector.setViewportSize(wall)
    await projector.screenshot({ path: `${shots}idle-en-1920.png` })
    await projector.setViewportSize({ width: 390, height: 844 })
    await projector.screenshot({ path: `${shots}idle-en-390.png`, fullPage: true })
    // The idle wall follows the phase live, not the phase as the page first read it.
    await setPhase(plenum, bureauToken, 'amendments')
    await expect.poll(() => said(projector.locator('.projector-phase'))).toBe('Phase: amendments')
    expect(await projector.locator('.projector-phase').getAttribute('data-phase')).toBe('amendments')
    await projector.context().close()
  })
})
