import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { BallotView, CongressView } from '../../shared/api-types.ts'
import { votesLine } from '../../shared/motion/motion-data.ts'
import { buildBundle } from '../../server/seal/bundle.ts'
import { loadOrCreateKeys } from '../../server/seal/keys.ts'
import { readSealSource } from '../../server/seal/seal-source.ts'
import { verifyBundle } from '../../server/seal/verify-bundle.ts'
import { call, checkIn, createBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
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
      expect(byNumber.get(n)!.votes).toMatchObject({ yes: 2, no: 1, outcome: 'adopted', block: [3, 5, 7] })
      expect(votesLine(byNumber.get(n)!.votes!)).toContain('Vote en bloc des propositions 3, 5, 7')
    }
    expect(byNumber.get(4)!.votes).toBeNull()
    expect(source.ballots.find((b) => b.id === block.id)!.subject).toMatchObject({ label: 'Propositions 3, 5 et 7 (en bloc)', block: [3, 5, 7] })
    const bundle = await buildBundle(source, loadOrCreateKeys(plenum.dataDir))
    expect(verifyBundle(bundle.files)).toMatchObject({ ok: true })
  })
})
