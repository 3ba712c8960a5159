import { randomBytes } from 'node:crypto'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { join } from 'node:path'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sessionCookie } from '../../server/auth/credentials.ts'
import { signInLimits } from '../../server/auth/sign-in-limit.ts'
import type { SessionView } from '../../shared/api-types.ts'
import { formatDocName, preambleDocId } from '../../shared/docs/doc-name.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { docField } from '../../shared/editor/extensions.ts'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { caddy, freePort, nginx, selfSignedCertificate, type RunningProxy } from '../helpers/reverse-proxies.ts'
import { bearer } from '../helpers/participants.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { waitFor } from '../helpers/wait-for.ts'

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

interface Answer {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

const proxies = [nginx, caddy]

// Its own test, so a machine without the proxy counts a failure (CI installs it), not only a failed hook.
test.each(proxies)('$name is installed', (proxy) => {
  expect(() => proxy.binary()).not.toThrow()
})

describe.each(proxies)('three `plenum serve` processes behind $name, with its file of deploy/', (proxy) => {
  const dir = makeTempDir(`plenum-${proxy.name}-`)
  const servers: ChildServer[] = []
  const closers: (() => void)[] = []
  let running: RunningProxy | undefined
  let ca = ''
  let httpsBase = ''
  let httpBase = ''
  let congressId = ''
  let bureauCode = ''

  /** One request through node:http(s), from `localAddress` if given (127.0.0.0/8 is all this machine), trusting only the test certificate. */
  function call(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<Answer> {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest
    return new Promise((resolve, reject) => {
      const req = send(url, { method: options.method ?? 'GET', headers: options.headers, localAddress: options.localAddress, ca, agent: false, timeout: 10_000 }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      })
      req.on('timeout', () => req.destroy(new Error(`no answer from ${url}`)))
      req.on('error', reject)
      req.end(options.body)
    })
  }

  /** Signs in as a browser on that page would: JSON body, the page's own Origin. */
  function signIn(base: string, code: string, localAddress?: string): Promise<Answer> {
    return call(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ code }), localAddress })
  }

  beforeAll(async () => {
    proxy.binary()
    const cert = selfSignedCertificate(dir.path)
    ca = cert.pem
    const env = { REDIS_URL: redisUrl, TRUST_PROXY: '1' }
    // The first creates the data folder and its demo congress; the other two open it.
    servers.push(await startChildServer(join(dir.path, 'data'), { env }))
    servers.push(...(await Promise.all([1, 2].map(() => startChildServer(join(dir.path, 'data'), { env })))))
    const upstreamPorts = servers.map((server) => Number(new URL(server.baseUrl).port)) as [number, number, number]
    // A port found free may be taken before the proxy binds it: then again, on others.
    for (let attempt = 1; !running; attempt++) {
      const [httpsPort, httpPort] = [await freePort(), await freePort()]
      try {
        running = await proxy.start(join(dir.path, `${proxy.name}-${attempt}`), { upstreamPorts, httpsPort, httpPort, certFile: cert.certFile, keyFile: cert.keyFile })
      } catch (error) {
        if (attempt === 3 || !/in use/i.test(String(error))) throw error
        continue
      }
      httpsBase = `https://127.0.0.1:${httpsPort}`
      httpBase = `http://127.0.0.1:${httpPort}`
    }
    bureauCode = servers[0]!.bureauCode
  }, 120_000)

  afterAll(async () => {
    for (const close of closers) close()
    await running?.stop()
    await Promise.all(servers.map((server) => server.stop()))
    dir.remove()
  })

  test('sign-in works over HTTPS with a Secure cookie, and over the hall’s plain HTTP with a cookie that is not Secure', async () => {
    const secure = await signIn(httpsBase, bureauCode)
    expect(secure.status).toBe(200)
    const session = JSON.parse(secure.body) as SessionView
    congressId = session.participant.congressId
    const secureCookie = String(secure.headers['set-cookie'])
    expect(secureCookie).toContain(`${sessionCookie}=${session.token}`)
    expect(secureCookie).toMatch(/;\s*Secure/i)

    const plain = await signIn(httpBase, bureauCode)
    expect(plain.status).toBe(200)
    const plainCookie = String(plain.headers['set-cookie'])
    expect(plainCookie).toContain(`${sessionCookie}=`)
    expect(plainCookie).not.toMatch(/Secure/i)

    // The session works through the proxy, whichever process answers.
    for (let i = 0; i < 3; i++) {
      const me = await call(`${httpsBase}/api/session`, { headers: bearer(session.token) })
      expect(me.status).toBe(200)
    }
  })

  test('stock y-websocket clients sync a document through wss, one on the session cookie: every socket of one document reaches one process', async () => {
    const { token } = JSON.parse((await signIn(httpsBase, bureauCode)).body) as SessionView
    const docName = formatDocName({ congressId, kind: 'preamble', id: preambleDocId })
    const wssUrl = `${httpsBase.replace('https', 'wss')}/sync`
    const socketOptions = (headers: Record<string, string> = {}) =>
      class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { ca, headers })
        }
      } as unknown as typeof globalThis.WebSocket
    const open = (options: { params: Record<string, string>; headers?: Record<string, string> }) => {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(wssUrl, docName, doc, { params: options.params, WebSocketPolyfill: socketOptions(options.headers), disableBc: true })
      const close = () => (provider.destroy(), doc.destroy())
      closers.push(close)
      return { doc, provider, close }
    }
    const writer = open({ params: { token } })
    // A browser's socket: the cookie and its page's Origin, which Plenum checks against Host.
    const byCookie = open({ params: {}, headers: { cookie: `${sessionCookie}=${token}`, origin: httpsBase } })
    // Six sockets over three processes: spread by client, some would miss the edit, which does not cross processes.
    // Each on a session of its own: the path alone, never the token in the query, must choose the process.
    const tokens = await Promise.all(Array.from({ length: 5 }, async () => (JSON.parse((await signIn(httpsBase, bureauCode)).body) as SessionView).token))
    const readers = [byCookie, ...tokens.map((own) => open({ params: { token: own } }))]
    await waitFor(() => [writer, ...readers].every((client) => client.provider.synced), 'every client to sync through the proxy')

    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Ajouté derrière le proxy')])
    const fragment = writer.doc.getXmlFragment(docField)
    fragment.insert(fragment.length, [paragraph])
    await waitFor(() => readers.every((client) => docText(client.doc).includes('Ajouté derrière le proxy')), 'the edit on every other client')
    for (const client of [writer, ...readers]) client.close()
  })

  test('an event stream opened through the proxy gets its first event at once and a phase change made on another process', async () => {
    const { token } = JSON.parse((await signIn(httpsBase, bureauCode)).body) as SessionView
    const events: { event: string; data: string }[] = []
    let upstream = ''
    const stream = httpsRequest(`${httpsBase}/api/congresses/${congressId}/events`, { headers: bearer(token), ca, agent: false }, (res) => {
      upstream = String(res.headers['x-plenum-upstream'])
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) events.push({ event, data })
        }
      })
    })
    stream.on('error', () => undefined)
    stream.end()
    closers.push(() => stream.destroy())
    // Buffered by the proxy, this first small event would wait for the buffer to fill.
    await waitFor(() => events.some((e) => e.event === 'phase'), 'the current phase through the proxy')
    expect(JSON.parse(events[0]!.data)).toEqual({ phase: 'drafting' })

    const other = servers.find((server) => new URL(server.baseUrl).host !== upstream)!
    expect(servers.map((server) => new URL(server.baseUrl).host)).toContain(upstream)
    const changed = await call(`${other.baseUrl}/api/congresses/${congressId}/phase`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ phase: 'amendments' }),
    })
    expect(changed.status).toBe(200)
    await waitFor(() => events.some((e) => e.event === 'phase' && JSON.parse(e.data).phase === 'amendments'), 'the phase change from another process')
  })

  test('the address Plenum counts sign-in failures against is the client’s, from X-Forwarded-For, not the proxy’s nor one the client claims', async () => {
    const wrongCode = () => randomBytes(9).toString('base64url').toUpperCase().replace(/[^A-Z2-9]/g, '7').slice(0, 12)
    // The processes count failures together in Redis, which outlives this run (and the other proxy's):
    // each run takes client addresses of its own in 127.0.0.0/8, so no earlier count reaches them.
    const [a, b] = randomBytes(2)
    const [limitedClient, otherClient] = [`127.${1 + (a! % 250)}.${b}.2`, `127.${1 + (a! % 250)}.${b}.3`]
    // Enough wrong codes from one client reach the limit.
    let limited: Answer | undefined
    for (let i = 0; i < signInLimits.perAddress * servers.length + 5 && !limited; i++) {
      const answer = await call(`${httpBase}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i % 250}` },
        body: JSON.stringify({ code: wrongCode() }),
        localAddress: limitedClient,
      })
      expect([401, 429]).toContain(answer.status)
      if (answer.status === 429) limited = answer
    }
    expect(limited && JSON.parse(limited.body).error.code).toBe('sign_in_address_limited')

    // Another client behind the same proxy is not limited on any process: had Plenum counted the
    // proxy's address (or the claimed ones), these would meet the limit where the first client did.
    const others = await Promise.all(
      Array.from({ length: 15 }, () =>
        call(`${httpBase}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: wrongCode() }), localAddress: otherClient }),
      ),
    )
    expect(others.map((answer) => answer.status)).toEqual(others.map(() => 401))
  })

  test('a body over Plenum’s limit gets Plenum’s own JSON error through the proxy, not the proxy’s page', async () => {
    const answer = await call(`${httpsBase}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: httpsBase },
      body: JSON.stringify({ code: 'x'.repeat(300 * 1024) }),
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).error.code).toBe('payload_too_large')
  })
})
