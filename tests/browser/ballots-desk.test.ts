import { copyFileSync, mkdirSync } from 'node:fs'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { BallotView } from '../../shared/api-types.ts'
import { call, checkIn, createBallot, setPhase, vote } from '../helpers/ballots.ts'
import { axeViolations, openPage } from '../helpers/browser.ts'
import { artifacts, closeBrowserCongress, openBrowserCongress } from '../helpers/browser-congress.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { forcePhase, type TestServer } from '../helpers/test-server.ts'

const shots = '/tmp/shots-ballots/'
const phone = { width: 390, height: 844 }
const desktop = { width: 1366, height: 900 }

/**
 * The bureau's ballots page as issue 20 met it: no default subject, the whole rule shown and a
 * draft's rule changed in place, each message beside its control, the publication said for what it
 * decides, styled buttons, the voting phase explained, and a result whose outcome a phone sees.
 */
describe('the ballots page, as the bureau uses it', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let voters: Signed[]

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    ;({ plenum, browser, bureau, people: voters } = await openBrowserCongress([
      { name: 'Alice Martin', role: 'attendee' },
      { name: 'Bruno Contre', role: 'attendee' },
    ]))
  })
  afterAll(() => closeBrowserCongress({ plenum, browser }))

  const ballotsUrl = () => `${plenum.baseUrl}/congresses/${plenum.seed.congressId}/ballots`
  const ballots = async () => (await call<{ ballots: BallotView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/ballots`)).body.ballots
  const proposalTitle = (n: number) => `Proposition ${plenum.seed.proposals[n]!.number}`

  /** Signed in as `code`, on `url`; confirmations are answered yes and kept in `dialogs`. */
  async function open(code: string, url: string, viewport = desktop, english = false) {
    const page = await openPage(browser, `${plenum.baseUrl}/join/${code}`, viewport)
    page.setDefaultTimeout(10_000)
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.accept()
    })
    await signedIn(page)
    if (english) {
      await page.getByRole('button', { name: 'Switch to English' }).click()
      // The choice is kept once English's script has arrived: leaving the page before would drop it.
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
    }
    await page.goto(url)
    return { page, dialogs }
  }

  /** Screenshots for the eyes, at a phone's width and a laptop's, kept in the artifacts too. */
  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true })
    copyFileSync(`${artifacts}${name}.png`, `${shots}${name}.png`)
  }

  /** The ballot's item in the list, by its subject's label. */
  const item = (page: Page, label: string): Locator => page.locator('li.ballot-item').filter({ has: page.getByRole('heading', { level: 3, name: label }) })

  /** The page's accent colour as the browser computes it (rgb), to compare a button's background with. */
  const accent = (page: Page) =>
    page.evaluate(() => {
      const probe = document.createElement('span')
      probe.style.color = 'var(--accent)'
      document.body.append(probe)
      const colour = getComputedStyle(probe).color
      probe.remove()
      return colour
    })

  test('the author’s Accepter button for a co-signer is styled as the project’s buttons, not the browser’s grey one', async () => {
    await setPhase(plenum, bureau, 'amendments')
    const [author, cosigner] = await importAndSignIn(plenum, bureau, [
      { name: 'Anne Autrice', role: 'delegate' },
      { name: 'Bruno Carré', role: 'delegate' },
    ])
    const filed = await call<{ id: string }>(plenum, author!.token, 'POST', `/proposals/${plenum.seed.proposals[1]!.id}/amendments`, { justification: 'Motif' })
    expect((await call(plenum, cosigner!.token, 'POST', `/amendments/${filed.body.id}/cosign`)).status).toBeLessThan(300)
    const { page } = await open(author!.code, `${plenum.baseUrl}/congresses/${plenum.seed.congressId}/amendments/${filed.body.id}`)
    const accept = page.getByRole('button', { name: 'Accepter Bruno Carré comme cosignataire' })
    await accept.waitFor()
    expect(await accept.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(await accent(page))
    await page.context().close()
  }, 60_000)

  test('outside the voting phase the page says ballots need it and why a draft’s open button is disabled', async () => {
    await setPhase(plenum, bureau, 'voting')
    await createBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[2]!.id })
    await forcePhase(plenum, 'amendments')
    const { page } = await open(plenum.seed.bureauCode, ballotsUrl())
    await page.getByRole('heading', { level: 1, name: 'Scrutins' }).waitFor()
    await expect.poll(() => page.locator('#phase-needed').textContent()).toContain('Les scrutins se créent et s’ouvrent en phase de vote seulement')
    expect(await page.locator('#phase-needed').textContent()).toContain('« Amendements »')
    const openButton = item(page, proposalTitle(2)).getByRole('button', { name: 'Ouvrir le vote' })
    expect(await openButton.isDisabled()).toBe(true)
    // The reason is the button's description, read with it.
    expect(await openButton.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent)).toBe('Ouverture impossible hors de la phase de vote.')
    await shoot(page, 'ballots-outside-voting-1366-fr')
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
    await forcePhase(plenum, 'voting')
    await call(plenum, bureau, 'DELETE', `/ballots/${(await ballots())[0]!.id}`)
  }, 60_000)

  test('a new ballot has no subject until one is chosen, says so beside the field, and shows the whole rule', async () => {
    const { page } = await open(plenum.seed.bureauCode, ballotsUrl())
    const subject = page.getByLabel('Objet')
    await subject.waitFor()
    expect(await subject.inputValue()).toBe('')
    await page.getByRole('button', { name: 'Créer le scrutin', exact: true }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'Choisissez l’objet du vote' })
    await alert.waitFor()
    // Beside the field, named as its description, and nothing was created.
    expect(await subject.getAttribute('aria-invalid')).toBe('true')
    expect(await subject.evaluate((s) => document.getElementById(s.getAttribute('aria-describedby') ?? '')?.textContent)).toContain('Choisissez l’objet du vote')
    const [field, said] = [(await subject.boundingBox())!, (await alert.boundingBox())!]
    expect(said.y - (field.y + field.height)).toBeLessThan(60)
    expect(await ballots()).toHaveLength(0)
    await shoot(page, 'ballots-no-subject-1366-fr')

    expect(await page.locator('plenum-new-ballot-form .rule-summary').textContent()).toContain('Majorité simple des suffrages exprimés ; sans quorum ; scrutin secret ; pouvoirs admis (1 par personne)')
    await subject.selectOption({ label: `${proposalTitle(0)} — Un médiateur numérique dans chaque intercommunalité` })
    expect(await page.getByRole('alert').filter({ hasText: 'Choisissez l’objet du vote' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Créer le scrutin', exact: true }).click()
    await page.getByRole('status').filter({ hasText: `Scrutin créé : ${proposalTitle(0)}` }).waitFor()
    await item(page, proposalTitle(0)).waitFor()
    expect(await subject.inputValue()).toBe('')
    expect(await ballots()).toHaveLength(1)
    await page.context().close()
  }, 60_000)

  test('a draft’s rule is changed in the page, its summary says the whole rule, and the message is beside it', async () => {
    const { page } = await open(plenum.seed.bureauCode, ballotsUrl())
    const draft = item(page, proposalTitle(0))
    await draft.getByText('Modifier la règle de ce scrutin').click()
    await draft.getByLabel('Majorité').selectOption({ label: 'Deux tiers' })
    // Changed, not saved: the form says so (and leaving the page would ask first).
    await draft.locator('plenum-rule-form [data-unsaved]').waitFor()
    await draft.getByLabel('Quorum', { exact: true }).selectOption({ label: 'Un nombre de personnes' })
    await draft.getByLabel('Valeur du quorum').fill('2')
    await draft.getByLabel('Mode de scrutin').selectOption({ label: 'Scrutin public (appel nominal)' })
    await draft.getByLabel('Pouvoirs admis').uncheck()
    await draft.getByRole('button', { name: 'Enregistrer la règle de ce scrutin' }).click()
    await draft.getByRole('status').filter({ hasText: 'Règle du scrutin enregistrée.' }).waitFor()
    await expect.poll(() => draft.locator('.rule-summary').textContent()).toContain('Deux tiers des suffrages exprimés ; quorum : 2 personnes ; scrutin public (appel nominal) ; pouvoirs non admis')
    await expect.poll(() => draft.locator('plenum-rule-form [data-unsaved]').count()).toBe(0)
    const [saved] = await ballots()
    expect(saved!.rule).toMatchObject({ majority: 'two-thirds', quorum: { kind: 'count', count: 2 }, secrecy: 'roll-call', proxies: { allowed: false } })
    await shoot(page, 'ballots-draft-rule-1366-fr')
    expect(await axeViolations(page)).toEqual([])

    // Set back to a secret ballot for the vote below.
    await call(plenum, bureau, 'PATCH', `/ballots/${saved!.id}`, { rule: { majority: 'simple', quorum: { kind: 'none' }, secrecy: 'secret', proxies: { allowed: true, maxPerHolder: 1 } } })
    await page.context().close()
  }, 60_000)

  test('a refusal and a confirmation appear in the ballot they concern, not at the top of the page; close and publish are styled buttons; publishing a proposal says what it does', async () => {
    await checkIn(plenum, bureau, voters.map((v) => v.id))
    const { page, dialogs } = await open(plenum.seed.bureauCode, ballotsUrl())
    const draft = item(page, proposalTitle(0))
    // A duration the server refuses (over its maximum): the alert is under the open button.
    await draft.getByLabel('Durée en minutes (facultatif)').fill('100000')
    await draft.getByRole('button', { name: 'Ouvrir le vote' }).click()
    const refused = draft.getByRole('alert')
    await refused.waitFor()
    const [button, said] = [(await draft.getByRole('button', { name: 'Ouvrir le vote' }).boundingBox())!, (await refused.boundingBox())!]
    expect(said.y - (button.y + button.height)).toBeLessThan(80)
    expect(await page.locator('h1 ~ [aria-live] [role="alert"], h1 ~ [aria-live] [role="status"]').count()).toBe(0)

    await draft.getByLabel('Durée en minutes (facultatif)').fill('')
    await draft.getByRole('button', { name: 'Ouvrir le vote' }).click()
    await draft.getByRole('status').filter({ hasText: 'Vote ouvert.' }).waitFor()
    expect(await draft.getByRole('alert').count()).toBe(0)
    const ballotId = (await ballots())[0]!.id
    await vote(plenum, voters[0]!.token, ballotId, 'yes')
    await vote(plenum, voters[1]!.token, ballotId, 'no')

    // Close and publish look like the page's other main buttons, not the browser's grey default.
    const close = draft.getByRole('button', { name: 'Clore le vote' })
    const styled = (b: Locator) => b.evaluate((e) => getComputedStyle(e).backgroundColor)
    const submitColour = await accent(page)
    expect(await styled(close)).toBe(submitColour)
    await close.click()
    await draft.getByRole('status').filter({ hasText: 'Vote clos' }).waitFor()
    const publish = draft.getByRole('button', { name: 'Publier les résultats' })
    expect(await styled(publish)).toBe(submitColour)
    await publish.click()
    await draft.getByRole('status').filter({ hasText: 'Résultats publiés.' }).waitFor()
    const confirmation = dialogs.find((d) => d.startsWith('Publier'))!
    expect(confirmation).toContain('la proposition est adoptée ou rejetée')
    expect(confirmation).not.toContain('amendement')
    await shoot(page, 'ballots-published-1366-fr')
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  }, 60_000)

  /** The outcome cell and the table's name lie inside the screen's width, and the page itself does not scroll sideways. */
  async function outcomeInView(page: Page) {
    const outcome = page.locator('.result-table .outcome').first()
    await outcome.waitFor()
    const box = (await outcome.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(phone.width)
    // The table's name (subject and electorate) wraps on the screen rather than scrolling off it.
    const name = (await page.locator('.result-caption').first().boundingBox())!
    expect(name.x + name.width).toBeLessThanOrEqual(phone.width)
    expect(await page.locator('.result-caption').first().textContent()).toMatch(/inscrits|entitled/)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
  }

  test('at 390 px the outcome is seen without scrolling sideways: on the ballots page, the board and the vote page', async () => {
    const ballotId = (await ballots())[0]!.id
    const desk = await open(plenum.seed.bureauCode, ballotsUrl(), phone)
    await outcomeInView(desk.page)
    expect(await desk.page.locator('.result-table .outcome').first().textContent()).toBe('Rejeté')
    await shoot(desk.page, 'ballots-390-fr')
    await desk.page.context().close()

    const voter = await open(voters[0]!.code, `${plenum.baseUrl}/congresses/${plenum.seed.congressId}/vote`, phone)
    await outcomeInView(voter.page)
    await shoot(voter.page, 'vote-last-results-390-fr')
    await voter.page.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/ballots/${ballotId}/board`)
    await outcomeInView(voter.page)
    await shoot(voter.page, 'board-390-fr')
    expect(await axeViolations(voter.page)).toEqual([])
    await voter.page.setViewportSize(desktop)
    await shoot(voter.page, 'board-1366-fr')
    await voter.page.context().close()

    // The same in English, and the page at a laptop's width.
    const english = await open(plenum.seed.bureauCode, ballotsUrl(), phone, true)
    await outcomeInView(english.page)
    expect(await english.page.locator('.result-table .outcome').first().textContent()).toBe('Rejected')
    await shoot(english.page, 'ballots-390-en')
    // The subject in English too (issue 20, point 15): the server's label is the minutes' French.
    expect(await english.page.locator('main').innerText()).toContain('Proposal 1')
    expect(await english.page.locator('main').innerText()).not.toMatch(/Proposition \d/)
    await english.page.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/ballots/${ballotId}/board`)
    await outcomeInView(english.page)
    await shoot(english.page, 'board-390-en')
    // English punctuation in English: no French space before the colon.
    expect(await english.page.locator('main').innerText()).toContain('Board chain head: ')
    expect(await english.page.locator('h1').innerText()).toContain('Proposal 1')
    expect(await english.page.locator('main').innerText()).not.toMatch(/\w :/)
    await english.page.goto(ballotsUrl())
    await english.page.locator('.result-table .outcome').first().waitFor()
    await english.page.setViewportSize(desktop)
    await shoot(english.page, 'ballots-1366-en')
    expect(await axeViolations(english.page)).toEqual([])
    await english.page.context().close()
  }, 90_000)

  test('a block ballot made from its form is confirmed under that form’s button', async () => {
    const { page } = await open(plenum.seed.bureauCode, ballotsUrl())
    await page.getByText('Vote en bloc de plusieurs propositions').click()
    const form = page.locator('plenum-block-ballot-form').first()
    for (const n of [5, 6]) await form.getByRole('checkbox', { name: new RegExp(`^Proposition ${plenum.seed.proposals[n - 1]!.number} —`) }).check()
    await form.getByRole('button', { name: 'Créer le scrutin en bloc' }).click()
    await form.getByRole('status').filter({ hasText: 'Scrutin créé : vote en bloc de 2 propositions' }).waitFor()
    await page.getByRole('heading', { level: 3, name: /en bloc/ }).waitFor()
    await page.context().close()
  }, 60_000)
})
