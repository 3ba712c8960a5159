import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CongressView, FiledAmendmentView } from '../../shared/api-types.ts'
import { call, checkIn, setPhase } from '../helpers/ballots.ts'
import { axeViolations, hallUrl, launchChromium } from '../helpers/browser.ts'
import { fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

describe('block and divided votes in the browser', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let voter: Signed

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureau = (await plenum.login()).token
    ;[voter] = (await importAndSignIn(plenum, bureau, [{ name: 'Alice Martin', role: 'attendee' }])) as [Signed]
    // Proposal 8 gets a second paragraph while it is drafted, to be voted by division.
    const writer = await connectSynced(plenum.wsUrl, plenum.seed.proposals[7]!.docName, bureau, 'Bureau')
    writer.appendParagraph('Un observatoire régional publie ces mesures chaque année.')
    await roundTrip(writer)
    writer.destroy()
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [voter.id])
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  /** Signed in, on the congress page. */
  const join = (base: string, code: string, viewport?: { width: number; height: number }) => signedInAt(browser, base, code, `/congresses/${plenum.seed.congressId}`, viewport)

  test('the bureau ticks three proposals; a phone from the hall votes them in one ballot; each is adopted', async () => {
    const desk = await join(plenum.baseUrl, plenum.seed.bureauCode)
    await desk.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/ballots`)
    await desk.getByText('Vote en bloc de plusieurs propositions').click()
    await desk.getByRole('button', { name: 'Créer le scrutin en bloc' }).click()
    await desk.getByText('Cochez-en au moins deux.').waitFor()
    for (const n of [2, 4, 6]) await desk.getByRole('checkbox', { name: new RegExp(`^Proposition ${n} —`) }).check()
    expect(await axeViolations(desk)).toEqual([])
    await desk.screenshot({ path: `${artifacts}block-ballot-form.png`, fullPage: true })
    await desk.getByRole('button', { name: 'Créer le scrutin en bloc' }).click()
    await desk.getByRole('heading', { level: 3, name: /Propositions 2, 4 et 6 \(en bloc\)/ }).waitFor()
    await desk.getByRole('button', { name: 'Ouvrir le vote' }).click()

    const phone = await join(hallUrl(plenum.baseUrl), voter.code, { width: 360, height: 740 })
    await phone.getByRole('link', { name: 'Voter' }).click()
    await phone.getByRole('heading', { name: 'Vote sur : Propositions 2, 4 et 6 (en bloc)' }).waitFor()
    expect(await phone.locator('.block-member summary').allInnerTexts()).toEqual([2, 4, 6].map((n) => expect.stringContaining(`Proposition ${n} —`)))
    await phone.locator('.block-member summary').first().click()
    await expect.poll(() => phone.locator('.block-member plenum-text-view').first().textContent()).not.toBe('')
    expect(await axeViolations(phone)).toEqual([])
    await phone.screenshot({ path: `${artifacts}block-vote-phone.png`, fullPage: true })
    await phone.getByRole('button', { name: 'Pour' }).click()
    await phone.getByRole('button', { name: 'Confirmer' }).click()
    await expect.poll(() => phone.getByRole('status').filter({ hasText: 'A voté' }).count()).toBeGreaterThan(0)

    await desk.getByRole('button', { name: 'Clore le vote' }).click()
    await desk.getByRole('button', { name: 'Publier les résultats' }).click()
    await desk.locator('.ballot-item .status-badge[data-status="published"]').waitFor()
    const outcomes = (await call<CongressView>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}`)).body.proposals.filter((p) => p.outcome !== null).map((p) => [p.number, p.outcome])
    expect(outcomes).toEqual([
      [2, 'adopted'],
      [4, 'adopted'],
      [6, 'adopted'],
    ])
    await desk.close()
    await phone.close()
  })

  test('the bureau divides proposal 8: the phone sees only the part put to the vote, which, rejected, leaves the text', async () => {
    const desk = await join(plenum.baseUrl, plenum.seed.bureauCode)
    await desk.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/ballots`)
    await desk.getByText('Vote par division d’une proposition').click()
    await desk.getByLabel('Proposition à diviser').selectOption({ label: 'Proposition 8 — Mesurer l’illectronisme à l’échelle de chaque territoire' })
    await desk.getByRole('checkbox', { name: /^§ 2 — Un observatoire/ }).check()
    expect(await axeViolations(desk)).toEqual([])
    await desk.screenshot({ path: `${artifacts}division-ballot-form.png`, fullPage: true })
    await desk.getByRole('button', { name: 'Créer le scrutin sur cette partie' }).click()
    await desk.getByRole('heading', { level: 3, name: /Proposition 8, vote par division : § 2/ }).waitFor()
    await desk.getByRole('button', { name: 'Ouvrir le vote' }).click()

    const phone = await join(hallUrl(plenum.baseUrl), voter.code, { width: 360, height: 740 })
    await phone.getByRole('link', { name: 'Voter' }).click()
    await phone.getByRole('heading', { name: 'Vote sur : Proposition 8, vote par division : § 2' }).waitFor()
    expect(await phone.locator('.part-text p').allInnerTexts()).toEqual(['Un observatoire régional publie ces mesures chaque année.'])
    expect(await axeViolations(phone)).toEqual([])
    await phone.screenshot({ path: `${artifacts}division-vote-phone.png`, fullPage: true })
    await phone.getByRole('button', { name: 'Contre' }).click()
    await phone.getByRole('button', { name: 'Confirmer' }).click()
    await expect.poll(() => phone.getByRole('status').filter({ hasText: 'A voté' }).count()).toBeGreaterThan(0)

    await desk.getByRole('button', { name: 'Clore le vote' }).click()
    await desk.getByRole('button', { name: 'Publier les résultats' }).click()
    await desk.locator('.ballot-item', { hasText: 'vote par division' }).locator('.status-badge[data-status="published"]').waitFor()
    await phone.goto(`${hallUrl(plenum.baseUrl)}/congresses/${plenum.seed.congressId}/proposals/8`)
    // The text, loaded (its first paragraph is there), no longer holds the part.
    await phone.getByText('L’Insee publie tous les trois ans').first().waitFor()
    expect(await phone.getByText('Un observatoire régional').count()).toBe(0)
    await desk.close()
    await phone.close()
  })
})

describe('a block vote on amendments in the browser', () => {
  let plenum: TestServer
  let browser: Browser
  let voter: Signed

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    const bureau = (await plenum.login()).token
    await setPhase(plenum, bureau, 'amendments')
    await fileCompetingAmendments(plenum, bureau)
    const [author] = (await importAndSignIn(plenum, bureau, [{ name: 'Agnès Öztürk', role: 'delegate' }])) as [Signed]
    const filed = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${plenum.seed.proposals[2]!.id}/amendments`, {})).body
    const writer = await connectSynced(plenum.wsUrl, filed.docName, author.token, author.name)
    writer.appendParagraph('Un référent accessibilité dans chaque administration.')
    await roundTrip(writer)
    writer.destroy()
    await call(plenum, author.token, 'POST', `/amendments/${filed.id}/submit`)
    await call(plenum, bureau, 'POST', `/amendments/${filed.id}/ruling`, { admissible: true })
    ;[voter] = (await importAndSignIn(plenum, bureau, [{ name: 'Alice Martin', role: 'attendee' }])) as [Signed]
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [voter.id])
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('the bureau ticks two amendments of different texts; the phone reads each one’s diff', async () => {
    const desk = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/ballots`)
    await desk.getByText('Vote en bloc de plusieurs amendements').click()
    for (const label of ['P2-A4', 'P3-A1']) await desk.getByRole('checkbox', { name: label, exact: true }).check()
    await desk.getByRole('button', { name: 'Créer le scrutin en bloc' }).last().click()
    await desk.getByRole('heading', { level: 3, name: /Amendements P2-A4, P3-A1 \(en bloc\)/ }).waitFor()
    await desk.getByRole('button', { name: 'Ouvrir le vote' }).click()

    const phone = await signedInAt(browser, hallUrl(plenum.baseUrl), voter.code, `/congresses/${plenum.seed.congressId}`, { width: 360, height: 740 })
    await phone.getByRole('link', { name: 'Voter' }).click()
    await phone.getByRole('heading', { name: 'Vote sur : Amendements P2-A4, P3-A1 (en bloc)' }).waitFor()
    expect(await phone.locator('.block-member summary').allInnerTexts()).toEqual(['P2-A4', 'P3-A1'])
    await phone.locator('.block-member summary').last().click()
    await phone.locator('.block-member plenum-live-diff ins', { hasText: 'référent' }).first().waitFor()
    expect(await axeViolations(phone)).toEqual([])
    await phone.screenshot({ path: `${artifacts}block-amendments-phone.png`, fullPage: true })
    await desk.close()
    await phone.close()
  })
})
