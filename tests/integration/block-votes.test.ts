import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentView, BallotView, CongressView, FiledAmendmentView } from '../../shared/api-types.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { votesLine } from '../../shared/motion/motion-data.ts'
import { buildBundle } from '../../server/seal/bundle.ts'
import { loadOrCreateKeys } from '../../server/seal/keys.ts'
import { readSealSource } from '../../server/seal/seal-source.ts'
import { verifyBundle } from '../../server/seal/verify-bundle.ts'
import { call, checkIn, createBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

describe('a block vote: several proposals put to one ballot, its outcome applied to each, and sealed as such', () => {
  let plenum: TestServer
  let bureau: string
  let voters: Signed[]
  let block: BallotView
  const proposal = (n: number) => plenum.seed.proposals[n - 1]!
  const congress = async () => (await call<CongressView>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}`)).body

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    voters = await importAndSignIn(plenum, bureau, [
      { name: 'Agnès Öztürk', role: 'attendee' },
      { name: 'Léon Martin', role: 'attendee' },
      { name: 'Zoé Nguyen', role: 'attendee' },
    ])
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
  })
  afterAll(async () => {
    await plenum.close()
  })

  test('a block needs two distinct proposals of the congress', async () => {
    const post = (subject: unknown) => call(plenum, bureau, 'POST', '/ballots', { congressId: plenum.seed.congressId, subject })
    for (const ids of [[proposal(1).id], [proposal(1).id, proposal(1).id], 'nope']) {
      const answer = await post({ kind: 'block', ids })
      expect(answer.status, JSON.stringify(ids)).toBe(400)
      expect(answer.body.error.code).toBe('bad_request')
    }
    const unknown = await post({ kind: 'block', ids: [proposal(1).id, 'no-such-proposal'] })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('subject_not_found')
    expect((await call<{ ballots: BallotView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/ballots`)).body.ballots).toEqual([])
  })

  test('the bureau puts proposals 3, 5 and 7 to one vote; every one of their texts is locked while it runs', async () => {
    block = await createBallot(plenum, bureau, { kind: 'block', ids: [proposal(3).id, proposal(5).id, proposal(7).id] })
    expect(block.subject.label).toBe('Propositions 3, 5 et 7 (en bloc)')
    expect(block.subject.block!.map((p) => p.number)).toEqual([3, 5, 7])
    await step(plenum, bureau, block.id, 'open')
    const locked = await plenum.database.db.selectFrom('ballot_texts').select('doc_name').where('ballot_id', '=', block.id).execute()
    expect(locked.map((r) => r.doc_name).sort()).toEqual([proposal(3).docName, proposal(5).docName, proposal(7).docName].sort())
  })

  test('published, its outcome is each proposal’s; the others stay undecided', async () => {
    for (const [i, voter] of voters.entries()) expect((await vote(plenum, voter.token, block.id, i < 2 ? 'yes' : 'no')).status).toBe(200)
    await step(plenum, bureau, block.id, 'close')
    await step(plenum, bureau, block.id, 'publish')
    const outcomes = new Map((await congress()).proposals.map((p) => [p.number, p.outcome]))
    expect([outcomes.get(3), outcomes.get(5), outcomes.get(7)]).toEqual(['adopted', 'adopted', 'adopted'])
    expect(outcomes.get(4)).toBeNull()
  })

  test('the seal says each of them was voted in a block, and plenum verify accepts it', async () => {
    expect((await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`)).status).toBe(200)
    const source = await readSealSource(plenum.database.db, plenum.seed.congressId)
    const byNumber = new Map(source.motion.themes.flatMap((t) => t.proposals).map((p) => [p.number, p]))
    for (const n of [3, 5, 7]) {
      expect(byNumber.get(n)!.votes).toMatchObject({ yes: 2, no: 1, outcome: 'adopted', block: { kind: 'proposal', labels: ['Proposition 3', 'Proposition 5', 'Proposition 7'] } })
      expect(votesLine(byNumber.get(n)!.votes!)).toContain('Vote en bloc des propositions 3, 5, 7')
    }
    expect(byNumber.get(4)!.votes).toBeNull()
    expect(source.ballots.find((b) => b.id === block.id)!.subject).toMatchObject({ label: 'Propositions 3, 5 et 7 (en bloc)', block: ['Proposition 3', 'Proposition 5', 'Proposition 7'] })
    const bundle = await buildBundle(source, loadOrCreateKeys(plenum.dataDir))
    expect(verifyBundle(bundle.files)).toMatchObject({ ok: true })
  })
})

describe('a block vote on amendments: each on its own text, each merged into it', () => {
  let plenum: TestServer
  let bureau: string
  let voters: Signed[]
  let filed: FiledAmendmentView[]
  let onProposal3: FiledAmendmentView
  let author: Signed
  const id = (label: string) => filed.find((f) => f.label === label)!.id

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    await setPhase(plenum, bureau, 'amendments')
    filed = await fileCompetingAmendments(plenum, bureau)
    author = (await importAndSignIn(plenum, bureau, [{ name: 'Agnès Öztürk', role: 'delegate' }]))[0]!
    onProposal3 = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${plenum.seed.proposals[2]!.id}/amendments`, {})).body
    const writer = await connectSynced(plenum.wsUrl, onProposal3.docName, author.token, author.name)
    writer.appendParagraph('Un référent accessibilité dans chaque administration.')
    await roundTrip(writer)
    writer.destroy()
    expect((await call(plenum, author.token, 'POST', `/amendments/${onProposal3.id}/submit`)).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${onProposal3.id}/ruling`, { admissible: true })).status).toBe(200)
    voters = await importAndSignIn(plenum, bureau, [
      { name: 'Léon Martin', role: 'attendee' },
      { name: 'Zoé Nguyen', role: 'attendee' },
    ])
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
  })
  afterAll(async () => {
    await plenum.close()
  })

  test('two amendments of one text are voted one after the other, never in one block', async () => {
    const answer = await call(plenum, bureau, 'POST', '/ballots', { congressId: plenum.seed.congressId, subject: { kind: 'block', of: 'amendment', ids: [id('P2-A4'), id('P2-A2')] } })
    expect(answer.status).toBe(409)
    expect(answer.body.error.code).toBe('block_same_text')
  })

  test('adopted in one block, each merges into its own text; none may change while the block is voted', async () => {
    const block = await createBallot(plenum, bureau, { kind: 'block', of: 'amendment', ids: [id('P2-A4'), onProposal3.id] })
    expect(block.subject).toMatchObject({ kind: 'amendment', label: 'Amendements P2-A4, P3-A1 (en bloc)' })
    await step(plenum, bureau, block.id, 'open')
    const locked = await plenum.database.db.selectFrom('ballot_texts').select('doc_name').where('ballot_id', '=', block.id).execute()
    expect(locked).toHaveLength(2)
    // The second member is under the block's ballot as much as the first: its author cannot withdraw it now.
    const withdrawn = await call(plenum, author.token, 'POST', `/amendments/${onProposal3.id}/withdraw`)
    expect(withdrawn.status).toBe(409)
    expect(withdrawn.body.error.code).toBe('amendment_under_ballot')
    for (const voter of voters) expect((await vote(plenum, voter.token, block.id, 'yes')).status).toBe(200)
    await step(plenum, bureau, block.id, 'close')
    await step(plenum, bureau, block.id, 'publish')
    const statuses = new Map((await call<{ amendments: AmendmentView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/amendments`)).body.amendments.map((a) => [a.label, a.status]))
    expect([statuses.get('P2-A4'), statuses.get('P3-A1')]).toEqual(['merged', 'merged'])
    const text3 = await plenum.log.load(plenum.seed.proposals[2]!.docName)
    expect(docText(docOf(text3!))).toContain('Un référent accessibilité dans chaque administration.')
    expect(docText(docOf((await plenum.log.load(plenum.seed.proposals[1]!.docName))!))).toContain('la loi et le code des relations')

    expect((await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`)).status).toBe(200)
    const source = await readSealSource(plenum.database.db, plenum.seed.congressId)
    const merged = new Map(source.motion.amendmentsMerged.map((a) => [a.label, a]))
    expect(merged.get('P3-A1')!.votes).toMatchObject({ outcome: 'adopted', block: { kind: 'amendment', labels: ['P2-A4', 'P3-A1'] } })
    expect(votesLine(merged.get('P2-A4')!.votes!)).toContain('Vote en bloc des amendements P2-A4, P3-A1')
  })
})

function docOf(stored: { state: Uint8Array; updates: readonly Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.mergeUpdates([stored.state, ...stored.updates]))
  return doc
}
