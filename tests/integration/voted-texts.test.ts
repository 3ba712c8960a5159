import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { congressEn } from '../../client/i18n/errors/congress.ts'
import { openBallot } from '../../server/commands/ballots/open-ballot.ts'
import type { CongressView } from '../../shared/api-types.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import type { CongressErrorParams } from '../../shared/errors/congress-errors.ts'
import { insertAmendment } from '../helpers/amendments.ts'
import { appendStored } from '../helpers/stored-documents.ts'
import { call, checkIn, createBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { refuseInserts } from '../helpers/refuse-inserts.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

/** The texts of y-websocket auth messages (type 2) this stock provider receives from now on. */
function authMessages(client: TestClient): string[] {
  const seen: string[] = []
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder)
    seen.push(decoding.readVarString(decoder))
  }
  return seen
}

async function storedText(plenum: TestServer, name: string): Promise<string> {
  const row = (await plenum.log.load(name))!
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.mergeUpdates([row.state, ...row.updates]))
  return docText(doc)
}

/** An operator's change to a stored text, appended to the database as the app would store an edit. */
async function operatorEdit(plenum: TestServer, name: string, edit: (fragment: Y.XmlFragment) => void): Promise<void> {
  const row = (await plenum.log.load(name))!
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.mergeUpdates([row.state, ...row.updates]))
  const before = Y.encodeStateVector(doc)
  edit(doc.getXmlFragment('default'))
  await appendStored(plenum, name, Y.encodeStateAsUpdate(doc, before))
}

/** The server's French words for subjects and changes: a parameter carrying them could not be said in English. */
const serverFrench = /«|»|\bla proposition\b|\bla question\b|\ble titre\b|\ble numéro\b|\bdésormais\b|\bretirée\b|\bl’amendement\b/

/**
 * A structure_voted error says itself in English from its parameters alone (as the client does,
 * tests/browser/errors-in-english.test.ts): no French sentence in them, and the English names `subject`.
 */
function expectSaidInEnglish(error: Record<string, unknown> | undefined, subject: string, context: string): void {
  const { code: _code, message: _message, details: _details, ...params } = error ?? {}
  expect.soft(JSON.stringify(params), context).not.toMatch(serverFrench)
  const english = congressEn.structure_voted(params as CongressErrorParams['structure_voted'])
  expect.soft(english, context).toContain(subject)
  expect.soft(english, context).not.toMatch(serverFrench)
  expect.soft(english, context).not.toMatch(/undefined|\[object/)
}

describe('a text put to the vote is locked, and sealed only as voted (issue 15, point 6)', () => {
  let plenum: TestServer
  let bureau: string
  let delegate: Signed
  const clients: TestClient[] = []
  const congressPath = () => `/congresses/${plenum.seed.congressId}`

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    delegate = (await importAndSignIn(plenum, bureau, [{ name: 'Déléguée Rédactrice', role: 'delegate' }]))[0]!
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await plenum.close()
  })

  test('the phase does not change while a ballot is open (409 ballot_open)', async () => {
    await setPhase(plenum, bureau, 'voting')
    const ballot = await createBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[0]!.id })
    await step(plenum, bureau, ballot.id, 'open')
    const refused = await call(plenum, bureau, 'POST', `${congressPath()}/phase`, { phase: 'drafting' })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('ballot_open')
    expect((await call(plenum, bureau, 'GET', congressPath())).body.phase).toBe('voting')
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
  })

  test('back in drafting, the voted proposal stays read-only ("voted") on the socket and drops edits; an unvoted one is writable', async () => {
    await setPhase(plenum, bureau, 'drafting')
    const voted = plenum.seed.proposals[0]!.docName
    const before = await storedText(plenum, voted)
    const editor = await connectSynced(plenum.wsUrl, voted, delegate.token, 'Déléguée')
    clients.push(editor)
    const told = authMessages(editor)
    await roundTrip(editor)
    // The first access message was sent on join, before our handler: ask again through a phase round trip.
    expect(plenum.server.sync.rooms.get(voted)).toBeDefined()
    editor.appendParagraph('Réécrit après le vote.')
    await roundTrip(editor)
    expect(await storedText(plenum, voted)).toBe(before)
    expect(told.every((t) => !t.startsWith('refused'))).toBe(true)

    const free = await connectSynced(plenum.wsUrl, plenum.seed.proposals[1]!.docName, delegate.token, 'Déléguée')
    clients.push(free)
    free.appendParagraph('Toujours modifiable.')
    await roundTrip(free)
    expect(await storedText(plenum, plenum.seed.proposals[1]!.docName)).toContain('Toujours modifiable.')
  })

  test('a new socket on the voted text is told why it is read-only', async () => {
    const voted = plenum.seed.proposals[0]!.docName
    const seen: string[] = []
    const { connectClient } = await import('../helpers/providers.ts')
    const client = connectClient(plenum.wsUrl, voted, delegate.token, 'Déléguée')
    clients.push(client)
    client.provider.messageHandlers[2] = (_encoder, decoder) => {
      decoding.readVarUint(decoder)
      seen.push(decoding.readVarString(decoder))
    }
    await waitFor(() => seen.includes('read-only:voted:drafting'), 'the read-only reason')
  })

  test('an adopted amendment is not merged into a proposal already voted: its ballot does not open, and the bureau’s merge answers 409 text_voted', async () => {
    const amendment = await insertAmendment(plenum, { authorId: delegate.id, status: 'admissible', proposalIndex: 0 })
    await setPhase(plenum, bureau, 'voting')
    const ballot = await createBallot(plenum, bureau, { kind: 'amendment', id: amendment.id })
    const opening = await call(plenum, bureau, 'POST', `/ballots/${ballot.id}/open`)
    expect(opening.status).toBe(409)
    expect(opening.body.error.code).toBe('text_voted')
    await call(plenum, bureau, 'DELETE', `/ballots/${ballot.id}`)

    const before = await storedText(plenum, plenum.seed.proposals[0]!.docName)
    const decided = await call(plenum, bureau, 'POST', `/amendments/${amendment.id}/decision`, { outcome: 'adopted' })
    expect(decided.status).toBe(200)
    expect(decided.body.status).toBe('adopted')
    const merge = await call(plenum, bureau, 'POST', `/amendments/${amendment.id}/merge`)
    expect(merge.status).toBe(409)
    expect(merge.body.error.code).toBe('text_voted')
    expect(await storedText(plenum, plenum.seed.proposals[0]!.docName)).toBe(before)
  })

  test('the seal refuses a voted text an operator changed in the database, naming it; restored, it seals', async () => {
    const proposal = plenum.seed.proposals[3]!
    const ballot = await createBallot(plenum, bureau, { kind: 'proposal', id: proposal.id })
    await step(plenum, bureau, ballot.id, 'open')
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    await operatorEdit(plenum, proposal.docName, (f) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('Ajouté après le vote, à la main.')])
      f.insert(f.length, [paragraph])
    })
    const refused = await call(plenum, bureau, 'POST', `${congressPath()}/freeze`)
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('voted_text_changed')
    expect(refused.body.error.message).toContain(`la proposition ${proposal.number}`)
    expect((await call(plenum, bureau, 'GET', congressPath())).body.phase).toBe('voting')

    // The same text again (a different Yjs history, the same paragraphs): the digest matches.
    await operatorEdit(plenum, proposal.docName, (f) => f.delete(f.length - 1, 1))
    const sealed = await call(plenum, bureau, 'POST', `${congressPath()}/freeze`)
    expect(sealed.body).not.toHaveProperty('error')
    expect(sealed.status).toBe(200)
  })
})

/** The motion's structure as the API shows it. */
async function structureOf(plenum: TestServer, token: string): Promise<CongressView> {
  return (await call<CongressView>(plenum, token, 'GET', `/congresses/${plenum.seed.congressId}`)).body
}

async function auditCount(plenum: TestServer): Promise<number> {
  const { n } = await plenum.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()
  return Number(n)
}

describe('what a ballot put to the vote includes its place: the motion’s structure, a proposal’s title, number and question (issue 15, point 6)', () => {
  let plenum: TestServer
  let bureau: string
  const congressPath = () => `/congresses/${plenum.seed.congressId}`

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
  })
  afterAll(() => plenum.close())

  test('after the motion was voted, back in drafting, no structure change that the seal would print gets in (409 structure_voted, said in English from its parameters, nothing written)', async () => {
    const [voter] = await importAndSignIn(plenum, bureau, [{ name: 'Votante Motion', role: 'delegate' }])
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [voter!.id])
    const motion = await createBallot(plenum, bureau, { kind: 'motion' })
    await step(plenum, bureau, motion.id, 'open')
    expect((await vote(plenum, voter!.token, motion.id, 'yes')).status).toBe(200)
    await step(plenum, bureau, motion.id, 'close')
    expect((await step(plenum, bureau, motion.id, 'publish')).result?.outcome).toBe('adopted')
    await setPhase(plenum, bureau, 'drafting')

    const before = await structureOf(plenum, bureau)
    const audited = await auditCount(plenum)
    const lastTheme = before.themes.at(-1)!
    const first = before.proposals[0]!
    const refusals: [string, string, unknown][] = [
      ['POST', '/proposals', { title: 'Ajoutée après le vote de la motion', themeId: lastTheme.id }],
      ['PATCH', `/proposals/${first.id}`, { title: 'Renommée après le vote' }],
      ['PATCH', `/proposals/${first.id}`, { position: 3 }],
      ['PATCH', `/proposals/${first.id}`, { themeId: lastTheme.id }],
      ['PATCH', `/themes/${lastTheme.id}`, { title: 'Question renommée après le vote' }],
      ['PATCH', `/themes/${lastTheme.id}`, { position: 1 }],
      ['POST', '/themes', { title: 'Question ajoutée après le vote' }],
      ['PATCH', '', { title: 'Un autre congrès' }],
      ['PATCH', '', { place: 'Ailleurs' }],
      ['PATCH', '', { date: '2027-01-02' }],
    ]
    for (const [method, path, body] of refusals) {
      const answer = await call(plenum, bureau, method, `${congressPath()}${path}`, body)
      expect.soft(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(409)
      expect.soft(answer.body?.error?.code, `${method} ${path}`).toBe('structure_voted')
      expect.soft(answer.body?.error?.message, `${method} ${path}`).toMatch(/mis(e)? aux voix/)
      expectSaidInEnglish(answer.body?.error, 'the motion', `${method} ${path}`)
    }
    expect(await structureOf(plenum, bureau)).toEqual(before)
    expect(await auditCount(plenum)).toBe(audited)

    // What the motion's text does not print stays the bureau's to change.
    expect((await call(plenum, bureau, 'PATCH', congressPath(), { minCosigners: 3 })).status).toBe(200)
  })

  test('the seal refuses a structure an operator changed in the database after the motion vote, naming it; put back, it seals', async () => {
    await setPhase(plenum, bureau, 'voting')
    const db = plenum.database.db
    const second = plenum.seed.proposals[1]!
    const { title } = await db.selectFrom('proposals').select('title').where('id', '=', second.id).executeTakeFirstOrThrow()
    await db.updateTable('proposals').set({ title: 'Retitrée à la main' }).where('id', '=', second.id).execute()
    const renamed = await call(plenum, bureau, 'POST', `${congressPath()}/freeze`)
    expect(renamed.status).toBe(409)
    expect(renamed.body.error.code).toBe('voted_text_changed')
    expect(renamed.body.error.message).toContain('proposition 2')
    expect((await structureOf(plenum, bureau)).phase).toBe('voting')
    await db.updateTable('proposals').set({ title }).where('id', '=', second.id).execute()

    const themeId = (await structureOf(plenum, bureau)).themes.at(-1)!.id
    await db.insertInto('documents').values({ name: `${plenum.seed.congressId}/proposal/intruse`, congress_id: plenum.seed.congressId, kind: 'proposal', state: new Uint8Array([0, 0]), updated_at: Date.now() }).execute()
    await db.insertInto('proposals').values({ id: 'intruse', congress_id: plenum.seed.congressId, theme_id: themeId, number: 99, title: 'Glissée dans la base', doc_name: `${plenum.seed.congressId}/proposal/intruse` }).execute()
    const added = await call(plenum, bureau, 'POST', `${congressPath()}/freeze`)
    expect(added.status).toBe(409)
    expect(added.body.error.code).toBe('voted_text_changed')
    expect(added.body.error.message).toContain('Glissée dans la base')
    await db.deleteFrom('proposals').where('id', '=', 'intruse').execute()
    await db.deleteFrom('documents').where('name', '=', `${plenum.seed.congressId}/proposal/intruse`).execute()

    const sealed = await call(plenum, bureau, 'POST', `${congressPath()}/freeze`)
    expect(sealed.body).not.toHaveProperty('error')
    expect(sealed.status).toBe(200)
  })
})

describe('a proposal put to the vote keeps its title, number and question; the rest of the structure stays open', () => {
  let plenum: TestServer
  let bureau: string
  const congressPath = () => `/congresses/${plenum.seed.congressId}`

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
  })
  afterAll(() => plenum.close())

  test('what would change the voted proposal is refused (409 structure_voted, said in English from its parameters), anything else is not, and the seal passes', async () => {
    const before = await structureOf(plenum, bureau)
    // The first proposal of the second question: a proposal added to the first would renumber it.
    const voted = before.proposals.find((p) => p.themeId === before.themes[1]!.id)!
    await setPhase(plenum, bureau, 'voting')
    const ballot = await createBallot(plenum, bureau, { kind: 'proposal', id: voted.id })
    await step(plenum, bureau, ballot.id, 'open')
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    await setPhase(plenum, bureau, 'drafting')

    const published = await structureOf(plenum, bureau)
    const audited = await auditCount(plenum)
    const refusals: [string, string, unknown][] = [
      ['PATCH', `/proposals/${voted.id}`, { title: 'Renommée après son vote' }],
      ['PATCH', `/proposals/${voted.id}`, { position: 2 }],
      ['PATCH', `/themes/${before.themes[1]!.id}`, { title: 'Sa question renommée' }],
      ['PATCH', `/themes/${before.themes[1]!.id}`, { position: 1 }],
      ['POST', '/proposals', { title: 'Avant elle', themeId: before.themes[0]!.id }],
    ]
    for (const [method, path, body] of refusals) {
      const answer = await call(plenum, bureau, method, `${congressPath()}${path}`, body)
      expect.soft(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(409)
      expect.soft(answer.body?.error?.code, `${method} ${path}`).toBe('structure_voted')
      expect.soft(answer.body?.error?.message, `${method} ${path}`).toContain(`proposition ${voted.number}`)
      expectSaidInEnglish(answer.body?.error, `proposal ${voted.number}`, `${method} ${path}`)
    }
    expect(await structureOf(plenum, bureau)).toEqual(published)
    expect(await auditCount(plenum)).toBe(audited)

    const allowed: [string, string, unknown][] = [
      ['POST', '/proposals', { title: 'Après elle', themeId: before.themes.at(-1)!.id }],
      ['PATCH', `/proposals/${before.proposals[0]!.id}`, { title: 'Une autre, renommée' }],
      ['PATCH', `/themes/${before.themes[0]!.id}`, { title: 'Une autre question, renommée' }],
      ['POST', '/themes', { title: 'Une question de plus' }],
      ['PATCH', '', { title: 'Un titre corrigé', place: 'Nantes' }],
    ]
    for (const [method, path, body] of allowed) {
      const answer = await call(plenum, bureau, method, `${congressPath()}${path}`, body)
      expect.soft(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBeLessThan(300)
    }
    await setPhase(plenum, bureau, 'voting')
    const sealed = await call(plenum, bureau, 'POST', `${congressPath()}/freeze`)
    expect(sealed.body).not.toHaveProperty('error')
    expect(sealed.status).toBe(200)
  })
})

describe('opening a ballot stores the edits it reads before its transaction (issue 15, finding 5)', () => {
  let plenum: TestServer
  let bureau: Awaited<ReturnType<TestServer['login']>>
  const clients: TestClient[] = []

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = await plenum.login()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await plenum.close()
  })

  test('an edit the room had not yet stored when an opening was refused inside its transaction is on disk, as every client has it', async () => {
    const preamble = (await structureOf(plenum, bureau.token)).preambleDocName
    await setPhase(plenum, bureau.token, 'voting')
    const reader = await connectSynced(plenum.wsUrl, preamble, bureau.token, 'Bureau')
    clients.push(reader)
    const ballot = await createBallot(plenum, bureau.token, { kind: 'motion' })
    // Any refusal after the texts are read: here the decision log refuses the opening's entry.
    const accept = await refuseInserts(plenum, 'audit_log', `NEW.action = 'ballot.opened'`, 'opening refused for the test')

    // An edit the room has applied in this turn and not yet stored (a frame just received), then the opening.
    const room = plenum.server.sync.rooms.get(preamble)!
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
    const vector = Y.encodeStateVector(doc)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Arrivé juste avant l’ouverture.')])
    doc.getXmlFragment('default').insert(doc.getXmlFragment('default').length, [paragraph])
    Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(doc, vector), 'socket')
    const deps = { db: plenum.database.db, hub: plenum.server.hub, documents: plenum.server.sync.documents, clock: Date.now, votes: undefined as never }
    const actor = { participantId: bureau.participant.id, congressId: plenum.seed.congressId, role: bureau.participant.role, name: bureau.participant.name }
    await expect(openBallot(deps, actor, { ballotId: ballot.id })).rejects.toThrow(/opening refused/)
    await accept()

    await waitFor(() => docText(reader.doc).includes('Arrivé juste avant l’ouverture.'), 'the edit at the reader')
    expect(await storedText(plenum, preamble)).toContain('Arrivé juste avant l’ouverture.')
    expect((await plenum.database.db.selectFrom('ballots').select('status').where('id', '=', ballot.id).executeTakeFirstOrThrow()).status).toBe('draft')
  })
})
