import WebSocket from 'ws'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { IssuedParticipantView } from '../../shared/api-types.ts'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { openEvents } from '../helpers/event-stream.ts'
import { bearer } from '../helpers/participants.ts'
import { connectSynced, nextClose } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

/** Issue 15, point 8: the credential of a socket, the sign-in limit, the Secure cookie, signing out. */

const signIn = (plenum: TestServer, code: string, headers: Record<string, string> = {}) =>
  fetch(`${plenum.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ code }) })

/** A code of the right shape no one has: a fresh 8-character start each time unless `prefix` is given. */
let guesses = 0
const wrongCode = (prefix?: string) => {
  const n = String(++guesses).padStart(4, '0')
  return prefix ? `${prefix}-${n}` : `${n}-${n.split('').reverse().join('')}-ZZZZ`.replace(/0/g, 'Q')
}

async function importOne(plenum: TestServer, bureau: string, name: string): Promise<IssuedParticipantView> {
  const response = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/participants`, {
    method: 'POST',
    headers: { ...bearer(bureau), 'content-type': 'application/json' },
    body: JSON.stringify([{ name, organisation: 'Ville', email: `${name.replace(/\W/g, '')}.${Date.now()}@example.fr`, role: 'delegate' }]),
  })
  return ((await response.json()) as { participants: IssuedParticipantView[] }).participants[0]!
}

function rawSocket(url: string, headers: Record<string, string>): Promise<{ code: number; frames: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    let frames = 0
    ws.on('message', () => {
      frames++
      ws.close()
    })
    ws.on('close', (code) => resolve({ code, frames }))
    ws.on('error', reject)
  })
}

describe('the sign-in limit, behind the hall’s one address', () => {
  let plenum: TestServer
  let bureau: string
  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
  })
  afterAll(() => plenum.close())

  test('one person’s typos lock out no one else in the room', async () => {
    const alice = await importOne(plenum, bureau, 'Alice')
    // Someone types the same mistaken code again and again (the same first 8 characters).
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await signIn(plenum, wrongCode('AAAA-BBBB'))).status)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses.slice(10)).toEqual([429, 429])
    const waiting = await signIn(plenum, wrongCode('AAAA-BBBB'))
    const { error } = (await waiting.json()) as { error: { code: string; retryAfterSeconds: number } }
    expect(error.code).toBe('sign_in_code_limited')
    expect(error.retryAfterSeconds).toBeGreaterThan(0)
    expect(waiting.headers.get('retry-after')).toBe(String(error.retryAfterSeconds))
    // Alice, behind the same address, signs in.
    expect((await signIn(plenum, alice.code)).status).toBe(200)
  })

  test('an address trying many codes is told so, signing in with one’s own code clears nothing, and a right code still gets in', async () => {
    const fresh = await startTestServer()
    try {
      const own = await importOne(fresh, (await fresh.login()).token, 'Mallory')
      for (let i = 0; i < 49; i++) expect.soft((await signIn(fresh, wrongCode())).status).toBe(401)
      expect((await signIn(fresh, own.code)).status).toBe(200)
      // The 50th wrong code spends the address's budget, the success before it notwithstanding.
      const blocked = await signIn(fresh, wrongCode())
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('sign_in_address_limited')
      expect((await signIn(fresh, wrongCode())).status).toBe(429)
      expect((await signIn(fresh, own.code)).status).toBe(200)
    } finally {
      await fresh.close()
    }
  }, 60_000)
})

describe('behind a trusted proxy (TRUST_PROXY=1)', () => {
  let plenum: TestServer
  beforeAll(async () => {
    process.env.TRUST_PROXY = '1'
    plenum = await startTestServer()
  })
  afterAll(async () => {
    delete process.env.TRUST_PROXY
    delete process.env.PUBLIC_URL
    await plenum.close()
  })
  afterEach(() => {
    delete process.env.PUBLIC_URL
  })

  test('a code under attack is limited whichever addresses try it; the client address is the proxy’s last hop', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await signIn(plenum, wrongCode('CCCC-DDDD'), { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.${i + 1}` })).status)
    expect(statuses).toEqual([...Array(10).fill(401), 429])
    // Someone floods the hall's one address with wrong codes: theirs are answered 429, but whoever
    // types a right code from the same address still gets in.
    const flood: number[] = []
    for (let i = 0; i < 51; i++) flood.push((await signIn(plenum, wrongCode(), { 'x-forwarded-for': '203.0.113.200' })).status)
    expect(flood.slice(0, 49).every((status) => status === 401)).toBe(true)
    expect(flood.slice(49)).toEqual([429, 429])
    expect((await signIn(plenum, plenum.seed.bureauCode, { 'x-forwarded-for': '203.0.113.200' })).status).toBe(200)
    expect((await signIn(plenum, plenum.seed.bureauCode, { 'x-forwarded-for': '203.0.113.201' })).status).toBe(200)
  }, 60_000)

  test('the session cookie is Secure when the proxy says https, or PUBLIC_URL is https; not on plain HTTP', async () => {
    const cookieOf = async (headers: Record<string, string>) => (await signIn(plenum, plenum.seed.bureauCode, headers)).headers.get('set-cookie') ?? ''
    expect(await cookieOf({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.1' })).toMatch(/;\s*Secure/i)
    expect(await cookieOf({ 'x-forwarded-for': '192.0.2.1' })).not.toMatch(/;\s*Secure/i)
    process.env.PUBLIC_URL = 'https://congres.example.fr'
    expect(await cookieOf({ 'x-forwarded-for': '192.0.2.1' })).toMatch(/;\s*Secure/i)
  })
})

describe('the credential of a socket, and signing out', () => {
  let plenum: TestServer
  let cookie: string
  let docName: string
  beforeAll(async () => {
    plenum = await startTestServer()
    const response = await signIn(plenum, plenum.seed.bureauCode)
    cookie = response.headers.get('set-cookie')!.split(';')[0]!
    docName = plenum.seed.proposals[0]!.docName
  })
  afterAll(() => plenum.close())

  test('a socket opened from another site with an empty ?token= is refused: the cookie is its credential', async () => {
    const evil = { cookie, origin: 'https://evil.example' }
    for (const query of ['?token=', '?token=%20', '']) {
      expect.soft(await rawSocket(`${plenum.wsUrl}/${docName}${query}`, evil), query).toEqual({ code: CloseCode.Forbidden, frames: 0 })
    }
    // From Plenum's own page, the same socket opens.
    expect((await rawSocket(`${plenum.wsUrl}/${docName}?token=`, { cookie, origin: plenum.baseUrl })).frames).toBe(1)
    // A token that is there is the credential, even with a valid cookie beside it.
    expect(await rawSocket(`${plenum.wsUrl}/${docName}?token=not-a-session`, { cookie, origin: plenum.baseUrl })).toEqual({ code: CloseCode.Unauthorized, frames: 0 })
  })

  test('signing out closes that session’s sockets and event streams, and only that session’s', async () => {
    const leaving = await plenum.login()
    const staying = await plenum.login()
    const socket = await connectSynced(plenum.wsUrl, docName, leaving.token, 'leaving')
    const other = await connectSynced(plenum.wsUrl, docName, staying.token, 'staying')
    const closed = nextClose(socket.provider)
    const events = openEvents(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/events`, leaving.token)
    const otherEvents = openEvents(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/events`, staying.token)
    await waitFor(() => events.events.length > 0 && otherEvents.events.length > 0, 'both event streams open')

    const out = await fetch(`${plenum.baseUrl}/api/session`, { method: 'DELETE', headers: bearer(leaving.token) })
    expect(out.status).toBe(204)
    expect(await closed).toBe(CloseCode.Unauthorized)
    expect(await events.done).toBe('ended')
    expect(other.provider.wsconnected).toBe(true)
    expect((await fetch(`${plenum.baseUrl}/api/session`, { headers: bearer(staying.token) })).status).toBe(200)
    socket.destroy()
    other.destroy()
    otherEvents.close()
  })
})

describe('a session token in an HTTP address', () => {
  let plenum: TestServer
  beforeAll(async () => {
    plenum = await startTestServer()
  })
  afterAll(() => plenum.close())

  test('is no credential: HTTP takes a Bearer header or the cookie (sockets alone take ?token=)', async () => {
    const { token } = await plenum.login()
    expect((await fetch(`${plenum.baseUrl}/api/session?token=${token}`)).status).toBe(401)
    expect((await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}?token=${token}`)).status).toBe(401)
    expect((await fetch(`${plenum.baseUrl}/api/session`, { headers: bearer(token) })).status).toBe(200)
  })
})
