import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CongressView } from '../../shared/api-types.ts'
import { insertAmendment } from '../helpers/amendments.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { axeViolations, launchChromium } from '../helpers/browser.ts'
import { artifacts, closeBrowserCongress, openBrowserCongress } from '../helpers/browser-congress.ts'
import type { Signed } from '../helpers/participants.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const phone = { width: 390, height: 844 }
const desktop = { width: 1366, height: 900 }

/**
 * Issue 20, point 1: one click froze a motion with 28 of its 29 proposals never put to the vote.
 * The bureau now sees what is outstanding, and the freeze waits for a ticked box that names it.
 */
describe('the freeze says what it would seal unfinished', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let voters: Signed[]

  beforeAll(async () => {
    ;({ plenum, browser, bureau, people: voters } = await openBrowserCongress([
      { name: 'Anne Votante', role: 'delegate' },
      { name: 'Bruno Votant', role: 'attendee' },
    ]))
    // Proposal 1 adopted, proposal 2 rejected, the 27 others never put to the vote; one amendment awaits its ruling.
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
    for (const [index, choice] of [[0, 'yes'], [1, 'no']] as const) {
      const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[index]!.id })
      for (const voter of voters) await vote(plenum, voter.token, ballot.id, choice)
      await step(plenum, bureau, ballot.id, 'close')
      await step(plenum, bureau, ballot.id, 'publish')
    }
    await insertAmendment(plenum, { authorId: voters[0]!.id, status: 'submitted', proposalIndex: 2 })
  })
  afterAll(() => closeBrowserCongress({ plenum, browser }))

  const congressPath = () => `/congresses/${plenum.seed.congressId}`
  const phase = async () => (await call<CongressView>(plenum, bureau, 'GET', congressPath())).body.phase
  const inEnglish = async (page: Page) => {
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('button', { name: 'Passer en français' }).waitFor()
  }
  const outcomes = (page: Page) => page.locator('ol.proposals > li .proposal-outcome').allTextContents()

  test('the congress page says each proposal’s outcome in words, in French and English, at 390 and 1366 px', async () => {
    for (const viewport of [phone, desktop]) {
      const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, congressPath(), viewport)
      await page.locator('ol.proposals .proposal-outcome').first().waitFor()
      const french = await outcomes(page)
      expect(french.slice(0, 3)).toEqual(['Sort : Adoptée', 'Sort : Rejetée', 'Sort : Non mise aux voix'])
      expect(french).toHaveLength(29)
      // Said within the screen, not past its edge.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)
      await page.screenshot({ path: `${artifacts}congress-outcomes-fr-${viewport.width}.png`, fullPage: true })
      await page.locator('section.theme').first().screenshot({ path: `${artifacts}congress-outcomes-fr-${viewport.width}-question1.png` })
      expect(await axeViolations(page)).toEqual([])
      await inEnglish(page)
      expect((await outcomes(page)).slice(0, 3)).toEqual(['Outcome: Adopted', 'Outcome: Rejected', 'Outcome: Not put to the vote'])
      await page.screenshot({ path: `${artifacts}congress-outcomes-en-${viewport.width}.png`, fullPage: true })
      await page.locator('section.theme').first().screenshot({ path: `${artifacts}congress-outcomes-en-${viewport.width}-question1.png` })
      expect(await axeViolations(page)).toEqual([])
      await page.context().close()
    }
  }, 120_000)

  test('in English, the checklist names what is outstanding and the box says it', async () => {
    for (const viewport of [desktop, phone]) {
      const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `${congressPath()}/bureau`, viewport)
      await page.getByRole('heading', { name: 'Avant de geler : ce qui reste en suspens' }).waitFor()
      await inEnglish(page)
      const checklist = page.getByRole('region', { name: 'Before freezing: what is still outstanding' })
      await checklist.getByRole('listitem').filter({ hasText: '27 proposals not put to the vote:' }).first().waitFor()
      await page.getByLabel('I freeze the motion with 27 proposals not put to the vote and 1 amendment pending').waitFor()
      expect(await checklist.getByRole('link', { name: /— Proposal 3: / }).count()).toBe(1)
      await checklist.scrollIntoViewIfNeeded()
      await page.locator('plenum-seal-panel').screenshot({ path: `${artifacts}freeze-check-en-${viewport.width}.png` })
      expect(await axeViolations(page)).toEqual([])
      await page.context().close()
    }
  }, 120_000)

  test('the bureau sees the checklist; the freeze button does not freeze until the box naming it is ticked, then it freezes', async () => {
    const desk = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `${congressPath()}/bureau`, desktop)
    await desk.getByRole('heading', { name: 'Avant de geler : ce qui reste en suspens' }).waitFor()
    await desk.locator('plenum-seal-panel').screenshot({ path: `${artifacts}freeze-check-fr-1366.png` })
    await desk.context().close()

    const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `${congressPath()}/bureau`, phone)
    const dialogs: string[] = []
    page.on('dialog', (dialog) => dialogs.push(dialog.message()))
    const checklist = page.getByRole('region', { name: 'Avant de geler : ce qui reste en suspens' })
    await checklist.getByRole('heading', { level: 3 }).waitFor()
    // A list, each kind of thing outstanding an item naming its members.
    const notVoted = checklist.getByRole('listitem').filter({ hasText: '27 propositions non mises aux voix :' }).first()
    await notVoted.waitFor()
    expect(await notVoted.getByRole('link').count()).toBe(27)
    expect(await notVoted.getByRole('link', { name: /— Proposition 3 : / }).count()).toBe(1)
    const ruling = checklist.getByRole('listitem').filter({ hasText: '1 amendement attend la décision de recevabilité du bureau :' }).first()
    expect(await ruling.getByRole('link').allTextContents()).toEqual(['P3-A1'])
    // Proposals 1 and 2 were voted: not listed.
    expect(await checklist.getByRole('link', { name: /^Proposition [12] : / }).count()).toBe(0)

    // Pressed without the box: nothing is asked, nothing frozen, and the reason is said next to the button.
    const box = page.getByLabel('Je gèle la motion avec 27 propositions non mises aux voix et 1 amendement en attente')
    expect(await box.isChecked()).toBe(false)
    await page.getByRole('button', { name: 'Geler et sceller la motion' }).click()
    await page.getByRole('alert').filter({ hasText: 'Cochez d’abord la case ci-dessus' }).waitFor()
    expect(dialogs).toEqual([])
    expect(await phase()).toBe('voting')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('freeze-anyway')
    await page.locator('plenum-seal-panel').screenshot({ path: `${artifacts}freeze-check-fr-390.png` })
    expect(await axeViolations(page)).toEqual([])

    // Ticked, then proposal 3 voted meanwhile: the box named what is no longer so, and the press says so.
    await box.check()
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[2]!.id })
    for (const voter of voters) await vote(plenum, voter.token, ballot.id, 'yes')
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    await page.getByRole('button', { name: 'Geler et sceller la motion' }).click()
    await page.getByRole('alert').filter({ hasText: 'Ce qui reste en suspens a changé depuis votre confirmation' }).waitFor()
    expect(dialogs).toEqual([])
    expect(await phase()).toBe('voting')
    const renamed = page.getByLabel('Je gèle la motion avec 26 propositions non mises aux voix et 1 amendement en attente')
    expect(await renamed.isChecked()).toBe(false)

    // Ticked again: the usual confirmation, then the freeze.
    await renamed.check()
    page.removeAllListeners('dialog')
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.accept()
    })
    await page.getByRole('button', { name: 'Geler et sceller la motion' }).click()
    await page.getByRole('status').filter({ hasText: 'Motion gelée et scellée' }).waitFor({ timeout: 60_000 })
    expect(dialogs).toHaveLength(1)
    expect(await phase()).toBe('frozen')
    await page.context().close()

    // After the freeze, the congress page still says each outcome.
    const after = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, congressPath(), phone)
    await after.locator('ol.proposals .proposal-outcome').first().waitFor()
    expect((await outcomes(after)).slice(0, 4)).toEqual(['Sort : Adoptée', 'Sort : Rejetée', 'Sort : Adoptée', 'Sort : Non mise aux voix'])
    await after.screenshot({ path: `${artifacts}congress-outcomes-frozen-fr-390.png`, fullPage: true })
    expect(await axeViolations(after)).toEqual([])
    await after.context().close()
  }, 180_000)
})

describe('a freeze outside the voting phase', () => {
  let plenum: TestServer
  let browser: Browser

  beforeAll(async () => {
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    await setPhase(plenum, (await plenum.login()).token, 'amendments')
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('the checklist says the phase is unusual, and the box names it', async () => {
    const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/bureau`, phone)
    const checklist = page.getByRole('region', { name: 'Avant de geler : ce qui reste en suspens' })
    await checklist.getByText('La motion n’est pas en phase de vote (phase actuelle : amendements) : un gel à ce stade est inhabituel.').waitFor()
    await page.getByLabel('Je gèle la motion avec 29 propositions non mises aux voix, hors de la phase de vote (phase : amendements)').waitFor()
    await page.locator('plenum-seal-panel').screenshot({ path: `${artifacts}freeze-check-phase-fr-390.png` })
    // The panel only: in this phase the bureau's page at 390 px has a scrolling table without keyboard access (not this panel's).
    expect(await axeViolations(page, 'plenum-seal-panel')).toEqual([])
    await page.context().close()
  }, 60_000)
})
