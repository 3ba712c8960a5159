import type { Browser, Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AttendanceView } from '../../shared/api-types.ts'
import { call, createBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { axeViolations, hallUrl, openPage } from '../helpers/browser.ts'
import { artifacts, closeBrowserCongress, openBrowserCongress } from '../helpers/browser-congress.ts'
import type { Signed } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import type { TestServer } from '../helpers/test-server.ts'

const phoneSize = { width: 360, height: 740 }

/**
 * The voter's whole path on a phone, from a plain-HTTP host name of the hall (not a secure context:
 * no crypto.randomUUID, no crypto.subtle) and from 127.0.0.1: check in with the room's code, vote,
 * get a receipt the phone checked, keep it across a reload, find it on the board after publication.
 * Three phones vote Pour, Contre and Abstention: their requests are the same number of bytes.
 */
describe.each([
  { origin: 'the hall (http://plenum-hall.test, not a secure context)', hall: true },
  { origin: '127.0.0.1', hall: false },
])('a phone votes from $origin', ({ hall }) => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let voters: Signed[]

  beforeAll(async () => {
    ;({ plenum, browser, bureau, people: voters } = await openBrowserCongress([
      { name: 'Alice Martin', role: 'attendee' },
      { name: 'Bruno Contre', role: 'attendee' },
      { name: 'Chloé Neutre', role: 'attendee' },
    ]))
    await setPhase(plenum, bureau, 'voting')
  })
  afterAll(() => closeBrowserCongress({ plenum, browser }))

  const base = () => (hall ? hallUrl(plenum.baseUrl) : plenum.baseUrl)
  const suffix = hall ? 'hall' : 'local'

  async function phoneOf(voter: Signed): Promise<{ page: Page; bodies: Buffer[] }> {
    const page = await openPage(browser, `${base()}/join/${voter.code}`, phoneSize)
    page.setDefaultTimeout(10_000)
    const bodies: Buffer[] = []
    page.on('request', (request: Request) => {
      if (request.method() === 'POST' && /\/api\/ballots\/[^/]+\/votes$/.test(request.url())) bodies.push(request.postDataBuffer() ?? Buffer.alloc(0))
    })
    await signedIn(page)
    await page.goto(`${base()}/congresses/${plenum.seed.congressId}/vote`)
    await page.getByRole('heading', { level: 1, name: 'Voter' }).waitFor()
    return { page, bodies }
  }

  async function checkIn(phone: Page, roomCode: string): Promise<void> {
    await phone.getByLabel('Code affiché dans la salle').fill(roomCode)
    await phone.getByRole('button', { name: 'Je suis présent·e' }).click()
    await expect.poll(() => phone.locator('.live-region').textContent()).toContain('Présence enregistrée')
  }

  test('check-in, vote, a receipt the phone checked, kept across a reload, found on the board', async () => {
    const ballot = await createBallot(plenum, bureau, { kind: 'motion' })
    const { roomCode } = (await call<AttendanceView>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/attendance`)).body
    const phones = await Promise.all(voters.map((v) => phoneOf(v)))
    const choices = ['Pour', 'Contre', 'Abstention'] as const
    for (const [i, { page }] of phones.entries()) await checkIn(page, roomCode)
    if (hall) expect(await phones[0]!.page.evaluate(() => window.isSecureContext)).toBe(false)
    await step(plenum, bureau, ballot.id, 'open')

    const alice = phones[0]!.page
    await alice.getByRole('heading', { name: 'Vote sur : Motion' }).waitFor()
    for (const [i, { page }] of phones.entries()) {
      await page.getByRole('button', { name: choices[i]! }).click()
      await page.getByRole('button', { name: 'Confirmer' }).click()
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'A voté' }).count(), { message: `${choices[i]} is cast` }).toBeGreaterThan(0)
      expect(await page.locator('.error').count(), `no error after ${choices[i]}`).toBe(0)
    }
    expect(await alice.locator('.receipt-verified').count()).toBe(1)
    const receipt = (await alice.locator('.receipt strong').textContent())!.replace(/\s/g, '')
    expect(receipt).toMatch(/^[0-9a-f]{12}$/)
    await alice.screenshot({ path: `${artifacts}vote-cast-${suffix}.png`, fullPage: true })
    expect(await axeViolations(alice)).toEqual([])

    // The request is the same number of bytes whatever the choice (and the device's random values).
    const sizes = phones.map(({ bodies }) => bodies.map((b) => b.length))
    expect(sizes.every((s) => s.length === 1)).toBe(true)
    expect(new Set(sizes.flat()).size).toBe(1)

    // A reload keeps the receipt.
    await alice.reload()
    await expect.poll(() => alice.locator('.receipt strong').textContent()).toContain(receipt.slice(0, 4))

    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    await alice.getByRole('link', { name: 'Retrouver mon bulletin' }).click()
    await alice.locator('tr.found').waitFor()
    // The receipt travels in the fragment, not in the query the server would see.
    expect(new URL(alice.url()).search).toBe('')
    expect(new URL(alice.url()).hash).toContain(receipt.slice(0, 12))
    expect(await alice.locator('tr.found').textContent()).toContain('Pour')
    await alice.getByText('Votre bulletin (Pour) figure sur ce tableau').waitFor()
    await alice.getByText('Les 3 reçus ont été recalculés dans cette page').waitFor()
    expect(await alice.getByText('Le recomptage correspond au résultat publié.').count()).toBe(1)
    await alice.screenshot({ path: `${artifacts}board-${suffix}.png`, fullPage: true })
    expect(await axeViolations(alice)).toEqual([])
    for (const { page } of phones) await page.context().close()
  }, 120_000)

  test('a server that answers another receipt, or lists one twice on the board, is caught by the page', async () => {
    const ballot = await createBallot(plenum, bureau, { kind: 'motion' })
    await step(plenum, bureau, ballot.id, 'open')
    const { page: phone } = await phoneOf(voters[0]!)
    // A dishonest server answers a receipt that is not this vote's (here, nothing recorded at all).
    await phone.route('**/api/ballots/*/votes', (route) => route.fulfill({ status: 200, json: { receipt: 'ab'.repeat(32), nonce: 'cd'.repeat(16) } }))
    await phone.getByRole('button', { name: 'Pour' }).click()
    await phone.getByRole('button', { name: 'Confirmer' }).click()
    await phone.getByRole('alert').filter({ hasText: 'ne correspond pas à votre vote' }).first().waitFor()
    await phone.locator('.receipt-mismatch').waitFor()
    expect(await phone.locator('.voted-mark').count()).toBe(0)
    expect(await phone.locator('.receipt-verified').count()).toBe(0)
    await phone.screenshot({ path: `${artifacts}vote-receipt-mismatch-${suffix}.png`, fullPage: true })

    expect((await vote(plenum, voters[1]!.token, ballot.id, 'no')).status).toBe(200)
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    // A board that lists one receipt twice (fetched from here: Node does not resolve the hall's name).
    const board = (await call<{ entries: unknown[] }>(plenum, voters[1]!.token, 'GET', `/ballots/${ballot.id}/board`)).body
    await phone.route('**/api/ballots/*/board', (route) => route.fulfill({ status: 200, json: { ...board, entries: [...board.entries, ...board.entries] } }))
    await phone.goto(`${base()}/congresses/${plenum.seed.congressId}/ballots/${ballot.id}/board`)
    await phone.getByRole('alert').filter({ hasText: 'N’EST PAS valide' }).waitFor()
    await phone.getByRole('alert').filter({ hasText: 'Votre bulletin NE figure PAS sur ce tableau' }).waitFor()
    await phone.context().close()
  }, 60_000)
})
