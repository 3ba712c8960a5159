import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CongressView } from '../../shared/api-types.ts'
import { demoCongress } from '../../shared/demo/demo-congress.ts'
import { makeFakeClientBuild } from '../helpers/temp-dir.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

describe('HTTP API', () => {
  let plenum: TestServer
  const clientDir = makeFakeClientBuild()

  beforeAll(async () => {
    plenum = await startTestServer({ clientDir: clientDir.path })
  })
  afterAll(async () => {
    await plenum.close()
    clientDir.remove()
  })

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${plenum.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

  test('GET /api/health answers 200', async () => {
    const response = await fetch(`${plenum.baseUrl}/api/health`)
    expect(response.status).toBe(200)
  })

  test('POST /api/session with the access code opens a session with an HttpOnly cookie', async () => {
    const response = await post('/api/session', JSON.stringify({ code: plenum.seed.bureauCode }))
    expect(response.status).toBe(200)
    const body = (await response.json()) as { token: string; participant: { id: string; name: string; role: string } }
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    expect(body.participant).toMatchObject({ role: 'bureau', name: expect.stringContaining('Villes Internet') })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/plenum_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  test('a code typed in lower case with spaces still works', async () => {
    const sloppy = plenum.seed.bureauCode.toLowerCase().replace(/-/g, ' ')
    expect((await post('/api/session', JSON.stringify({ code: sloppy }))).status).toBe(200)
  })

  test('a wrong code gets 401 with an error body', async () => {
    const response = await post('/api/session', JSON.stringify({ code: 'AAAA-BBBB-CCCC' }))
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: { code: 'invalid_code', message: expect.any(String) } })
  })

  test.each([
    ['not JSON', '{code:'],
    ['an array', '[]'],
    ['no code', '{}'],
    ['a number for the code', '{"code": 12}'],
  ])('a body that is %s gets 400', async (_what, body) => {
    const response = await post('/api/session', body)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request')
  })

  test('GET /api/congresses/:id returns the congress, its 4 themes and 29 proposals in order', async () => {
    const { token } = await plenum.login()
    const response = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}`, { headers: { authorization: `Bearer ${token}` } })
    expect(response.status).toBe(200)
    const congress = (await response.json()) as CongressView
    expect(congress.title).toBe('4e Congrès national des élus au numérique')
    expect(congress.themes.map((t) => t.position)).toEqual([1, 2, 3, 4])
    expect(congress.themes.map((t) => t.title)).toEqual(demoCongress.themes.map((t) => t.title))
    expect(congress.proposals.map((p) => p.number)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1))
    for (const p of congress.proposals) {
      expect(Object.keys(p).sort()).toEqual(['amendmentCount', 'docName', 'id', 'number', 'outcome', 'themeId', 'title'])
      expect(p.amendmentCount).toBe(0)
      expect(p.outcome).toBeNull()
      expect(p.docName).toBe(`${congress.id}/proposal/${p.id}`)
      expect(congress.themes.some((t) => t.id === p.themeId)).toBe(true)
    }
  })

  test('the congress needs a session, of that congress', async () => {
    const anonymous = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}`)
    expect(anonymous.status).toBe(401)
    const { token } = await plenum.login()
    const other = await fetch(`${plenum.baseUrl}/api/congresses/another`, { headers: { authorization: `Bearer ${token}` } })
    expect(other.status).toBe(403)
  })

  test('logging out ends the session', async () => {
    const { token } = await plenum.login()
    const auth = { authorization: `Bearer ${token}` }
    expect((await fetch(`${plenum.baseUrl}/api/session`, { headers: auth })).status).toBe(200)
    expect((await fetch(`${plenum.baseUrl}/api/session`, { method: 'DELETE', headers: auth })).status).toBe(204)
    expect((await fetch(`${plenum.baseUrl}/api/session`, { headers: auth })).status).toBe(401)
  })

  test('an unknown API path is a JSON 404, any other GET serves the client', async () => {
    const api = await fetch(`${plenum.baseUrl}/api/nothing-here`)
    expect(api.status).toBe(404)
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('route_not_found')

    for (const path of ['/', '/join/ABCD-EFGH-JKMN', `/congresses/${plenum.seed.congressId}/proposals/12`]) {
      const page = await fetch(`${plenum.baseUrl}${path}`)
      expect(page.status, path).toBe(200)
      expect(await page.text(), path).toContain('<plenum-app>')
    }
    const asset = await fetch(`${plenum.baseUrl}/assets/app-abc123.js`)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(await asset.text()).toBe('console.log(1)')
  })

  test('a body over 256 kB is refused with 413, whether its length is declared or streamed, and nothing is imported', async () => {
    const { token } = await plenum.login()
    const auth = { authorization: `Bearer ${token}` }
    const participants = async () =>
      ((await (await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/participants`, { headers: auth })).json()) as { participants: unknown[] }).participants.length
    const before = await participants()
    const csv = `name;organisation;role\n${'Jeanne Martin;Ville de Brest;attendee\n'.repeat(8000)}`
    expect(csv.length).toBeGreaterThan(256 * 1024)
    const url = `${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/participants`

    const declared = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv })
    expect(declared.status).toBe(413)
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')

    const bytes = new TextEncoder().encode(csv)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.subarray(i, i + 16 * 1024))
        controller.close()
      },
    })
    const streamed = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: stream, duplex: 'half' } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')

    expect(await participants()).toBe(before)
  })
})
