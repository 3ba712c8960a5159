import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentDetailView, BallotView } from '../../shared/api-types.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { insertParticipant } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { refuseInserts, refuseWrites } from '../helpers/refuse-inserts.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { replaceText } from '../helpers/text-edit.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

/**
 * Publishing a ballot on an amendment publishes, decides and merges in ONE transaction: when the
 * merge fails, nothing of the three stays, neither in the database nor in a live editor.
 */
describe('publish → decision → merge, one transaction', () => {
  let plenum: TestServer
  let bureau: string
  let people: { id: string; token: string }[]

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    // Written straight in: this test is about publishing, not importing.
    people = []
    for (const [name, code] of [['Alice Votante', 'ALICE-PUBLISH-1'], ['Basile Votant', 'BASILE-PUBLISH-1']] as const) {
      await insertParticipant(plenum, { name, code, role: 'delegate' })
      const { id } = await plenum.database.db.selectFrom('participants').select('id').where('name', '=', name).executeTakeFirstOrThrow()
      people.push({ id, token: (await plenum.login(code)).token })
    }
  })
  afterAll(() => plenum.close())

  const alice = () => people[0]!
  const basile = () => people[1]!

  async function storedText(docName: string): Promise<string> {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, (await plenum.server.sync.documents.read(docName))!)
    return docText(doc)
  }

  async function auditActions(): Promise<string[]> {
    const rows = await plenum.database.db.selectFrom('audit_log').select('action').execute()
    return rows.map((r) => r.action)
  }

  /** An admissible amendment to proposal `index` changing its first word, and a closed ballot that adopts it. */
  async function adoptedByClosedBallot(index: number, mark: string): Promise<{ amendmentId: string; ballot: BallotView; targetDoc: string; firstWord: string }> {
    const proposal = plenum.seed.proposals[index]!
    await setPhase(plenum, bureau, 'amendments')
    const filed = await call<{ id: string; docName: string }>(plenum, basile().token, 'POST', `/proposals/${proposal.id}/amendments`, { justification: 'Test.' })
    expect(filed.status).toBe(201)
    const firstWord = (await storedText(proposal.docName)).split(' ')[0]!
    const editor = await connectSynced(plenum.wsUrl, filed.body.docName, basile().token, 'basile')
    await waitFor(() => editor.text().includes(firstWord), 'the amendment’s copy of the text')
    replaceText(editor.doc, firstWord, `${firstWord} ${mark}`)
    await roundTrip(editor)
    editor.destroy()
    expect((await call(plenum, basile().token, 'POST', `/amendments/${filed.body.id}/submit`)).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${filed.body.id}/ruling`, { admissible: true })).status).toBe(200)
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [alice().id, basile().id])
    const ballot = await openedBallot(plenum, bureau, { kind: 'amendment', id: filed.body.id })
    for (const person of [alice(), basile()]) await vote(plenum, person.token, ballot.id, 'yes')
    await step(plenum, bureau, ballot.id, 'close')
    return { amendmentId: filed.body.id, ballot, targetDoc: proposal.docName, firstWord }
  }

  async function expectNothingPublished(chain: { amendmentId: string; ballot: BallotView; targetDoc: string }, before: string, watcher: TestClient, mark: string) {
    const ballot = await plenum.database.db.selectFrom('ballots').select('status').where('id', '=', chain.ballot.id).executeTakeFirstOrThrow()
    expect(ballot.status).toBe('closed')
    expect((await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${chain.amendmentId}`)).body.status).toBe('admissible')
    const actions = await auditActions()
    expect(actions).not.toContain('ballot.published')
    expect(actions).not.toContain('amendment.adopted')
    expect(actions).not.toContain('amendment.merged')
    expect(await storedText(chain.targetDoc)).toBe(before)
    // The live editor is in sync with the server again (it may have reconnected) and never saw the merge.
    await waitFor(() => watcher.provider.synced && watcher.provider.wsconnected, 'the watcher back in sync')
    await roundTrip(watcher)
    expect(watcher.text()).toBe(before)
    expect(watcher.text()).not.toContain(mark)
  }

  test('a merge refused by the database leaves the ballot closed, the amendment admissible and the text as it was', async () => {
    const mark = '(fusion refusée)'
    const chain = await adoptedByClosedBallot(0, mark)
    const before = await storedText(chain.targetDoc)
    const watcher = await connectSynced(plenum.wsUrl, chain.targetDoc, alice().token, 'alice')
    const accept = await refuseWrites(plenum, { table: 'amendments', event: 'UPDATE OF status', when: `NEW.status = 'merged'`, message: 'merge refused by the test' })
    try {
      const failed = await call(plenum, bureau, 'POST', `/ballots/${chain.ballot.id}/publish`)
      expect(failed.status).toBe(500)
      await expectNothingPublished(chain, before, watcher, mark)

      await accept()
      const published = await step(plenum, bureau, chain.ballot.id, 'publish')
      expect(published.status).toBe('published')
      expect((await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${chain.amendmentId}`)).body.status).toBe('merged')
      expect(await storedText(chain.targetDoc)).toContain(mark)
      await waitFor(() => watcher.text().includes(mark), 'the merge in the live editor')
      const actions = await auditActions()
      expect(actions.filter((a) => a === 'ballot.published')).toHaveLength(1)
      expect(actions.filter((a) => a === 'amendment.adopted')).toHaveLength(1)
      expect(actions.filter((a) => a === 'amendment.merged')).toHaveLength(1)
    } finally {
      await accept()
      watcher.destroy()
    }
  })

  test('a text update that cannot be stored rolls the whole chain back, and the live room never sees it', async () => {
    const mark = '(stockage refusé)'
    const chain = await adoptedByClosedBallot(1, mark)
    const before = await storedText(chain.targetDoc)
    const watcher = await connectSynced(plenum.wsUrl, chain.targetDoc, alice().token, 'alice')
    const published = (await auditActions()).filter((a) => a === 'ballot.published').length
    // The text's room is open (the watcher); the update's storage fails.
    const accept = await refuseInserts(plenum, 'document_updates', `NEW.doc_name = '${chain.targetDoc}'`, 'storage refused by the test')
    try {
      const socket = watcher.provider.ws
      const failed = await call(plenum, bureau, 'POST', `/ballots/${chain.ballot.id}/publish`)
      expect(failed.status).toBe(500)
      await accept()
      // The room learns of a merge only once it is committed: it never held this one, so it stays
      // open, and its editors never saw it.
      expect(watcher.provider.ws).toBe(socket)
      expect(watcher.provider.wsconnected).toBe(true)
      const ballot = await plenum.database.db.selectFrom('ballots').select('status').where('id', '=', chain.ballot.id).executeTakeFirstOrThrow()
      expect(ballot.status).toBe('closed')
      expect((await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${chain.amendmentId}`)).body.status).toBe('admissible')
      expect((await auditActions()).filter((a) => a === 'ballot.published')).toHaveLength(published)
      // Read through the live room if one is loaded: it must not hold what the database lost.
      expect(await storedText(chain.targetDoc)).toBe(before)
      await roundTrip(watcher)
      expect(watcher.text()).toBe(before)

      await step(plenum, bureau, chain.ballot.id, 'publish')
      expect((await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${chain.amendmentId}`)).body.status).toBe('merged')
      expect(await storedText(chain.targetDoc)).toContain(mark)
      await waitFor(() => watcher.text().includes(mark), 'the merge in the live editor')
    } finally {
      await accept()
      watcher.destroy()
    }
  })
})
