import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import type { BallotView, CongressView, FiledAmendmentView } from '../../shared/api-types.ts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, hallUrl, launchChromium, openPage } from '../helpers/browser.ts'
import { call, checkIn, setPhase, vote } from '../helpers/ballots.ts'
import { competingProposalIndex, fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { replaceText } from '../helpers/text-edit.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/**
 * The list of speakers and the session screen in Chromium: the bureau runs the floor of proposal 2
 * (four competing amendments) from its session screen, a phone on the hall's plain-HTTP address
 * asks for the floor and gets its countdown, the projector follows, and the next vote opens in one
 * click.
 */
describe('the floor: the session screen, the phones and the projector', () => {
  let plenum: TestServer
  let browser: Browser
  let bureauToken: string
  let anne: Signed
  let bruno: Signed
  let chloe: Signed
  let session: Page
  let phone: Page
  let projector: Page
  /** Proposal 2's title, as the congress names it. */
  let title: string

  const signIn = async (code: string, path: string, options: { base?: string; viewport?: { width: number; height: number } } = {}): Promise<Page> => {
    const base = options.base ?? plenum.baseUrl
    const page = await openPage(browser, `${base}/join/${code}`, options.viewport)
    page.setDefaultTimeout(8000)
    await signedIn(page)
    await page.goto(`${base}${path}`)
    return page
  }
  const queueNames = (page: Page) => page.locator('ol.floor-queue > li .queue-who strong').allInnerTexts()
  /** A part's text as read, whitespace folded (flex items come out on lines of their own in innerText). */
  const said = async (locator: Locator): Promise<string> => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
  const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureauToken = (await plenum.login()).token
    ;[anne, bruno, chloe] = (await importAndSignIn(plenum, bureauToken, [
      { name: 'Anne Oratrice', role: 'delegate' },
      { name: 'Bruno Contre', role: 'attendee' },
      { name: 'Chloé Règlement', role: 'attendee' },
    ])) as [Signed, Signed, Signed]
    await setPhase(plenum, bureauToken, 'amendments')
    await fileCompetingAmendments(plenum, bureauToken)
    await setPhase(plenum, bureauToken, 'voting')
    const congress = (await call<CongressView>(plenum, bureauToken, 'GET', `/congresses/${plenum.seed.congressId}`)).body
    title = congress.proposals[competingProposalIndex]!.title
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('the bureau puts proposal 2 under debate: its votes in the running order, the next one first', async () => {
    session = await signIn(plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/bureau`)
    await session.getByRole('link', { name: 'Conduite de la séance (sujet, orateurs, prochain vote)' }).click()
    await session.getByRole('heading', { level: 1, name: 'Conduite de la séance' }).waitFor()
    await session.getByText('Aucun sujet n’est en discussion pour le moment.').waitFor()
    await session.getByLabel('Texte à mettre en discussion').selectOption({ label: `Proposition 2 — ${title}` })
    await session.getByRole('button', { name: 'Mettre en discussion' }).click()
    await session.getByRole('status').filter({ hasText: `En discussion : Proposition 2 — ${title}.` }).waitFor()
    await expect.poll(() => session.locator('ol.session-order > li').allInnerTexts()).toHaveLength(4)
    const steps = await session.locator('ol.session-order > li').allInnerTexts()
    expect(steps.map((s) => s.split(/\s/)[0])).toEqual(['P2-A2', 'P2-A1', 'P2-A4', 'Le'])
    expect(steps[0]).toContain('sans avis du bureau')
    expect(steps[1]).toContain('avec P2-A3 (identique)')
    expect(await said(session.locator('.next-vote').first())).toContain('Prochain vote : P2-A2')
    expect(await session.getByRole('button', { name: 'Ouvrir le vote sur P2-A2' }).count()).toBe(1)
    // The two switches are on by default, a speaker's time is three minutes.
    expect(await session.getByLabel('Alterner pour et contre').isChecked()).toBe(true)
    expect(await session.getByLabel('Priorité à qui n’a pas encore parlé sur ce sujet').isChecked()).toBe(true)
    expect(await session.getByLabel('Temps de parole par orateur (secondes)').inputValue()).toBe('180')
    expect(await axeViolations(session)).toEqual([])
    await session.screenshot({ path: `${artifacts}floor-session.png`, fullPage: true })
  })

  test('a phone on the hall’s address asks for the floor, and sees its countdown once the bureau gives it', async () => {
    phone = await signIn(anne.code, `/congresses/${plenum.seed.congressId}/vote`, { base: hallUrl(plenum.baseUrl), viewport: { width: 360, height: 740 } })
    expect(await phone.evaluate(() => window.isSecureContext)).toBe(false)
    const card = phone.locator('plenum-floor-card')
    await card.getByText(`Proposition 2 — ${title}`).waitFor()
    await expect.poll(() => said(card.locator('.next-vote'))).toContain('Prochain vote : P2-A2')
    await card.getByRole('button', { name: 'Pour', exact: true }).click()
    await card.getByText('Vous parlez ensuite (pour).').waitFor()
    // Focus follows to what can be done next: withdrawing.
    await expect.poll(() => phone.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Retirer ma demande')
    expect(await axeViolations(phone)).toEqual([])
    expect(await noOverflow(phone)).toBe(true)
    await card.scrollIntoViewIfNeeded()
    await phone.screenshot({ path: `${artifacts}floor-phone-asked.png` })

    // Live on the session screen, without a reload.
    await expect.poll(() => queueNames(session)).toEqual(['Anne Oratrice'])
    await session.getByRole('button', { name: 'Donner la parole à Anne Oratrice' }).click()
    await expect.poll(() => session.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Fin d’intervention : Anne Oratrice')
    await card.locator('.floor-you').getByText('Vous avez la parole').waitFor()
    await card.getByRole('status').filter({ hasText: 'Vous avez la parole' }).waitFor()
    const timer = card.getByRole('timer')
    await expect.poll(() => timer.innerText()).toMatch(/^(3:00|2:[0-5]\d)$/)
    const first = await timer.innerText()
    await expect.poll(() => timer.innerText(), { timeout: 4000 }).not.toBe(first)
    expect(await timer.getAttribute('aria-label')).toMatch(/^Temps de parole restant : [23]:\d\d$/)
    expect(await axeViolations(phone)).toEqual([])
    expect(await noOverflow(phone)).toBe(true)
    await card.scrollIntoViewIfNeeded()
    await phone.screenshot({ path: `${artifacts}floor-phone-speaking.png` })
  })

  test('the projector shows the item, the speaker and a large countdown', async () => {
    projector = await signIn(plenum.seed.bureauCode, `/projector/${plenum.seed.congressId}`, { viewport: { width: 1920, height: 1080 } })
    await projector.getByRole('heading', { level: 1, name: `Proposition 2 — ${title}` }).waitFor()
    await expect.poll(() => said(projector.locator('.projector-speaker'))).toContain('Anne Oratrice')
    await expect.poll(() => projector.getByRole('timer').innerText()).toMatch(/^[23]:\d\d$/)
    expect(await said(projector.locator('.next-vote'))).toContain('P2-A2')
    const size = await projector.locator('.countdown-clock').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(120)
    expect(await axeViolations(projector)).toEqual([])
    await projector.screenshot({ path: `${artifacts}floor-projector.png` })
  })

  test('a point of order jumps the queue; the bureau ends the speech and the minutes keep it', async () => {
    expect((await call(plenum, bruno.token, 'POST', `/congresses/${plenum.seed.congressId}/floor/requests`, { stance: 'against' })).status).toBe(201)
    const other = await signIn(chloe.code, `/congresses/${plenum.seed.congressId}`, { base: hallUrl(plenum.baseUrl), viewport: { width: 360, height: 740 } })
    const card = other.locator('plenum-floor-card')
    await card.getByRole('button', { name: 'Rappel au règlement' }).click()
    await card.getByText('Vous parlez ensuite (rappel au règlement).').waitFor()
    await expect.poll(() => queueNames(session)).toEqual(['Chloé Règlement', 'Bruno Contre'])
    await card.locator('.floor-queue-summary summary').click()
    expect(await card.locator('.floor-queue-summary li').allInnerTexts()).toEqual(['Chloé Règlement (rappel au règlement)', 'Bruno Contre (contre)'])
    expect(await axeViolations(other)).toEqual([])
    expect(await noOverflow(other)).toBe(true)
    await card.scrollIntoViewIfNeeded()
    await other.screenshot({ path: `${artifacts}floor-phone-order.png` })
    await other.close()

    await session.getByRole('button', { name: 'Fin d’intervention : Anne Oratrice' }).click()
    await expect.poll(() => session.locator('table.floor-spoken tbody tr').allInnerTexts()).toHaveLength(1)
    expect(await session.locator('table.floor-spoken tbody tr').first().innerText()).toMatch(/^Anne Oratrice\s+pour\s+\d\d:\d\d\s+\d+:\d\d$/)
    // The phone is back to asking; the projector waits for the next speaker.
    await phone.locator('plenum-floor-card').getByRole('button', { name: 'Pour', exact: true }).waitFor()
    await projector.getByText('En attente du prochain orateur.').waitFor()
    expect(await projector.locator('.projector-next-speakers').innerText()).toBe('Ensuite : Chloé Règlement (rappel au règlement) · Bruno Contre (contre)')
    await session.screenshot({ path: `${artifacts}floor-session-queue.png`, fullPage: true })
  })

  test('the bureau opens the next vote in one click: the phones and the projector follow', async () => {
    await session.getByRole('button', { name: 'Ouvrir le vote sur P2-A2' }).click()
    await session.getByRole('status').filter({ hasText: 'Vote ouvert sur P2-A2.' }).waitFor()
    const ballots = (await call<{ ballots: BallotView[] }>(plenum, bureauToken, 'GET', `/congresses/${plenum.seed.congressId}/ballots`)).body.ballots
    expect(ballots.map((b) => [b.subject.label, b.status])).toEqual([['P2-A2', 'open']])
    await expect.poll(() => said(session.locator('plenum-session-votes .next-vote'))).toContain('Vote en cours : P2-A2')
    await session.getByRole('button', { name: 'Clore le vote sur P2-A2' }).waitFor()
    await expect.poll(() => said(phone.locator('plenum-floor-card .next-vote'))).toContain('Vote en cours : P2-A2')
    // The wall shows the live vote, not the floor.
    await projector.getByRole('heading', { level: 1, name: 'Vote sur : P2-A2' }).waitFor()
    expect(await axeViolations(session)).toEqual([])
    await projector.screenshot({ path: `${artifacts}floor-projector-vote.png` })
  })

  test('in English', async () => {
    await session.getByRole('button', { name: 'Switch to English' }).click()
    await session.getByRole('heading', { level: 1, name: 'Running the session' }).waitFor()
    expect(await session.getByRole('button', { name: 'Give the floor to Chloé Règlement' }).count()).toBe(1)
    expect(await said(session.locator('plenum-session-votes .next-vote'))).toContain('Vote in progress: P2-A2')
    await session.getByRole('button', { name: 'Give the floor to Chloé Règlement' }).click()
    await session.getByRole('status').filter({ hasText: 'Floor given to Chloé Règlement.' }).waitFor()
    expect(await session.getByRole('timer').getAttribute('aria-label')).toMatch(/^Speaking time left: [23]:\d\d$/)
    expect(await axeViolations(session)).toEqual([])
    await session.screenshot({ path: `${artifacts}floor-session-en.png`, fullPage: true })
    // The bureau can run the floor from a phone too.
    await session.setViewportSize({ width: 360, height: 740 })
    await expect.poll(() => noOverflow(session)).toBe(true)
    await session.screenshot({ path: `${artifacts}floor-session-phone.png`, fullPage: true })
    await phone.getByRole('button', { name: 'English' }).click()
    await phone.locator('plenum-floor-card').getByText('Speaking:').waitFor()
    expect(await said(phone.locator('plenum-floor-card .floor-speaking'))).toContain('Chloé Règlement (point of order)')
    expect(await said(phone.locator('plenum-floor-card .floor-item'))).toBe(`Under debate: Proposal 2 — ${title}`)
    expect(await axeViolations(phone)).toEqual([])
    await phone.locator('plenum-floor-card').scrollIntoViewIfNeeded()
    await phone.screenshot({ path: `${artifacts}floor-phone-en.png` })
    // Anne spoke already: Bruno, who has not, goes before her. She thinks better of it and withdraws.
    await phone.getByRole('button', { name: 'Against', exact: true }).click()
    await phone.getByText('You are on the list (against): number 2.').waitFor()
    await expect.poll(() => queueNames(session)).toEqual(['Bruno Contre', 'Anne Oratrice'])
    await phone.getByRole('button', { name: 'Withdraw my request' }).click()
    await phone.getByRole('status').filter({ hasText: 'Your request for the floor is withdrawn.' }).waitFor()
    await expect.poll(() => phone.evaluate(() => document.activeElement?.textContent?.trim())).toBe('For')
    await expect.poll(() => queueNames(session)).toEqual(['Bruno Contre'])
  })
})

/**
 * The whole amendment debate of proposal 2 from the session screen: three competing amendments (two
 * of them identical) and a sub-amendment, each vote opened, closed and published from there; the
 * deletion adopted first makes the identical pair fall; the sub-amendment goes before its parent,
 * then the proposal as amended, until nothing is left to vote.
 */
describe('the bureau runs a proposal’s votes from the session screen to the end', () => {
  let plenum: TestServer
  let browser: Browser
  let bureauToken: string
  let voters: Signed[]

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureauToken = (await plenum.login()).token
    voters = await importAndSignIn(plenum, bureauToken, [
      { name: 'Votante Une', role: 'attendee' },
      { name: 'Votant Deux', role: 'attendee' },
      { name: 'Léon Sous', role: 'delegate' },
    ])
    await setPhase(plenum, bureauToken, 'amendments')
    const filed = await fileCompetingAmendments(plenum, bureauToken)
    // A sub-amendment to P2-A4 ("la loi et le code des relations"), written, submitted, ruled admissible.
    const parent = filed.find((f) => f.label === 'P2-A4')!
    const author = voters[2]!
    const sub = await call<FiledAmendmentView>(plenum, author.token, 'POST', `/amendments/${parent.id}/sub-amendments`, { justification: 'Le règlement aussi.' })
    expect(sub.status).toBe(201)
    const client = await connectSynced(plenum.wsUrl, sub.body.docName, author.token, author.name)
    try {
      replaceText(client.doc, 'la loi et le code', 'la loi, le règlement et le code')
      await roundTrip(client)
    } finally {
      client.destroy()
    }
    expect((await call(plenum, author.token, 'POST', `/amendments/${sub.body.id}/submit`)).status).toBe(200)
    expect((await call(plenum, bureauToken, 'POST', `/amendments/${sub.body.id}/ruling`, { admissible: true })).status).toBe(200)
    await setPhase(plenum, bureauToken, 'voting')
    await checkIn(plenum, bureauToken, voters.map((v) => v.id))
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('open, close and publish each vote in the running order; one pair falls; nothing is left', async () => {
    const page = await openPage(browser, `${plenum.baseUrl}/join/${plenum.seed.bureauCode}`)
    page.setDefaultTimeout(10_000)
    page.on('dialog', (dialog) => void dialog.accept())
    await signedIn(page)
    await page.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/session`)
    await page.getByLabel('Texte à mettre en discussion').selectOption({ index: 3 })
    await page.getByRole('button', { name: 'Mettre en discussion' }).click()
    const steps = () => page.locator('ol.session-order > li').allInnerTexts()
    await expect.poll(async () => (await steps()).map((s) => s.split(/\s/)[0])).toEqual(['P2-A2', 'P2-A1', 'P2-A4-S1', 'P2-A4', 'Le'])

    const nextLine = page.locator('plenum-session-votes .next-vote')
    const said = async (): Promise<string> => ((await nextLine.textContent()) ?? '').replace(/\s+/g, ' ').trim()
    for (const label of ['P2-A2', 'P2-A4-S1', 'P2-A4', 'Proposition 2, ainsi amendée']) {
      await expect.poll(said).toContain(`Prochain vote : ${label}`)
      await page.getByRole('button', { name: `Ouvrir le vote sur ${label}` }).click()
      await expect.poll(said).toContain(`Vote en cours : ${label}`)
      // The keyboard stays on the next step.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(`Clore le vote sur ${label}`)
      const open = (await call<{ ballots: BallotView[] }>(plenum, bureauToken, 'GET', `/congresses/${plenum.seed.congressId}/ballots`)).body.ballots.find((b) => b.status === 'open')!
      for (const voter of voters) expect((await vote(plenum, voter.token, open.id, 'yes')).status).toBe(200)
      await expect.poll(() => page.locator('plenum-session-votes .participation').textContent()).toBe('3 / 3 ont voté')
      await page.getByRole('button', { name: `Clore le vote sur ${label}` }).click()
      await page.getByRole('button', { name: `Publier le résultat sur ${label}` }).click()
      await expect.poll(async () => ((await page.locator('.session-last').textContent()) ?? '').replace(/\s+/g, ' ')).toContain(`${label === 'Proposition 2, ainsi amendée' ? 'Proposition 2' : label} — Adopté (3 pour, 0 contre, 0 abstention)`)
      if (label === 'P2-A2') {
        await expect.poll(() => page.locator('.session-fallen').textContent()).toContain('P2-A1 (P2-A2 adopté), P2-A3 (P2-A2 adopté)')
        expect((await steps()).map((s) => s.split(/\s/)[0])).toEqual(['P2-A4-S1', 'P2-A4', 'Le'])
        expect(await axeViolations(page)).toEqual([])
        await page.screenshot({ path: `${artifacts}floor-run-fallen.png`, fullPage: true })
      }
    }
    await expect.poll(said).toBe('Tous les votes de ce texte ont eu lieu.')
    expect(await page.getByRole('button', { name: /^Ouvrir le vote/ }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${artifacts}floor-run-done.png`, fullPage: true })
    await page.close()
  })
})
