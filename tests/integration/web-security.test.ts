import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { makeFakeClientBuild } from '../helpers/temp-dir.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

describe('browser-facing protections', () => {
  let plenum: TestServer
  const clientDir = makeFakeClientBuild()

  beforeAll(async () => {
    plenum = await startTestServer({ clientDir: clientDir.path })
  })
  afterAll(async () => {
    await plenum.close()
    clientDir.remove()
  })

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${plenum.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  test('every response carries a policy with no inline script, no framing, no referrer, no sniffing', async () => {
    const responses = [
      await fetch(`${plenum.baseUrl}/`),
      await fetch(`${plenum.baseUrl}/assets/app-abc123.js`),
      await fetch(`${plenum.baseUrl}/api/health`),
      await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}`),
      await post('/api/session', { code: 'AAAA-BBBB-CCCC' }),
    ]
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 401, 401])
    for (const response of responses) {
      const csp = response.headers.get('content-security-policy') ?? ''
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
      expect(directives.get('script-src'), response.url).toEqual(["'self'"])
      expect(directives.get('style-src')).toEqual(["'self'"])
      expect(directives.get('default-src')).toEqual(["'self'"])
      expect(directives.get('frame-ancestors')).toEqual(["'none'"])
      expect(directives.get('object-src')).toEqual(["'none'"])
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })

  test('the session cookie is HttpOnly and SameSite=Lax', async () => {
    const response = await post('/api/session', { code: plenum.seed.bureauCode })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/plenum_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  test('a write sent by a page of another site is refused, with the cookie or without; the same origin and non-browser clients pass', async () => {
    const login = await post('/api/session', { code: plenum.seed.bureauCode })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const phase = `/api/congresses/${plenum.seed.congressId}/phase`
    const host = new URL(plenum.baseUrl).host
    const currentPhase = async () => ((await (await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}`, { headers: { cookie } })).json()) as { phase: string }).phase
    const before = await currentPhase()
    const next = before === 'amendments' ? 'voting' : 'amendments'

    const foreigners: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site', origin: `http://sub.${host}` }]
    for (const foreign of foreigners) {
      const refused = await post(phase, { phase: next }, { cookie, ...foreign })
      expect(refused.status, JSON.stringify(foreign)).toBe(403)
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden')
    }
    expect(await currentPhase()).toBe(before)
    // Login CSRF: another site cannot sign a visitor into a session of its choosing.
    expect((await post('/api/session', { code: plenum.seed.bureauCode }, { origin: 'https://evil.example' })).status).toBe(403)

    expect((await post('/api/session', { code: plenum.seed.bureauCode }, { origin: plenum.baseUrl, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    expect((await post(phase, { phase: next }, { cookie })).status).toBe(200)
    expect(await currentPhase()).toBe(next)
  })

  test('a sync socket opened by a page of another site with the cookie is closed; with its own token it opens', async () => {
    const { token } = await plenum.login()
    const docUrl = `${plenum.wsUrl}/${encodeURIComponent(plenum.seed.proposals[0]!.docName)}`
    const closeCode = (socket: WebSocket) => new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)))
    const firstMessage = (socket: WebSocket) => new Promise<boolean>((resolve) => socket.once('message', () => resolve(true)))

    const foreign = new WebSocket(docUrl, { headers: { cookie: `plenum_session=${token}`, origin: 'https://evil.example' } })
    expect(await closeCode(foreign)).toBe(CloseCode.Forbidden)

    const own = new WebSocket(docUrl, { headers: { cookie: `plenum_session=${token}`, origin: plenum.baseUrl } })
    expect(await firstMessage(own)).toBe(true)
    own.close()
    const withToken = new WebSocket(`${docUrl}?token=${token}`, { headers: { origin: 'https://elsewhere.example' } })
    expect(await firstMessage(withToken)).toBe(true)
    withToken.close()
  })
})
