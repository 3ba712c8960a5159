import { CloseCode } from '../../shared/sync/close-codes.ts'
import { freePort, rssBytes } from '../bench/child.ts'
import { loginChild, startChildServer, type ChildServer } from './child-server.ts'
import { signInPeople } from './crash-scenario.ts'
import { connectClient, connectSynced, handshakeOutcome, type TestClient } from './providers.ts'
import { waitFor } from './wait-for.ts'

/** The connection-abuse scenario of the hardening issue, sized by the caller (npm test: 100 clients, npm run stress: 500). */

export interface ReconnectStormResult {
  readonly clients: number
  /** From the restarted server listening to the last client synced again. */
  readonly resyncMs: number
  /** Clients the restarted server refused, or that had not synced again within the time allowed. */
  readonly rejected: number
  /** Clients whose text differs from the server's once everyone is back. */
  readonly diverged: number
  /** A line typed after the storm, and the clients of that text it did not reach. */
  readonly missedAfter: number
  readonly peakRssBytes: number
  /** Sockets opened without a valid session during the storm: closed as unauthorized, or refused (429) at the handshake. */
  readonly badSockets: { readonly sent: number; readonly unauthorized: number; readonly refused429: number }
}

/**
 * `clients` stock y-websocket clients spread over `docs` texts; the server is stopped (SIGTERM) and
 * started again on the same port, so every client reconnects at once, while `badSockets` sockets
 * without a session knock. Measures the server's peak RSS from its start, who got back, and whether
 * the texts are whole and live afterwards.
 */
export async function reconnectStorm(dataDir: string, size: { clients: number; docs: number; badSockets: number; timeoutMs?: number }): Promise<ReconnectStormResult> {
  const port = await freePort()
  let server: ChildServer = await startChildServer(dataDir, { port })
  const clients: TestClient[] = []
  let writer: TestClient[] = []
  try {
    const bureau = await loginChild(server)
    const docNames = bureau.congress.proposals.slice(0, size.docs).map((p) => p.docName)
    const people = await signInPeople(server, bureau.token, bureau.congress.id, size.clients, 'delegate')
    for (const [i, person] of people.entries()) clients.push(connectClient(server.wsUrl, docNames[i % docNames.length]!, person.token, person.name))
    await waitFor(() => clients.every((c) => c.provider.synced), 'every client synced', 120_000)
    writer = await Promise.all(docNames.map((doc) => connectSynced(server.wsUrl, doc, bureau.token, 'Bureau')))
    writer.forEach((w, i) => w.appendParagraph(`Avant l’orage, texte ${i}.`))
    await waitFor(() => clients.every((c, i) => c.text().includes(`texte ${i % docNames.length}.`)), 'the line before the storm', 60_000)

    await server.stop('SIGTERM')
    await waitFor(() => clients.every((c) => !c.provider.wsconnected), 'every client disconnected', 30_000)
    server = await startChildServer(dataDir, { port })
    const started = Date.now()
    let peak = rssBytes(server.process.pid!)
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(server.process.pid!))), 100)
    const knocking = Promise.all(Array.from({ length: size.badSockets }, (_, i) => handshakeOutcome(`${server.wsUrl}/${encodeURIComponent(docNames[i % docNames.length]!)}?token=faux-${i}-${'x'.repeat(40)}`)))
    let resyncMs = Number.NaN
    try {
      await waitFor(() => clients.every((c) => c.provider.synced && c.provider.wsconnected), 'every client back', size.timeoutMs ?? 120_000)
      resyncMs = Date.now() - started
    } catch {
      // Counted below as rejected.
    }
    const codes = await knocking
    clearInterval(sampler)
    const rejected = clients.filter((c) => !(c.provider.synced && c.provider.wsconnected)).length

    const serverTexts = await Promise.all(docNames.map(async (doc) => {
      const check = await connectSynced(server.wsUrl, doc, bureau.token, 'Contrôle')
      const text = check.text()
      check.destroy()
      return text
    }))
    const diverged = clients.filter((c, i) => c.text() !== serverTexts[i % docNames.length]).length
    const after = await Promise.all(docNames.map((doc) => connectSynced(server.wsUrl, doc, bureau.token, 'Bureau')))
    after.forEach((w, i) => w.appendParagraph(`Après l’orage, texte ${i}.`))
    writer.forEach((w) => w.destroy())
    writer = after
    const reached = (c: TestClient, i: number) => c.text().includes(`Après l’orage, texte ${i % docNames.length}.`)
    await waitFor(() => clients.every(reached), 'the line after the storm', 30_000).catch(() => undefined)
    return {
      clients: clients.length,
      resyncMs,
      rejected,
      diverged,
      missedAfter: clients.filter((c, i) => !reached(c, i)).length,
      peakRssBytes: peak,
      badSockets: { sent: size.badSockets, unauthorized: codes.filter((c) => c === CloseCode.Unauthorized).length, refused429: codes.filter((c) => c === 429).length },
    }
  } finally {
    for (const client of [...clients, ...writer]) client.destroy()
    await server.stop('SIGTERM')
  }
}
