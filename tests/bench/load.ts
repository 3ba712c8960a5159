// A load process of the benchmark: opens many sync clients and does what the
// coordinator asks over IPC. Run by scenarios.ts, never by hand.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { LatencyBook, now } from './stats.ts'

export type Protocol = 'y' | 'hocuspocus'

export interface LoadConfig {
  readonly protocol: Protocol
  /** y: the socket base (ws://host:port or ws://host:port/sync); hocuspocus: the server's URL. */
  readonly url: string
  readonly token?: string
  readonly docs: readonly string[]
  readonly clients: number
}

export type Command =
  | { type: 'connect'; config: LoadConfig }
  | { type: 'write-steady'; edits: number; intervalMs: number }
  | { type: 'write-fast'; edits: number; expectedTotal: number }
  | { type: 'report' }

interface Client {
  readonly doc: Y.Doc
  synced(): boolean
  destroy(): void
  /** Keystrokes of the convergence burst this client holds, counted as they arrive. */
  burstKeys: number
  /** The paragraph this client types in, once it has typed. */
  line?: Y.XmlText
}

/** Messages this process's clients received since the last reset: how much the server batches. */
let received = 0
class CountingSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('message', () => received++)
  }
}
function connect(config: LoadConfig, docName: string): Client {
  const doc = new Y.Doc()
  if (config.protocol === 'hocuspocus') {
    const socket = new HocuspocusProviderWebsocket({ url: config.url, WebSocketPolyfill: CountingSocket })
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: docName, document: doc, token: config.token ?? 'bench' })
    provider.attach()
    return { doc, synced: () => provider.synced, destroy: () => (provider.destroy(), socket.destroy()), burstKeys: 0 }
  }
  const provider = new WebsocketProvider(config.url, docName, doc, {
    params: config.token ? { token: config.token } : {},
    WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return { doc, synced: () => provider.synced, destroy: () => provider.destroy(), burstKeys: 0 }
}

// Edits are keystrokes in the editor's fragment, as Tiptap writes them: Plenum refuses any update
// outside the editor schema, so a bench that wrote a Y.Map would measure refusals. Each writer
// types at the end of a paragraph of its own (made on its first edit): a steady edit types
// `e<i>@<send time>;`, a burst edit one `b`. Readers read what each update inserted, so no client
// walks the document.
const fragment = 'default'
const steadyEdit = /e(\d+)@([\d.]+);/g

/** The paragraph this client types in, made on its first edit. */
function typingLine(client: Client): Y.XmlText {
  if (client.line) return client.line
  const text = new Y.XmlText()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [text])
  client.doc.getXmlFragment(fragment).push([paragraph])
  return (client.line = text)
}

/** The text an event's update brought: inserted into a paragraph, or whole new paragraphs. */
function insertedText(event: Y.YEvent<Y.AbstractType<unknown>>): string {
  if (event.target instanceof Y.XmlText) return event.delta.map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('')
  let text = ''
  for (const item of event.changes.added) {
    for (const node of item.content.getContent()) if (node instanceof Y.XmlElement && node.firstChild instanceof Y.XmlText) text += node.firstChild.toString()
  }
  return text
}

const send = (message: unknown) => process.send!(message)
const clients: Client[] = []
const book = new LatencyBook()
let convergedAt: number | undefined

async function waitUntil(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const start = Date.now()
  while (!test()) {
    if (Date.now() - start > timeoutMs) return false
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return true
}

async function run(command: Command): Promise<void> {
  if (command.type === 'connect') {
    const { config } = command
    for (let i = 0; i < config.clients; i++) {
      const client = connect(config, config.docs[i % config.docs.length]!)
      const reader = clients.length
      client.doc.getXmlFragment(fragment).observeDeep((events) => {
        const at = now()
        for (const event of events) {
          const text = insertedText(event)
          for (const [, key, sentAt] of text.matchAll(steadyEdit)) book.saw(`${reader}:e${key}`, Number(sentAt), at)
          for (const char of text) if (char === 'b') client.burstKeys++
        }
      })
      clients.push(client)
      // Pace the handshakes a little, as a room of phones would.
      if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const synced = await waitUntil(() => clients.every((c) => c.synced()), 60_000)
    send({ type: 'connected', synced: clients.filter((c) => c.synced()).length })
    if (!synced) return
  }
  if (command.type === 'write-steady') {
    const writer = clients[0]!
    for (let i = 0; i < command.edits; i++) {
      const line = typingLine(writer)
      line.insert(line.length, `e${i}@${now()};`)
      await new Promise((resolve) => setTimeout(resolve, command.intervalMs))
    }
    send({ type: 'done' })
  }
  if (command.type === 'write-fast') {
    const started = now()
    received = 0
    const cpu = process.cpuUsage()
    await Promise.all(
      clients.map(async (client) => {
        for (let i = 0; i < command.edits; i++) {
          const line = typingLine(client)
          line.insert(line.length, 'b')
          // Let the socket send between edits, as separate keystrokes would.
          if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve))
        }
      }),
    )
    const converged = await waitUntil(() => clients.every((c) => c.burstKeys >= command.expectedTotal), 120_000)
    convergedAt = now()
    const used = process.cpuUsage(cpu)
    send({ type: 'done', started, convergedAt, converged, cpuSeconds: (used.user + used.system) / 1e6, received })
  }
  if (command.type === 'report') {
    send({ type: 'report', latencies: book.latencies(), convergedAt, received })
  }
}

process.on('message', (command: Command) => {
  run(command).catch((error: unknown) => send({ type: 'error', message: String(error) }))
})
process.on('SIGTERM', () => {
  for (const client of clients) client.destroy()
  process.exit(0)
})
console.log('LOAD READY')
