import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { stateText } from '../../shared/editor/doc-state.ts'
import { connectSynced } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

describe('compaction of the update log', () => {
  let plenum: TestServer
  beforeAll(async () => {
    plenum = await startTestServer({ unloadAfterMs: 100 })
  })
  afterAll(() => plenum.close())

  test('keeps the same text, shrinks the log, and keeps storage within twice the compacted size', async () => {
    const { token } = await plenum.login()
    const docName = plenum.seed.proposals[7]!.docName
    const client = await connectSynced(plenum.wsUrl, docName, token, 'Typist')
    const edits = 300
    for (let i = 0; i < edits; i++) client.appendParagraph(`Paragraphe numéro ${i} ajouté un à un.`)
    await waitFor(() => client.text().includes(`numéro ${edits - 1}`) && !client.provider.ws?.bufferedAmount, 'all sent')
    const room = plenum.server.sync.rooms.get(docName)!
    await waitFor(() => stateText(Y.encodeStateAsUpdate(room.doc)) === client.text(), 'server holds every edit')
    // Applied is not yet stored: on PostgreSQL the room's last append may still be on its way.
    await room.store()

    const compacted = Y.encodeStateAsUpdate(room.doc).byteLength
    // Compaction runs in a turn of its own, after the flush that made the log outweigh the state.
    const size = await waitFor(async () => {
      const size = await plenum.log.size(docName)
      return size.stateBytes + size.logBytes <= 2 * compacted && size
    }, 'the last compaction')
    expect(size.logCount).toBeLessThan(edits)
    expect(size.stateBytes + size.logBytes).toBeLessThanOrEqual(2 * compacted)

    const stored = (await plenum.log.load(docName))!
    expect(stateText(stored.state, stored.updates)).toBe(client.text())

    client.destroy()
    await waitFor(() => !plenum.server.sync.rooms.has(docName), 'unload')
    // Unloading folds the rest of the log, once the room is gone: the document is one state again.
    await waitFor(async () => (await plenum.log.size(docName)).logCount === 0, 'the log folded on unload')
    expect(stateText((await plenum.log.load(docName))!.state)).toBe(client.text())
  })
})
