import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { docText } from '../../shared/editor/doc-state.ts'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

function syncUpdateFrame(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** Random bytes from a seeded generator, so a failure replays. */
function seededBytes(seed: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    bytes[i] = x >>> 24
  }
  return bytes
}

const badFrames: [string, Uint8Array | string][] = [
  ['a text frame', 'hello'],
  ['a 2 MiB frame', new Uint8Array(2 * 1024 * 1024).fill(2)],
  ['random bytes', seededBytes(42, 300)],
  ['an unknown message type', Uint8Array.of(9, 1, 2)],
  ['a truncated varint', Uint8Array.of(0, 2, 0xff)],
  ['a well-framed update that is not a Yjs update', syncUpdateFrame(seededBytes(7, 64))],
  ['a well-framed update with a huge declared length', syncUpdateFrame(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2))],
]

describe('bad input on the sync socket', () => {
  let plenum: TestServer
  let token: string
  let docName: string
  let writer: TestClient

  beforeAll(async () => {
    plenum = await startTestServer()
    token = (await plenum.login()).token
    docName = plenum.seed.proposals[5]!.docName
    writer = await connectSynced(plenum.wsUrl, docName, token, 'Writer')
  })
  afterAll(async () => {
    writer.destroy()
    await plenum.close()
  })

  const serverText = () => docText(plenum.server.sync.rooms.get(docName)!.doc)
  const storedState = async () => {
    const stored = (await plenum.log.load(docName))!
    const doc = new Y.Doc()
    Y.applyUpdate(doc, stored.state)
    for (const u of stored.updates) Y.applyUpdate(doc, u)
    return Y.encodeStateAsUpdate(doc)
  }

  test.each(badFrames)('%s closes that socket only, and changes nothing', async (_what, frame) => {
    const before = { text: serverText(), stored: await storedState() }
    const bad = new WebSocket(`${plenum.wsUrl}/${docName}?token=${token}`)
    await new Promise((resolve) => bad.once('open', resolve))
    const closed = new Promise<number>((resolve) => bad.once('close', resolve))
    bad.send(frame)
    const code = await closed
    expect([CloseCode.BadMessage, CloseCode.TooLarge]).toContain(code)

    expect(serverText()).toBe(before.text)
    expect(await storedState()).toEqual(before.stored)
    expect(writer.provider.wsconnected).toBe(true)

    const line = `Toujours là après ${_what}.`
    writer.appendParagraph(line)
    await waitFor(() => serverText().includes(line), 'the other client still edits')
  })
})
