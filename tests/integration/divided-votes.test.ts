import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AuditEntryView, BallotView, CongressView } from '../../shared/api-types.ts'
import { stateBlocks } from '../../shared/editor/blocks.ts'
import { votesLine } from '../../shared/motion/motion-data.ts'
import { buildBundle } from '../../server/seal/bundle.ts'
import { loadOrCreateKeys } from '../../server/seal/keys.ts'
import { readSealSource } from '../../server/seal/seal-source.ts'
import { verifyBundle } from '../../server/seal/verify-bundle.ts'
import { call, checkIn, createBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

describe('a vote by division: the parts of a proposal one by one, a rejected part cut, then the whole', () => {
  let plenum: TestServer
  let bureau: string
  let voters: Signed[]
  const proposal = () => plenum.seed.proposals[0]!
  const blocks = async () => {
    const stored = (await plenum.log.load(proposal().docName))!
    return stateBlocks(Y.mergeUpdates([stored.state, ...stored.updates]))
  }
  /** Votes a ballot through: `yes` voters for, the others against, then closed and published. */
  async function decide(ballot: BallotView, yes: number): Promise<void> {
    await step(plenum, bureau, ballot.id, 'open')
    for (const [i, voter] of voters.entries()) expect((await vote(plenum, voter.token, ballot.id, i < yes ? 'yes' : 'no')).status).toBe(200)
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
  }

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    voters = await importAndSignIn(plenum, bureau, [
      { name: 'Agnès Öztürk', role: 'attendee' },
      { name: 'Léon Martin', role: 'attendee' },
      { name: 'Zoé Nguyen', role: 'attendee' },
    ])
    // Proposal 1 gets two more paragraphs while it is still drafted.
    const writer = await connectSynced(plenum.wsUrl, proposal().docName, bureau, 'Bureau')
    writer.appendParagraph('Deuxième alinéa : un rapport annuel.')
    writer.appendParagraph('Troisième alinéa : une évaluation publique.')
    await roundTrip(writer)
    writer.destroy()
    await setPhase(plenum, bureau, 'amendments')
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
  })
  afterAll(async () => {
    await plenum.close()
  })

  test('a part is some of the proposal’s paragraphs, not all of them', async () => {
    expect(await blocks()).toHaveLength(3)
    for (const parts of [[0, 1, 2], [3], [1, 1]]) {
      const answer = await call(plenum, bureau, 'POST', '/ballots', { congressId: plenum.seed.congressId, subject: { kind: 'part', id: proposal().id, blocks: parts } })
      expect(answer.status, JSON.stringify(parts)).toBe(409)
      expect(answer.body.error.code).toBe('part_invalid')
    }
  })

  test('§ 2 adopted stays; § 3 rejected is cut from the text before the whole is voted', async () => {
    const second = await createBallot(plenum, bureau, { kind: 'part', id: proposal().id, blocks: [1] })
    const third = await createBallot(plenum, bureau, { kind: 'part', id: proposal().id, blocks: [2] })
    // The same part made twice: once the first is cut, the second's words are gone.
    const stale = await createBallot(plenum, bureau, { kind: 'part', id: proposal().id, blocks: [2] })
    expect(second.subject).toMatchObject({ label: 'Proposition 1, vote par division : § 2', part: { label: '§ 2', blocks: ['Deuxième alinéa : un rapport annuel.'] } })
    await decide(second, 2)
    await decide(third, 1)
    expect(await blocks()).toEqual([expect.stringContaining('médiateur'), 'Deuxième alinéa : un rapport annuel.'])
    const cut = (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)).body.entries.find((e) => e.action === 'ballot.part_cut')
    expect(cut?.payload).toMatchObject({ ballotId: third.id, part: '§ 3' })
    // A part's vote decides the part, not the proposal.
    expect((await call<CongressView>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}`)).body.proposals[0]!.outcome).toBeNull()

    const refused = await call(plenum, bureau, 'POST', `/ballots/${stale.id}/open`)
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('part_not_found')
    expect((await call(plenum, bureau, 'DELETE', `/ballots/${stale.id}`)).status).toBe(204)
    // Nothing else on the text opens while a part awaits its result: its cut would change what it votes.
    const pending = await createBallot(plenum, bureau, { kind: 'part', id: proposal().id, blocks: [0] })
    await step(plenum, bureau, pending.id, 'open')
    for (const voter of voters) expect((await vote(plenum, voter.token, pending.id, 'yes')).status).toBe(200)
    await step(plenum, bureau, pending.id, 'close')
    const whole = await createBallot(plenum, bureau, { kind: 'proposal', id: proposal().id })
    const early = await call(plenum, bureau, 'POST', `/ballots/${whole.id}/open`)
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('division_order')
    await step(plenum, bureau, pending.id, 'publish')
    const afterWhole = await createBallot(plenum, bureau, { kind: 'part', id: proposal().id, blocks: [1] })
    await decide(whole, 3)
    // Once the whole is voted, no part of it is voted, nor cut.
    const late = await call(plenum, bureau, 'POST', `/ballots/${afterWhole.id}/open`)
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('division_order')
    expect(await blocks()).toHaveLength(2)
    expect((await call<CongressView>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}`)).body.proposals[0]!.outcome).toBe('adopted')
  })

  test('the seal follows the text voted part by part to its final words, and says how it was voted', async () => {
    const frozen = await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`)
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(200)
    const source = await readSealSource(plenum.database.db, plenum.seed.congressId)
    const votes = source.motion.themes.flatMap((t) => t.proposals).find((p) => p.number === 1)!.votes!
    expect(votes).toMatchObject({ yes: 3, outcome: 'adopted', division: [{ label: '§ 2', outcome: 'adopted' }, { label: '§ 3', outcome: 'rejected' }, { label: '§ 1', outcome: 'adopted' }] })
    expect(votesLine(votes)).toContain('Vote par division : § 2 adopté ; § 3 rejeté, retiré du texte ; § 1 adopté ; puis sur l’ensemble')
    expect(source.ballots.filter((b) => b.subject.part !== null).map((b) => b.subject.part)).toEqual(['§ 2', '§ 3', '§ 1'])
    const bundle = await buildBundle(source, loadOrCreateKeys(plenum.dataDir))
    expect(verifyBundle(bundle.files)).toMatchObject({ ok: true })
  })
})

describe('a cut that is not on record', () => {
  test('the freeze refuses a text changed after its vote, even one voted by division', async () => {
    const plenum = await startTestServer()
    try {
      const bureau = (await plenum.login()).token
      const [voter] = await importAndSignIn(plenum, bureau, [{ name: 'Agnès Öztürk', role: 'attendee' }])
      const doc = plenum.seed.proposals[0]!.docName
      const writer = await connectSynced(plenum.wsUrl, doc, bureau, 'Bureau')
      writer.appendParagraph('Deuxième alinéa.')
      await roundTrip(writer)
      writer.destroy()
      await setPhase(plenum, bureau, 'amendments')
      await setPhase(plenum, bureau, 'voting')
      await checkIn(plenum, bureau, [voter!.id])
      const part = await createBallot(plenum, bureau, { kind: 'part', id: plenum.seed.proposals[0]!.id, blocks: [1] })
      await step(plenum, bureau, part.id, 'open')
      await vote(plenum, voter!.token, part.id, 'no')
      await step(plenum, bureau, part.id, 'close')
      await step(plenum, bureau, part.id, 'publish')
      expect(await plenum.database.db.selectFrom('text_cuts').selectAll().execute()).toHaveLength(1)
      // Someone deletes the record of the cut behind the app: the voted text no longer leads to the final one.
      await plenum.database.db.deleteFrom('text_cuts').execute()
      const frozen = await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`)
      expect(frozen.status).toBe(409)
      expect(frozen.body.error.code).toBe('voted_text_changed')
    } finally {
      await plenum.close()
    }
  })
})
