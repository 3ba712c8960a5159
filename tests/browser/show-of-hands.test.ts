import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkIn, createBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { axeViolations, launchChromium, openPage } from '../helpers/browser.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/** The bureau enters a count made in the room; the results, the board and the projector show it apart. */
describe('show of hands in the browser', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let people: Signed[]

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureau = (await plenum.login()).token
    people = await importAndSignIn(plenum, bureau, [
      { name: 'Alice Martin', role: 'attendee' },
      { name: 'Bastien Roux', role: 'delegate' },
      { name: 'Chloé Nguyen', role: 'attendee' },
      { name: 'Driss Benali', role: 'attendee' },
    ])
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, people.map((p) => p.id))
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
  const itemOf = (page: Page, label: string) => page.locator('li.ballot-item').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${label} `) }) })

  test('French: phones and a show of hands in one ballot, refused past the list, then recorded and shown apart everywhere', async () => {
    const ballot = await createBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[0]!.id })
    await step(plenum, bureau, ballot.id, 'open')
    expect((await vote(plenum, people[0]!.token, ballot.id, 'yes')).status).toBe(200)
    await step(plenum, bureau, ballot.id, 'close')

    const console = await join(plenum.seed.bureauCode)
    await console.goto(`${congressUrl()}/ballots`)
    const item = itemOf(console, 'Proposition 1')
    await item.getByRole('heading', { level: 4, name: 'Décompte en salle' }).waitFor()
    await item.screenshot({ path: `${artifacts}show-of-hands-form.png` })

    // Four votes on the list: one on a phone and four hands would be five.
    await item.getByLabel('Pour', { exact: true }).fill('2')
    await item.getByLabel('Contre', { exact: true }).fill('2')
    await item.getByRole('button', { name: 'Enregistrer le décompte en salle' }).click()
    await expect.poll(() => console.getByRole('alert').textContent()).toContain('Décompte refusé : 1 vote(s) sur les appareils et 4 en salle dépassent les 4 voix')
    expect(await item.locator('.room-split').count()).toBe(0)

    await item.getByLabel('Pour', { exact: true }).fill('1')
    await item.getByLabel('Contre', { exact: true }).fill('1')
    await item.getByLabel('Abstentions', { exact: true }).fill('1')
    await item.getByRole('button', { name: 'Enregistrer le décompte en salle' }).click()
    await expect.poll(() => console.getByRole('status').filter({ hasText: 'Décompte en salle enregistré.' }).count()).toBe(1)
    const split = item.locator('.room-split')
    await split.waitFor()
    expect(await split.locator('tr[data-kind="electronic"] td').allTextContents()).toEqual(['1', '0', '0'])
    expect(await split.locator('tr[data-kind="room"] td').allTextContents()).toEqual(['1', '1', '1'])
    expect(await split.locator('tr[data-kind="total"] td').allTextContents()).toEqual(['2', '1', '1'])
    expect(await item.locator('.counting-mark').textContent()).toBe('Appareils et compté en salle')
    // The form keeps the count entered, for a recount.
    expect(await item.getByLabel('Pour', { exact: true }).inputValue()).toBe('1')
    await console.screenshot({ path: `${artifacts}show-of-hands-console.png`, fullPage: true })
    expect(await axeViolations(console)).toEqual([])

    await item.getByRole('button', { name: 'Publier les résultats' }).click()
    await item.locator('.status-badge[data-status="published"]').waitFor()

    const projector = await join(plenum.seed.bureauCode, { width: 1920, height: 1080 })
    await projector.goto(`${plenum.baseUrl}/projector/${plenum.seed.congressId}`)
    await expect.poll(() => projector.locator('.projector-room').textContent()).toContain('Dont compté en salle : pour 1, contre 1, abstentions 1')
    expect(await projector.locator('.bar-row .bar-value').allTextContents()).toEqual(['2', '1', '1'])
    await projector.screenshot({ path: `${artifacts}show-of-hands-projector.png` })
    expect(await axeViolations(projector)).toEqual([])

    const phone = await join(people[1]!.code, { width: 360, height: 740 })
    await phone.goto(`${congressUrl()}/ballots/${ballot.id}/board`)
    await phone.getByText('Compté en salle par le bureau, hors de ce tableau : pour 1, contre 1, abstentions 1.').waitFor()
    expect(await phone.getByText('Avec le décompte en salle, le recomptage correspond au résultat publié.').count()).toBe(1)
    expect(await phone.locator('.room-split tr[data-kind="room"] td').allTextContents()).toEqual(['1', '1', '1'])
    await phone.screenshot({ path: `${artifacts}show-of-hands-board.png`, fullPage: true })
    expect(await axeViolations(phone)).toEqual([])
    for (const page of [phone, projector, console]) await page.context().close()
  }, 120_000)

  test('English: a roll call held wholly by show of hands, name by name', async () => {
    const ballot = await createBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[1]!.id }, { secrecy: 'roll-call' })
    await step(plenum, bureau, ballot.id, 'open')
    await step(plenum, bureau, ballot.id, 'close')

    const console = await join(plenum.seed.bureauCode)
    await console.goto(`${congressUrl()}/ballots`)
    await console.getByRole('button', { name: 'Switch to English' }).click()
    await console.locator('html[lang="en"]').waitFor({ state: 'attached' })
    // The subject in English: 'Proposal 2'.
    const item = itemOf(console, 'Proposal 2')
    await item.getByRole('heading', { level: 4, name: 'Count in the room' }).waitFor()
    await item.getByLabel('Alice Martin').selectOption('yes')
    await item.getByLabel('Bastien Roux').selectOption('yes')
    await item.getByLabel('Chloé Nguyen').selectOption('no')
    // Driss is not counted: he left the room before the show of hands.
    await item.getByRole('button', { name: 'Record the count in the room' }).click()
    await expect.poll(() => console.getByRole('status').filter({ hasText: 'Count in the room recorded.' }).count()).toBe(1)
    await item.locator('.room-split').waitFor()
    expect(await item.locator('.counting-mark').textContent()).toBe('Counted in the room')
    expect(await item.locator('.room-split tr[data-kind="electronic"] td').allTextContents()).toEqual(['0', '0', '0'])
    expect(await item.locator('.room-split tr[data-kind="total"] td').allTextContents()).toEqual(['2', '1', '0'])
    expect(await item.locator('.result-table .outcome').first().textContent()).toBe('Adopted')
    await item.locator('.room-names summary').click()
    expect(await item.locator('.room-names li').allTextContents()).toEqual(['Alice Martin — For', 'Bastien Roux — For', 'Chloé Nguyen — Against'])
    // The form lists each voter once, with the choice counted, for a recount.
    expect(await item.locator('.room-names-form li').count()).toBe(4)
    expect(await item.getByLabel('Chloé Nguyen').inputValue()).toBe('no')
    expect(await item.getByLabel('Driss Benali').inputValue()).toBe('')
    await console.screenshot({ path: `${artifacts}show-of-hands-roll-call-en.png`, fullPage: true })
    expect(await axeViolations(console)).toEqual([])
    await console.context().close()
  }, 120_000)
})
