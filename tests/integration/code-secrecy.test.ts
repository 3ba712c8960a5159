import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { IssuedParticipantView, MyActivityView } from '../../shared/api-types.ts'
import { insertOpenBallot, vote } from '../helpers/ballots.ts'
import { bearer } from '../helpers/participants.ts'
import { forcePhase, startTestServer, type TestServer } from '../helpers/test-server.ts'

const phone = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'
const laptop = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0'

/**
 * Issue 15, point 3: the bureau lists the participants and signs in as one of them to vote.
 * Codes are shown once (the import's answer) and kept as hashes; every sign-in is recorded and
 * shown to the person whose code it was, the one someone else made included.
 */
describe('an access code is shown once, and what is done with it shows', () => {
  let plenum: TestServer
  let bureau: string
  let base: string
  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    base = `${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}`
  })
  afterAll(() => plenum.close())

  const signIn = (code: string, userAgent: string) =>
    fetch(`${plenum.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': userAgent }, body: JSON.stringify({ code }) })

  test('after the import, the bureau cannot obtain a code: not from the list, a QR code, the sheet or the data folder', async () => {
    const imported = await fetch(`${base}/participants`, {
      method: 'POST',
      headers: { ...bearer(bureau), 'content-type': 'application/json' },
      body: JSON.stringify([{ name: 'Alice Martin', organisation: 'Ville de Rennes', email: 'alice@example.fr', role: 'delegate' }]),
    })
    expect(imported.status).toBe(201)
    const [alice] = ((await imported.json()) as { participants: IssuedParticipantView[] }).participants
    expect(alice!.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const bare = alice!.code.replace(/-/g, '')

    const list = await fetch(`${base}/participants`, { headers: bearer(bureau) })
    expect(list.status).toBe(200)
    const listed = await list.text()
    expect(listed).toContain('Alice Martin')
    expect(listed).not.toContain(alice!.code)
    expect(listed).not.toContain(bare)
    for (const p of (JSON.parse(listed) as { participants: Record<string, unknown>[] }).participants) expect(p).not.toHaveProperty('code')

    // The old ways to a code: a QR code per person, a sheet printed at any time.
    expect([404, 405]).toContain((await fetch(`${base}/participants/${alice!.id}/qr.svg`, { headers: bearer(bureau) })).status)
    expect([404, 405]).toContain((await fetch(`${base}/participants/sheet.pdf`, { headers: bearer(bureau) })).status)
    // The sheet prints only codes the bureau holds: a guess is refused, and no code comes back.
    const guessed = await fetch(`${base}/participants/sheet.pdf`, {
      method: 'POST',
      headers: { ...bearer(bureau), 'content-type': 'application/json' },
      body: JSON.stringify({ participants: [{ id: alice!.id, code: 'AAAA-BBBB-CCCC' }] }),
    })
    expect(guessed.status).toBe(409)
    expect(await guessed.text()).not.toContain(bare)

    // Nor does the operator find it in the data folder (database, WAL).
    for (const file of readdirSync(plenum.dataDir).filter((f) => f.startsWith('plenum.db'))) {
      const bytes = readFileSync(join(plenum.dataDir, file)).toString('latin1')
      expect(bytes.includes(alice!.code), file).toBe(false)
      expect(bytes.includes(bare), file).toBe(false)
    }

    // Alice signs in on her phone; someone else signs in with her code from a laptop.
    const own = await signIn(alice!.code, phone)
    expect(own.status).toBe(200)
    const aliceToken = ((await own.json()) as { token: string }).token
    expect((await signIn(alice!.code.toLowerCase(), laptop)).status).toBe(200)

    // Alice sees both: when, and from which kind of device; the one she is using is marked.
    const activity = await fetch(`${base}/me/activity`, { headers: bearer(aliceToken) })
    expect(activity.status).toBe(200)
    const { signIns } = (await activity.json()) as MyActivityView
    expect(signIns).toHaveLength(2)
    expect(signIns.map((s) => [s.browser, s.os, s.current])).toEqual([
      ['Firefox', 'Windows', false],
      ['Chrome', 'Android', true],
    ])
    for (const s of signIns) expect(Math.abs(s.at - Date.now())).toBeLessThan(60_000)
    // A label, not the User-Agent: nothing else of the header is kept.
    expect(JSON.stringify(signIns)).not.toContain('Gecko')

    // The bureau's own activity does not list Alice's sign-ins.
    const mine = (await (await fetch(`${base}/me/activity`, { headers: bearer(bureau) })).json()) as MyActivityView
    expect(mine.signIns.every((s) => s.browser !== 'Firefox')).toBe(true)
  })

  test('a vote cast with someone’s code shows on their page, with its time, and they cannot vote again', async () => {
    const imported = await fetch(`${base}/participants`, {
      method: 'POST',
      headers: { ...bearer(bureau), 'content-type': 'application/json' },
      body: JSON.stringify([{ name: 'Emma Blanc', organisation: 'Ville de Dijon', email: 'emma@example.fr', role: 'delegate' }]),
    })
    const [emma] = ((await imported.json()) as { participants: IssuedParticipantView[] }).participants
    const ballotId = await insertOpenBallot(plenum, [emma!.id])
    await forcePhase(plenum, 'voting')
    try {
      // The attack: someone who kept Emma's code signs in with it and votes.
      const stolen = ((await (await signIn(emma!.code, laptop)).json()) as { token: string }).token
      const before = Date.now()
      expect((await vote(plenum, stolen, ballotId, 'yes')).status).toBe(200)

      // Emma signs in on her phone: her vote is already cast, and her page says when and with which sign-in.
      const own = ((await (await signIn(emma!.code, phone)).json()) as { token: string }).token
      expect((await vote(plenum, own, ballotId, 'no')).status).toBe(409)
      const { signIns, votes } = (await (await fetch(`${base}/me/activity`, { headers: bearer(own) })).json()) as MyActivityView
      expect(signIns.map((s) => `${s.browser} ${s.os}`)).toEqual(['Chrome Android', 'Firefox Windows'])
      expect(votes).toHaveLength(1)
      expect(votes[0]).toMatchObject({ ballotId, own: true, subject: 'motion' })
      expect(votes[0]!.castAt).toBeGreaterThanOrEqual(before - 1000)
      expect(votes[0]!.castAt).toBeLessThanOrEqual(Date.now())
    } finally {
      await forcePhase(plenum, 'setup')
    }
  })

  test('the check-in desk finds a person by the code typed, or by the card’s link scanned, looked up by its hash', async () => {
    const imported = await fetch(`${base}/participants`, {
      method: 'POST',
      headers: { ...bearer(bureau), 'content-type': 'application/json' },
      body: JSON.stringify([
        { name: 'Chloé Durand', organisation: 'Ville de Lille', email: 'chloe@example.fr', role: 'delegate' },
        { name: 'David Roux', organisation: 'Ville de Pau', email: 'david@example.fr', role: 'attendee' },
      ]),
    })
    const [chloe, david] = ((await imported.json()) as { participants: IssuedParticipantView[] }).participants
    const checkIn = (code: string) =>
      fetch(`${base}/attendance`, { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
    const typed = await checkIn(chloe!.code.toLowerCase().replace(/-/g, ' '))
    expect(typed.status).toBe(200)
    expect(((await typed.json()) as { id: string; present: boolean })).toMatchObject({ id: chloe!.id, present: true })
    const scanned = await checkIn(`${plenum.baseUrl}/join#code=${david!.code}`)
    expect(scanned.status).toBe(200)
    expect(((await scanned.json()) as { id: string; present: boolean })).toMatchObject({ id: david!.id, present: true })
    expect((await checkIn('AAAA-BBBB-CCCC')).status).toBe(404)
  })

  test('a reissued code is shown in the reissue answer, and the old one stops working', async () => {
    const imported = await fetch(`${base}/participants`, {
      method: 'POST',
      headers: { ...bearer(bureau), 'content-type': 'application/json' },
      body: JSON.stringify([{ name: 'Bruno Petit', organisation: 'Ville de Brest', email: 'bruno@example.fr', role: 'attendee' }]),
    })
    const [bruno] = ((await imported.json()) as { participants: IssuedParticipantView[] }).participants
    const reissued = await fetch(`${base}/participants/${bruno!.id}/reissue`, { method: 'POST', headers: bearer(bureau) })
    const { participant } = (await reissued.json()) as { participant: IssuedParticipantView }
    expect(participant.code).not.toBe(bruno!.code)
    expect((await signIn(bruno!.code, phone)).status).toBe(401)
    expect((await signIn(participant.code, phone)).status).toBe(200)
    const listed = await (await fetch(`${base}/participants`, { headers: bearer(bureau) })).text()
    expect(listed).not.toContain(participant.code)
  })
})
