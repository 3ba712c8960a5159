import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { afterEach, describe, expect, test } from 'vitest'
import { createSqliteSessionStore } from '../../db/sqlite/session-store.ts'
import { actorForToken } from '../../server/auth/actor.ts'
import { freezeCongress, type FreezeDeps } from '../../server/commands/seal/freeze-congress.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { docField } from '../../shared/editor/extensions.ts'
import { insertAmendment } from '../helpers/amendments.ts'
import { appendStored } from '../helpers/stored-documents.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { importAndSignIn } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

/**
 * Issue 15, review findings 5 and 6: what a decision's transaction does with the live documents.
 * Reading a live document stores (and sends) what its room still holds; done inside a transaction
 * that then fails, the rollback would take from the log edits every client already has.
 */

/** The text as stored: the compacted state and the log after it, as a restart would load it. */
async function storedText(plenum: TestServer, name: string): Promise<string> {
  const row = (await plenum.log.load(name))!
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.mergeUpdates([row.state, ...row.updates]))
  return docText(doc)
}

/** The server's own dependencies, for the few calls a test must make in the same turn as an event. */
function sealDeps(plenum: TestServer): FreezeDeps {
  return { db: plenum.database.db, hub: plenum.server.hub, documents: plenum.server.sync.documents, clock: Date.now, dataDir: plenum.dataDir }
}

async function bureauActor(plenum: TestServer, token: string) {
  return (await actorForToken(createSqliteSessionStore(plenum.sqlite), token, Date.now()))!
}

/** Appends a paragraph to an amendment's stored document, as its authors would have typed it. */
async function typeInto(plenum: TestServer, docName: string, text: string): Promise<void> {
  const row = (await plenum.log.load(docName))!
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.mergeUpdates([row.state, ...row.updates]))
  const sv = Y.encodeStateVector(doc)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  const fragment = doc.getXmlFragment(docField)
  fragment.insert(fragment.length, [paragraph])
  await appendStored(plenum, docName, Y.encodeStateAsUpdate(doc, sv))
}

describe('decisions and the live documents (issue 15, review findings 5 and 6)', () => {
  let plenum: TestServer | undefined
  const clients: TestClient[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await plenum?.close()
    plenum = undefined
  })

  test('a freeze that fails keeps in the log an edit that arrived just before it, which every client already has', async () => {
    plenum = await startTestServer()
    const server = plenum
    const bureau = (await server.login()).token
    const [typist, reader] = await importAndSignIn(server, bureau, [
      { name: 'Dactylo', role: 'delegate' },
      { name: 'Lectrice', role: 'delegate' },
    ])
    const { congressId } = server.seed
    const docName = server.seed.proposals[0]!.docName
    const writer = await connectSynced(server.wsUrl, docName, typist!.token, 'Dactylo')
    const watcher = await connectSynced(server.wsUrl, docName, reader!.token, 'Lectrice')
    clients.push(writer, watcher)
    // The bundle cannot be written (a file where its folder goes): the freeze fails at its last step.
    rmSync(join(server.dataDir, 'bundles'), { recursive: true, force: true })
    writeFileSync(join(server.dataDir, 'bundles'), 'not a folder')

    // The freeze request is handled in the same turn as the typist's update, once the room has
    // applied it: the room has accepted the update and stores it at the end of the turn.
    const room = server.server.sync.rooms.get(docName)!
    const receive = room.receive.bind(room)
    const typed = 'Tapé juste avant le gel.'
    const actor = await bureauActor(server, bureau)
    let pendingWhenFreezing: Promise<boolean> | undefined
    let freezing: Promise<unknown> | undefined
    room.receive = (conn, frame) => {
      const handled = receive(conn, frame)
      // y-websocket: message type 0 (sync), then 2 (update).
      if (pendingWhenFreezing || frame[0] !== 0 || frame[1] !== 2) return handled
      pendingWhenFreezing = handled.then(() => {
        // SQLite's log reads within the call: the disk as the freeze starts, before the room's flush.
        const stored = storedText(server, docName)
        freezing = freezeCongress(sealDeps(server), actor, { congressId }).then((result) => (result.ok ? 'sealed' : result.error.code))
        return stored.then((text) => !text.includes(typed))
      })
      return handled
    }
    writer.appendParagraph(typed)
    await waitFor(() => pendingWhenFreezing, 'the update, received')
    expect(await pendingWhenFreezing).toBe(true)
    expect(freezing).toBeDefined()
    expect(await freezing).toBe('seal_unavailable')
    expect((await call(server, bureau, 'GET', `/congresses/${congressId}`)).body.phase).toBe('drafting')

    // Every client has the edit; so must the disk, now, not only at the room's next compaction.
    await waitFor(() => watcher.text().includes(typed), 'the reader has the edit')
    expect(await storedText(server, docName)).toContain(typed)
  })

  test('a freeze while a merge waits for its diff: the merge is refused (409 phase_forbids), the text stays as frozen', async () => {
    plenum = await startTestServer()
    const server = plenum
    const bureau = (await server.login()).token
    const [author] = await importAndSignIn(server, bureau, [{ name: 'Autrice', role: 'delegate' }])
    const { congressId } = server.seed
    const target = server.seed.proposals[0]!.docName
    const adopted = await insertAmendment(server, { authorId: author!.id, status: 'adopted' })
    // Long enough (over 4 kB) to be diffed on the diff thread, not at once: the merge awaits it.
    await typeInto(server, adopted.docName, `Ajout adopté. ${'Une phrase de plus pour allonger le texte. '.repeat(120)}`)
    // Another live amendment of the same text: the merge computes the competition on the diff thread first.
    await insertAmendment(server, { authorId: author!.id, status: 'draft' })
    await setPhase(server, bureau, 'amendments')

    // The freeze arrives while the merge waits for the diff thread (its phase already checked): it
    // starts as the merge reads the texts to send there, and, awaiting nothing but SQLite and
    // pdfkit, it is over before the diff thread's answer (a message, a later turn) resumes the merge.
    const documents = server.server.sync.documents
    const read = documents.read
    const actor = await bureauActor(server, bureau)
    let freezing: Promise<unknown> | undefined
    documents.read = (name) => {
      if (name === adopted.docName && !freezing) {
        freezing = freezeCongress(sealDeps(server), actor, { congressId }).then((result) => (result.ok ? 'sealed' : result.error.code))
      }
      return read(name)
    }
    let merge
    try {
      merge = await call(server, bureau, 'POST', `/amendments/${adopted.id}/merge`)
    } finally {
      documents.read = read
    }
    expect(await freezing).toBe('sealed')
    expect(merge.status).toBe(409)
    expect(merge.body.error.code).toBe('phase_forbids')

    const row = await server.database.db.selectFrom('amendments').select('status').where('id', '=', adopted.id).executeTakeFirstOrThrow()
    expect(row.status).toBe('adopted')
    const frozen = await server.database.db.selectFrom('frozen_documents').select('state_v2').where('doc_name', '=', target).executeTakeFirstOrThrow()
    const frozenDoc = new Y.Doc()
    Y.applyUpdateV2(frozenDoc, frozen.state_v2)
    expect(await storedText(server, target)).toBe(docText(frozenDoc))
    expect(await storedText(server, target)).not.toContain('Ajout adopté.')
  })

  test('filing, merging and freezing read the live documents outside their transactions', async () => {
    plenum = await startTestServer()
    const server = plenum
    const bureau = (await server.login()).token
    const [author, other] = await importAndSignIn(server, bureau, [
      { name: 'Autrice', role: 'delegate' },
      { name: 'Autre', role: 'delegate' },
    ])
    const documents = server.server.sync.documents
    const read = documents.read
    const insideTransaction: string[] = []
    documents.read = (name) => {
      if (server.sqlite.inTransaction) insideTransaction.push(name)
      return read(name)
    }
    try {
      await setPhase(server, bureau, 'amendments')
      const proposalId = server.seed.proposals[0]!.id
      const filed = await call(server, author!.token, 'POST', `/proposals/${proposalId}/amendments`, { justification: 'Pour la clarté.' })
      expect(filed.status).toBe(201)
      const rival = await call(server, other!.token, 'POST', `/proposals/${proposalId}/amendments`, { justification: 'Autre idée.' })
      expect(rival.status).toBe(201)
      // The rival's author is typing while the first amendment is merged.
      const typist = await connectSynced(server.wsUrl, rival.body.docName, other!.token, 'Autre')
      clients.push(typist)
      typist.appendParagraph('Rédaction en cours.')
      await typeInto(server, filed.body.docName, 'Ajout adopté.')
      await server.database.db.updateTable('amendments').set({ status: 'adopted' }).where('id', '=', filed.body.id).execute()
      const merged = await call(server, bureau, 'POST', `/amendments/${filed.body.id}/merge`)
      expect(merged.body).toEqual({ ok: true })
      expect(await storedText(server, server.seed.proposals[0]!.docName)).toContain('Ajout adopté.')
      const frozen = await call(server, bureau, 'POST', `/congresses/${server.seed.congressId}/freeze`)
      expect(frozen.status).toBe(200)
    } finally {
      documents.read = read
    }
    expect(insideTransaction).toEqual([])
  })
})
