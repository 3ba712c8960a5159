import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { formatDocName, preambleDocId } from '../../shared/docs/doc-name.ts'
import { docText, stateParagraphs } from '../../shared/editor/doc-state.ts'
import { maxTextChars } from '../../shared/editor/text-limits.ts'
import { call } from '../helpers/ballots.ts'
import { appendStored } from '../helpers/stored-documents.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

/** Every text the server sent this stock provider in y-websocket's auth message (type 2). */
function authMessages(client: TestClient): string[] {
  const seen: string[] = []
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder)
    seen.push(decoding.readVarString(decoder))
  }
  return seen
}

/** A y-websocket sync update frame (type 0, step 2) around `update`, as a hostile client writes it by hand. */
function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

const rootKinds = (doc: Y.Doc) => doc.getXmlFragment('default').toArray().map((node) => (node instanceof Y.XmlElement ? node.nodeName : node.constructor.name))

/** The document as stored on disk, read the way the freeze reads it. */
async function stored(plenum: TestServer, name: string): Promise<Y.Doc> {
  const row = (await plenum.log.load(name))!
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.mergeUpdates([row.state, ...row.updates]))
  return doc
}

describe('updates that would leave a text outside the editor schema (issue 15, point 2)', () => {
  let plenum: TestServer
  let bureau: string
  let vandal: Signed
  let honest: Signed
  const clients: TestClient[] = []
  const connect = async (docName: string, token: string, name: string) => {
    const client = await connectSynced(plenum.wsUrl, docName, token, name)
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    const people = await importAndSignIn(plenum, bureau, [
      { name: 'Vandale', role: 'delegate' },
      { name: 'Honnête', role: 'delegate' },
    ])
    vandal = people[0]!
    honest = people[1]!
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await plenum.close()
  })

  test('a bare Y.XmlText at the top of the preamble is refused: not applied, not stored, not broadcast, the socket told; the motion still seals', async () => {
    const docName = formatDocName({ congressId: plenum.seed.congressId, kind: 'preamble', id: preambleDocId })
    const watcher = await connect(docName, honest.token, 'Témoin')
    const attacker = await connect(docName, vandal.token, 'Vandale')
    const told = authMessages(attacker)
    attacker.doc.getXmlFragment('default').insert(0, [new Y.XmlText('Texte nu hors schéma')])
    await waitFor(() => told.includes('refused:schema'), 'the refusal')
    // The honest writer's next edit goes through, and reaches the watcher without the bare text.
    watcher.appendParagraph('Après la tentative.')
    await roundTrip(watcher)
    await roundTrip(attacker)
    expect(rootKinds(plenum.server.sync.rooms.get(docName)!.doc)).not.toContain('YXmlText')
    expect(rootKinds(await stored(plenum, docName))).not.toContain('YXmlText')
    expect(rootKinds(watcher.doc)).not.toContain('YXmlText')
    expect(docText(await stored(plenum, docName))).toContain('Après la tentative.')
  })

  test('another root type, an unknown element, and a text over the size cap are refused the same way', async () => {
    const docName = plenum.seed.proposals[1]!.docName
    // Each from a fresh client: after a refusal, a client's later updates miss what was refused and are refused too.
    const attempt = async (edit: (doc: Y.Doc) => void, answer: string) => {
      const attacker = await connect(docName, vandal.token, 'Vandale')
      const told = authMessages(attacker)
      edit(attacker.doc)
      await waitFor(() => told.includes(answer), answer)
    }
    await attempt((doc) => doc.getMap('ailleurs').set('clé', 'valeur'), 'refused:schema')
    await attempt((doc) => {
      const script = new Y.XmlElement('script')
      script.insert(0, [new Y.XmlText('alert(1)')])
      doc.getXmlFragment('default').insert(0, [script])
    }, 'refused:schema')
    await attempt((doc) => {
      const paragraph = doc.getXmlFragment('default').get(0) as Y.XmlElement
      ;(paragraph.get(0) as Y.XmlText).insert(0, 'x'.repeat(maxTextChars + 1))
    }, 'refused:size')
    const disk = await stored(plenum, docName)
    expect(disk.share.has('ailleurs')).toBe(false)
    expect(rootKinds(disk)).not.toContain('script')
    expect(docText(disk).length).toBeLessThan(maxTextChars)
  })

  test('a clock range the server holds, re-sent from another history (its tail would land at the root): refused, not stored, not broadcast, said so; the text still reads', async () => {
    const docName = plenum.seed.proposals[5]!.docName
    const watcher = await connect(docName, honest.token, 'Témoin')
    const attacker = await connect(docName, vandal.token, 'Vandale')
    const told = authMessages(attacker)
    const base = Y.encodeStateAsUpdate(attacker.doc)
    // An honest-looking first edit through the stock provider: an empty paragraph at the root.
    attacker.doc.getXmlFragment('default').insert(attacker.doc.getXmlFragment('default').length, [new Y.XmlElement('paragraph')])
    await roundTrip(attacker)
    // Then the same client id's first clocks again, from the state before: characters in a text.
    const other = new Y.Doc()
    other.clientID = attacker.doc.clientID
    Y.applyUpdate(other, base)
    const sv = Y.encodeStateVector(other)
    ;((other.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'XXXXXXXXXXX')
    attacker.provider.ws!.send(updateFrame(Y.encodeStateAsUpdate(other, sv)))
    await waitFor(() => told.includes('refused:schema'), 'the refusal')
    watcher.appendParagraph('Après la réécriture.')
    await roundTrip(watcher)
    await waitFor(() => docText(watcher.doc).includes('Après la réécriture.'), 'the honest edit')
    for (const doc of [plenum.server.sync.rooms.get(docName)!.doc, await stored(plenum, docName), watcher.doc]) {
      expect(docText(doc)).not.toContain('XXX')
      expect(rootKinds(doc).every((kind) => kind !== 'String')).toBe(true)
    }
    const row = (await plenum.log.load(docName))!
    expect(() => stateParagraphs(row.state, ...row.updates)).not.toThrow()
  })

  test('a link whose address is 900 kB is refused as too large (refused:size): not stored, not broadcast', async () => {
    const docName = plenum.seed.proposals[6]!.docName
    const watcher = await connect(docName, honest.token, 'Témoin')
    const attacker = await connect(docName, vandal.token, 'Vandale')
    const told = authMessages(attacker)
    const sizeBefore = Y.encodeStateAsUpdate(await stored(plenum, docName)).byteLength
    const text = (attacker.doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.format(0, 1, { link: { href: 'https://exemple.org/' + 'h'.repeat(900_000) } })
    await waitFor(() => told.includes('refused:size'), 'the refusal')
    watcher.appendParagraph('Après le lien.')
    await roundTrip(watcher)
    await roundTrip(attacker)
    const disk = await stored(plenum, docName)
    expect(docText(disk)).toContain('Après le lien.')
    expect(Y.encodeStateAsUpdate(disk).byteLength).toBeLessThan(sizeBefore + 1_000)
    expect(Y.encodeStateAsUpdate(watcher.doc).byteLength).toBeLessThan(sizeBefore + 1_000)
  })

  test('the freeze is all or nothing: a text stored outside the schema (by an operator) or an unwritable bundle leaves the phase as it was, editing resumes, and a later freeze seals', async () => {
    const congressId = plenum.seed.congressId
    const docName = plenum.seed.proposals[2]!.docName
    // An operator appends a bare text straight into the data folder's database.
    const disk = await stored(plenum, docName)
    const before = Y.encodeStateVector(disk)
    disk.getXmlFragment('default').insert(0, [new Y.XmlText('écrit à la main')])
    await appendStored(plenum, docName, Y.encodeStateAsUpdate(disk, before))

    const failed = await call(plenum, bureau, 'POST', `/congresses/${congressId}/freeze`)
    expect(failed.status).toBe(409)
    expect(failed.body.error.code).toBe('seal_failed')
    expect(failed.body.error.message).toMatch(/Proposition|texte/i)
    const phaseNow = async () => (await call(plenum, bureau, 'GET', `/congresses/${congressId}`)).body.phase
    expect(await phaseNow()).toBe('drafting')
    expect(plenum.server.hub.phaseOf(congressId)).toBe('drafting')
    expect(await plenum.database.db.selectFrom('frozen_documents').select('doc_name').execute()).toEqual([])

    // Editing resumes.
    const writer = await connect(plenum.seed.proposals[3]!.docName, honest.token, 'Honnête')
    writer.appendParagraph('Toujours modifiable.')
    await roundTrip(writer)
    expect(docText(await stored(plenum, plenum.seed.proposals[3]!.docName))).toContain('Toujours modifiable.')

    // The operator removes the bare text; now the bundle cannot be written (a file where its folder goes).
    const fixed = await stored(plenum, docName)
    const sv = Y.encodeStateVector(fixed)
    fixed.getXmlFragment('default').delete(0, 1)
    await appendStored(plenum, docName, Y.encodeStateAsUpdate(fixed, sv))
    const blocker = join(plenum.dataDir, 'bundles')
    rmSync(blocker, { recursive: true, force: true })
    writeFileSync(blocker, 'not a folder')
    const unwritable = await call(plenum, bureau, 'POST', `/congresses/${congressId}/freeze`)
    expect(unwritable.status).toBeGreaterThanOrEqual(400)
    expect(unwritable.status).not.toBe(500)
    expect(unwritable.body.error.code).toBe('seal_unavailable')
    expect(await phaseNow()).toBe('drafting')
    expect(plenum.server.hub.phaseOf(congressId)).toBe('drafting')

    rmSync(blocker)
    const sealed = await call(plenum, bureau, 'POST', `/congresses/${congressId}/freeze`)
    expect(sealed.body).not.toHaveProperty('error')
    expect(sealed.status).toBe(200)
    expect(await phaseNow()).toBe('frozen')
  })
})
