import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { refusedSocketsPerMinute } from '../../server/sync/sync-server.ts'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { importAndSignIn } from '../helpers/participants.ts'
import { reconnectStorm } from '../helpers/reconnect-storm.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { connectSynced, handshakeOutcome, type TestClient } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

describe('sockets that abuse the room', () => {
  let plenum: TestServer
  let token: string
  const clients: TestClient[] = []
  beforeAll(async () => {
    plenum = await startTestServer()
    token = (await plenum.login()).token
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await plenum.close()
  })

  test('a reader that stops reading is dropped once 4 MB wait for it; the others get every edit', async () => {
    const docName = plenum.seed.proposals[9]!.docName
    const writer = await connectSynced(plenum.wsUrl, docName, token, 'Writer')
    const reader = await connectSynced(plenum.wsUrl, docName, token, 'Reader')
    clients.push(writer, reader)
    const slow = new WebSocket(`${plenum.wsUrl}/${encodeURIComponent(docName)}?token=${token}`)
    slow.on('error', () => undefined)
    await new Promise((resolve) => slow.once('open', resolve))
    await waitFor(() => plenum.server.sync.rooms.get(docName)?.size === 3, 'three connections')
    // The phone in a pocket: its socket is open but nothing reads it any more.
    ;(slow as unknown as { _socket: { pause(): void } })._socket.pause()

    // A text holds at most 100,000 characters: the traffic is one long paragraph rewritten 200 times (18 MB, as before the cap).
    const big = 'Un long amendement oral. '.repeat(3_600) // ≈ 90 kB
    writer.appendParagraph('0')
    const fragment = writer.doc.getXmlFragment('default')
    const last = () => (fragment.get(fragment.length - 1) as Y.XmlElement).get(0) as Y.XmlText
    for (let i = 1; i <= 200; i++) {
      const text = last()
      writer.doc.transact(() => {
        text.delete(0, text.length)
        text.insert(0, `${i} ${big}`)
      })
      // One broadcast each: the slow socket's queue grows message by message, as in a real session.
      await waitFor(() => reader.text().startsWith(`${i} `, reader.text().lastIndexOf('\n') + 1), `rewrite ${i}`)
    }
    await waitFor(() => reader.text().includes(`200 ${big.slice(0, 50)}`), 'the reader gets all 18 MB', 30_000)
    await waitFor(() => plenum.server.sync.rooms.get(docName)?.size === 2, 'the slow socket dropped', 30_000)
    expect(reader.text()).toBe(writer.text())
  }, 60_000)
})

describe('awareness from a hostile socket', () => {
  let plenum: TestServer
  const clients: TestClient[] = []
  beforeAll(async () => {
    plenum = await startTestServer()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await plenum.close()
  })

  const awarenessFrame = (clientId: number, clock: number, state: unknown) => {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, JSON.stringify(state))
    const outer = encoding.createEncoder()
    encoding.writeVarUint(outer, 1)
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
    return encoding.toUint8Array(outer)
  }
  const names = (client: TestClient) => [...client.provider.awareness.getStates().values()].map((s) => (s as { user?: { name: string } }).user?.name)

  test('cannot erase or take over another person’s presence, and a flood reaches the others as a trickle', async () => {
    const bureau = await plenum.login()
    const [alice, bob, mallory] = await importAndSignIn(plenum, bureau.token, [
      { name: 'Alice', role: 'delegate' },
      { name: 'Bob', role: 'delegate' },
      { name: 'Mallory', role: 'delegate' },
    ])
    const docName = plenum.seed.proposals[6]!.docName
    const aliceClient = await connectSynced(plenum.wsUrl, docName, alice!.token, 'Alice')
    const bobClient = await connectSynced(plenum.wsUrl, docName, bob!.token, 'Bob')
    clients.push(aliceClient, bobClient)
    await waitFor(() => names(bobClient).includes('Alice'), 'Alice present for Bob')

    const socket = new WebSocket(`${plenum.wsUrl}/${encodeURIComponent(docName)}?token=${mallory!.token}`)
    socket.on('error', () => undefined)
    await new Promise((resolve) => socket.once('open', resolve))
    const aliceId = aliceClient.doc.clientID
    socket.send(awarenessFrame(aliceId, 1_000_000, null))
    socket.send(awarenessFrame(aliceId, 1_000_001, { user: { name: 'Mallory déguisée', color: '#000' } }))

    // Every change of the flood's state that reaches Bob: the trickle the server lets through.
    let received = 0
    bobClient.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(424242)) received += 1
    })
    const start = Date.now()
    // The server names every cursor after its socket's person (Mallory): the flood is told apart by `spam`.
    for (let i = 0; i < 1000; i++) socket.send(awarenessFrame(424242, i + 1, { user: { name: `Spam ${i}`, color: '#000' }, spam: i }))
    const spams = () => [...bobClient.provider.awareness.getStates().values()].map((s) => (s as { spam?: number }).spam).filter((n) => n !== undefined)
    await waitFor(() => spams().length > 0, 'the first of the flood')
    await new Promise((resolve) => setTimeout(resolve, 300))
    const seconds = (Date.now() - start) / 1000
    expect(names(bobClient)).toContain('Alice')
    expect(names(bobClient)).not.toContain('Mallory déguisée')
    // A burst of 60, then 30 a second, whatever the pace of the flood: far from its 1,000 states.
    expect(received).toBeGreaterThan(0)
    expect(received).toBeLessThan(60 + Math.ceil(30 * seconds) + 5)
    // A paced flood (each state in a turn of its own, where the room's batching would send every
    // one) gets a burst of 60 (refilled meanwhile), then 30 a second through, not one per message.
    const pacedFrom = received
    const pacedStart = Date.now()
    for (let i = 0; i < 400; i++) {
      socket.send(awarenessFrame(424242, 2000 + i, { user: { name: 'Spam', color: '#000' }, spam: 2000 + i }))
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
    const pacedSeconds = (Date.now() - pacedStart) / 1000
    expect(received - pacedFrom).toBeLessThan(60 + Math.ceil(30 * pacedSeconds) + 5)
    expect(socket.readyState).toBe(WebSocket.OPEN)
    socket.close()
  })
})

describe('sockets without a session', () => {
  let plenum: TestServer
  beforeAll(async () => {
    plenum = await startTestServer()
  })
  afterAll(() => plenum.close())

  test(`past ${refusedSocketsPerMinute} a minute from one address, a socket without a session is refused at the handshake; a valid one still gets in`, async () => {
    const docName = plenum.seed.proposals[0]!.docName
    const url = (token: string) => `${plenum.wsUrl}/${encodeURIComponent(docName)}?token=${token}`
    const codes: number[] = []
    for (let i = 0; i < refusedSocketsPerMinute + 20; i++) codes.push(await handshakeOutcome(url(`devine-${i}`)))
    expect(codes.filter((c) => c === CloseCode.Unauthorized)).toHaveLength(refusedSocketsPerMinute)
    expect(codes.slice(refusedSocketsPerMinute)).toEqual(Array(20).fill(429))
    // No WebSocket was made for the refused ones; a person with a session from the same address gets in.
    const valid = await connectSynced(plenum.wsUrl, docName, (await plenum.login()).token, 'Valide')
    expect(valid.text()).not.toBe('')
    valid.destroy()
  })
})

describe('a room of phones reconnecting at once', () => {
  test('100 clients over 5 texts, the server restarted under them while 100 sockets without a session knock: all back, texts whole and live, every intruder refused', async () => {
    const data = makeTempDir('plenum-storm-')
    try {
      const result = await reconnectStorm(data.path, { clients: 100, docs: 5, badSockets: 100 })
      expect(result.rejected).toBe(0)
      expect(result.diverged).toBe(0)
      expect(result.missedAfter).toBe(0)
      expect(result.badSockets.unauthorized + result.badSockets.refused429).toBe(100)
      expect(result.badSockets.refused429).toBe(100 - refusedSocketsPerMinute)
    } finally {
      data.remove()
    }
  }, 180_000)
})
