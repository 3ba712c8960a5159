import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentDetailView, BallotView, BoardView, MyBallotView, ParticipationView, ProjectorView } from '../../shared/api-types.ts'
import { tally } from '../../shared/ballots/tally.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { openEvents } from '../helpers/event-stream.ts'
import { call, checkIn, createBallot, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { replaceText } from '../helpers/text-edit.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('ballots', () => {
  let plenum: TestServer
  let bureau: string
  let people: Signed[]
  let offset = 0

  beforeAll(async () => {
    plenum = await startTestServer({ clock: () => Date.now() + offset })
    bureau = (await plenum.login()).token
    people = await importAndSignIn(plenum, bureau, [
      { name: 'Alice Votante', role: 'attendee' },
      { name: 'Basile Votant', role: 'delegate' },
      { name: 'Chloé Votante', role: 'attendee' },
      { name: 'Damien Absent', role: 'attendee' },
    ])
  })
  afterAll(() => plenum.close())

  const alice = () => people[0]!
  const basile = () => people[1]!
  const chloe = () => people[2]!
  const damien = () => people[3]!
  const congressPath = () => `/congresses/${plenum.seed.congressId}`

  test('a proposal’s ballot from draft to published: only present voters vote, once, and the result is recorded', async () => {
    await setPhase(plenum, bureau, 'amendments')
    const early = await call(plenum, bureau, 'POST', '/ballots', { congressId: plenum.seed.congressId, subject: { kind: 'motion' } })
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('phase_forbids')
    await setPhase(plenum, bureau, 'voting')

    const refused = await call(plenum, alice().token, 'POST', '/ballots', { congressId: plenum.seed.congressId, subject: { kind: 'motion' } })
    expect(refused.status).toBe(403)
    const badRule = await call(plenum, bureau, 'POST', '/ballots', { congressId: plenum.seed.congressId, subject: { kind: 'motion' }, rule: { majority: 'most' } })
    expect(badRule.status).toBe(400)
    expect(badRule.body.error.message).toContain('majority')

    await checkIn(plenum, bureau, [alice().id, basile().id, chloe().id])
    const proposal = plenum.seed.proposals[0]!
    const draft = await createBallot(plenum, bureau, { kind: 'proposal', id: proposal.id }, { majority: 'absolute', base: 'cast' })
    expect(draft).toMatchObject({ status: 'draft', subject: { kind: 'proposal', label: `Proposition ${proposal.number}` }, rule: { majority: 'absolute', base: 'cast', secrecy: 'secret' } })

    const tooEarly = await vote(plenum, alice().token, draft.id, 'yes')
    expect(tooEarly.status).toBe(409)
    expect(tooEarly.body.error?.code).toBe('ballot_status')

    const open = await step(plenum, bureau, draft.id, 'open')
    expect(open.status).toBe('open')
    // The seed's bureau member is entitled too, but was not checked in.
    expect(open.electorate).toEqual({ entitled: 5, present: 3, represented: 0 })
    const ruleChange = await call(plenum, bureau, 'PATCH', `/ballots/${draft.id}`, { rule: { majority: 'simple' } })
    expect(ruleChange.status).toBe(409)

    const absent = await vote(plenum, damien().token, draft.id, 'no')
    expect(absent.status).toBe(403)
    const me = await call<MyBallotView>(plenum, damien().token, 'GET', `/ballots/${draft.id}/me`)
    expect(me.body).toMatchObject({ rights: [], noRightReason: 'not-present' })

    const clientVoteId = 'alice-first-vote-0001'
    const first = await vote(plenum, alice().token, draft.id, 'yes', { clientVoteId })
    expect(first.status).toBe(200)
    expect(first.body.receipt).toMatch(/^[0-9a-f]{64}$/)
    const retry = await vote(plenum, alice().token, draft.id, 'yes', { clientVoteId })
    expect(retry.body.receipt).toBe(first.body.receipt)
    const second = await vote(plenum, alice().token, draft.id, 'no')
    expect(second.status).toBe(409)
    expect(second.body.error?.code).toBe('already_voted')
    // Whoever finds the vote already cast is told when it was (to the minute).
    expect(second.body.error?.message).toMatch(/\d{2}:\d{2}/)
    expect((await vote(plenum, basile().token, draft.id, 'no')).status).toBe(200)

    const mine = await call<MyBallotView>(plenum, alice().token, 'GET', `/ballots/${draft.id}/me`)
    expect(mine.body.rights).toEqual([{ representedId: alice().id, name: 'Alice Votante', self: true, voted: true, castAt: expect.any(Number) }])

    // No partial result for anyone while it is open; the bureau follows participation only.
    expect((await call(plenum, bureau, 'GET', `/ballots/${draft.id}/result`)).status).toBe(409)
    expect((await call(plenum, bureau, 'GET', `/ballots/${draft.id}/board`)).status).toBe(409)
    expect((await call<BallotView>(plenum, bureau, 'GET', `/ballots/${draft.id}`)).body.result).toBeNull()
    expect((await call<ParticipationView>(plenum, bureau, 'GET', `/ballots/${draft.id}/participation`)).body).toEqual({ voted: 2, rights: 3, notVoted: null })
    expect((await call(plenum, alice().token, 'GET', `/ballots/${draft.id}/participation`)).status).toBe(403)

    const closed = await step(plenum, bureau, draft.id, 'close')
    expect(closed.result).toMatchObject({ yes: 1, no: 1, abstain: 0, cast: 2, base: 2, threshold: 2, outcome: 'rejected' })
    const late = await vote(plenum, chloe().token, draft.id, 'yes')
    expect(late.status).toBe(409)
    expect(late.body.error?.code).toBe('ballot_closed')
    // Receipts are handed back only while the ballot is open: after the close, the board is the way.
    const closedRetry = await vote(plenum, alice().token, draft.id, 'yes', { clientVoteId })
    expect(closedRetry.status).toBe(409)
    expect(closedRetry.body.error?.code).toBe('ballot_closed')
    expect((await call(plenum, alice().token, 'GET', `/ballots/${draft.id}/result`)).status).toBe(409)

    await step(plenum, bureau, draft.id, 'publish')
    const result = await call<{ ballot: BallotView; result: BallotView['result'] }>(plenum, alice().token, 'GET', `/ballots/${draft.id}/result`)
    expect(result.body.result?.outcome).toBe('rejected')
    const row = await plenum.database.db.selectFrom('proposals').select(['outcome', 'outcome_ballot_id']).where('id', '=', proposal.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ outcome: 'rejected', outcome_ballot_id: draft.id })

    const audit = await call<{ entries: { action: string }[] }>(plenum, bureau, 'GET', `${congressPath()}/audit`)
    const actions = audit.body.entries.map((e) => e.action)
    for (const action of ['ballot.created', 'ballot.opened', 'ballot.closed', 'ballot.published']) expect(actions).toContain(action)
    // No entry per vote; one for the refused second vote, naming the person, never a choice.
    expect(actions.filter((a) => a.includes('vote'))).toEqual(['vote.already_cast'])
    const refusedEntry = audit.body.entries.find((e) => e.action === 'vote.already_cast') as unknown as { payload: Record<string, unknown> }
    expect(refusedEntry.payload).toMatchObject({ ballotId: draft.id, representedId: alice().id })
    expect(Object.keys(refusedEntry.payload).sort()).toEqual(['ballotId', 'castAt', 'represented', 'representedId'])
  })

  test('the board lets anyone recompute the result and check each receipt and the chain head', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' }, { secrecy: 'roll-call' })
    const receipts = new Map<string, string>()
    for (const [person, choice] of [[alice(), 'yes'], [basile(), 'yes'], [chloe(), 'abstain']] as const) {
      receipts.set(person.name, (await vote(plenum, person.token, ballot.id, choice)).body.receipt)
    }
    const participation = await call<ParticipationView>(plenum, bureau, 'GET', `/ballots/${ballot.id}/participation`)
    expect(participation.body.notVoted).toEqual([])
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')

    const board = (await call<BoardView>(plenum, chloe().token, 'GET', `/ballots/${ballot.id}/board`)).body
    expect(board.entries).toHaveLength(3)
    expect(board.entries.map((e) => e.receipt)).toEqual([...board.entries.map((e) => e.receipt)].sort())
    for (const entry of board.entries) {
      expect(entry.receipt).toBe(sha256(`plenum-ballot|${ballot.id}|${entry.choice}|${entry.nonce}`))
      expect(receipts.get(entry.name!)).toBe(entry.receipt)
    }
    const head = board.entries.reduce((h, e) => sha256(`${h}|${e.receipt}|${e.choice}|${e.name ?? ''}`), '0'.repeat(64))
    expect(board.chainHead).toBe(head)
    const published = (await call<BallotView>(plenum, chloe().token, 'GET', `/ballots/${ballot.id}`)).body
    expect(tally(published.rule, published.electorate!, board.entries.map((e) => e.choice))).toEqual(published.result)
    expect(published.result?.outcome).toBe('adopted')
    const congress = await plenum.database.db.selectFrom('congresses').select('motion_outcome').executeTakeFirstOrThrow()
    expect(congress.motion_outcome).toBe('adopted')
  })

  test('event streams hear of ballots, of participation as votes arrive, of check-ins and of the projector', async () => {
    const stream = openEvents(`${plenum.baseUrl}/api${congressPath()}/events`, damien().token)
    await waitFor(() => stream.events.some((e) => e.event === 'phase'), 'the stream is open')
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' })
    await waitFor(() => stream.events.some((e) => e.event === 'ballots' && (e.data as { ballotId: string }).ballotId === ballot.id), 'the ballots event')
    await waitFor(() => stream.events.some((e) => e.event === 'projector' && (e.data as { ballotId: string }).ballotId === ballot.id), 'the projector event')
    await vote(plenum, alice().token, ballot.id, 'yes')
    await vote(plenum, basile().token, ballot.id, 'no')
    await waitFor(
      () => stream.events.some((e) => e.event === 'participation' && JSON.stringify(e.data) === JSON.stringify({ ballotId: ballot.id, voted: 2, rights: 3 })),
      'participation 2 / 3',
    )
    await call(plenum, bureau, 'PUT', `${congressPath()}/attendance/${damien().id}`, { present: true })
    await waitFor(() => stream.events.some((e) => e.event === 'attendance'), 'the attendance event')
    await call(plenum, bureau, 'PUT', `${congressPath()}/attendance/${damien().id}`, { present: false })
    stream.close()
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
  })

  test('votes past the closing time set at opening are refused by the server’s clock', async () => {
    const ballot = await createBallot(plenum, bureau, { kind: 'motion' })
    const open = await step(plenum, bureau, ballot.id, 'open', { durationSeconds: 60 })
    expect(open.closesAt).toBe(open.openedAt! + 60_000)
    expect((await vote(plenum, alice().token, ballot.id, 'yes')).status).toBe(200)
    offset += 61_000
    const late = await vote(plenum, basile().token, ballot.id, 'yes')
    expect(late.status).toBe(409)
    expect(late.body.error?.code).toBe('ballot_closed')
    const closed = await step(plenum, bureau, ballot.id, 'close')
    expect(closed.result?.cast).toBe(1)
    await step(plenum, bureau, ballot.id, 'publish')
  })

  test('one ballot open at a time; a draft can be edited and deleted, not an open one', async () => {
    const first = await openedBallot(plenum, bureau, { kind: 'motion' })
    const second = await createBallot(plenum, bureau, { kind: 'motion' }, { majority: 'two-thirds' })
    const clash = await call(plenum, bureau, 'POST', `/ballots/${second.id}/open`)
    expect(clash.status).toBe(409)
    expect(clash.body.error.message).toContain('déjà ouvert')
    const edited = await call<BallotView>(plenum, bureau, 'PATCH', `/ballots/${second.id}`, { rule: { quorum: { kind: 'share', share: 0.5 } } })
    expect(edited.body.rule).toMatchObject({ majority: 'two-thirds', quorum: { kind: 'share', share: 0.5 } })
    expect((await call(plenum, bureau, 'DELETE', `/ballots/${first.id}`)).status).toBe(409)
    expect((await call(plenum, bureau, 'DELETE', `/ballots/${second.id}`)).status).toBe(204)
    expect((await call(plenum, bureau, 'GET', `/ballots/${second.id}`)).status).toBe(404)
    await step(plenum, bureau, first.id, 'close')
    await step(plenum, bureau, first.id, 'publish')
  })

  test('each refusal names what happened, with the ids and values a client needs to say it', async () => {
    const first = await openedBallot(plenum, bureau, { kind: 'motion' })
    const second = await createBallot(plenum, bureau, { kind: 'motion' })
    const clash = await call(plenum, bureau, 'POST', `/ballots/${second.id}/open`)
    expect(clash.body.error).toMatchObject({ code: 'ballot_already_open', ballotId: second.id })
    const reopen = await call(plenum, bureau, 'POST', `/ballots/${first.id}/open`)
    expect(reopen.status).toBe(409)
    expect(reopen.body.error).toMatchObject({ code: 'ballot_status', ballotId: first.id, status: 'open', attempted: 'open' })
    const early = await call(plenum, alice().token, 'GET', `/ballots/${first.id}/result`)
    expect(early.status).toBe(409)
    expect(early.body.error).toMatchObject({ code: 'result_not_visible', ballotId: first.id, status: 'open' })
    const missing = await call(plenum, bureau, 'GET', '/ballots/nosuchballot0000')
    expect(missing.status).toBe(404)
    expect(missing.body.error).toMatchObject({ code: 'ballot_not_found', ballotId: 'nosuchballot0000' })
    const noSubject = await call(plenum, bureau, 'POST', '/ballots', { congressId: plenum.seed.congressId, subject: { kind: 'proposal', id: 'nosuchproposal00' } })
    expect(noSubject.status).toBe(404)
    expect(noSubject.body.error).toMatchObject({ code: 'subject_not_found', kind: 'proposal', id: 'nosuchproposal00' })
    expect((await call(plenum, bureau, 'DELETE', `/ballots/${second.id}`)).status).toBe(204)
    await step(plenum, bureau, first.id, 'close')
    const late = await vote(plenum, alice().token, first.id, 'yes')
    expect(late.body.error).toMatchObject({ code: 'ballot_closed', ballotId: first.id })
    const unknownBadge = await call(plenum, bureau, 'POST', `${congressPath()}/attendance`, { code: 'ZZZZ-ZZZZ-ZZZZ' })
    expect(unknownBadge.status).toBe(404)
    expect(unknownBadge.body.error.code).toBe('badge_code_unknown')
    const notProjected = await call(plenum, bureau, 'PUT', `${congressPath()}/projector`, { ballotId: 'nosuchballot0000' })
    expect(notProjected.body.error).toMatchObject({ code: 'ballot_not_found', ballotId: 'nosuchballot0000' })
  })

  test('quorum not met: the ballot decides nothing', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[1]!.id }, { quorum: { kind: 'count', count: 4 } })
    for (const person of [alice(), basile(), chloe()]) await vote(plenum, person.token, ballot.id, 'yes')
    const closed = await step(plenum, bureau, ballot.id, 'close')
    expect(closed.result).toMatchObject({ yes: 3, quorumRequired: 4, quorumMet: false, outcome: 'no-quorum' })
    await step(plenum, bureau, ballot.id, 'publish')
    const row = await plenum.database.db.selectFrom('proposals').select('outcome').where('id', '=', plenum.seed.proposals[1]!.id).executeTakeFirstOrThrow()
    expect(row.outcome).toBeNull()
  })

  test('a closed ballot whose tally was removed behind the app is not published as deciding nothing: it stays closed', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[1]!.id })
    await step(plenum, bureau, ballot.id, 'close')
    const ballots = () => plenum.database.db.selectFrom('ballots').select(['status', 'result']).where('id', '=', ballot.id).executeTakeFirstOrThrow()
    const { result } = await ballots()
    await plenum.database.db.updateTable('ballots').set({ result: null }).where('id', '=', ballot.id).execute()
    expect((await call(plenum, bureau, 'POST', `/ballots/${ballot.id}/publish`)).status).toBe(500)
    expect((await ballots()).status).toBe('closed')
    await plenum.database.db.updateTable('ballots').set({ result }).where('id', '=', ballot.id).execute()
    expect((await step(plenum, bureau, ballot.id, 'publish')).status).toBe('published')
  })

  test('an adopted amendment is merged into its proposal when the result is published; a rejected one is marked rejected', async () => {
    // The tests above voted on the whole motion, which locks every text (voted-texts.test.ts): this
    // one replays a running order from the start, amendments before their text, so it forgets them.
    await plenum.database.db.deleteFrom('ballot_texts').execute()
    plenum.server.hub.ballotsChanged(plenum.seed.congressId, '')
    await setPhase(plenum, bureau, 'amendments')
    const proposal = plenum.seed.proposals[2]!
    const amend = async (from: string, to: string) => {
      const filed = await call<{ id: string; docName: string }>(plenum, basile().token, 'POST', `/proposals/${proposal.id}/amendments`, { justification: 'Test.' })
      const editor = await connectSynced(plenum.wsUrl, filed.body.docName, basile().token, 'basile')
      await waitFor(() => editor.text().includes(from), 'the amendment’s copy of the text')
      replaceText(editor.doc, from, to)
      await roundTrip(editor)
      editor.destroy()
      expect((await call(plenum, basile().token, 'POST', `/amendments/${filed.body.id}/submit`)).status).toBe(200)
      expect((await call(plenum, bureau, 'POST', `/amendments/${filed.body.id}/ruling`, { admissible: true })).status).toBe(200)
      return filed.body.id
    }
    const text = docText(await loadDoc(proposal.docName))
    const words = text.split(' ')
    const adoptedId = await amend(words[0]!, `${words[0]} (adopté)`)
    const rejectedId = await amend(words.at(-1)!, `${words.at(-1)} (rejeté)`)
    expect((await call(plenum, bureau, 'POST', '/ballots', { congressId: plenum.seed.congressId, subject: { kind: 'amendment', id: adoptedId } })).status).toBe(409)
    await setPhase(plenum, bureau, 'voting')

    const adopting = await openedBallot(plenum, bureau, { kind: 'amendment', id: adoptedId })
    expect(adopting.subject).toMatchObject({ kind: 'amendment', docName: proposal.docName, proposalNumber: proposal.number })
    expect((await call(plenum, basile().token, 'POST', `/amendments/${adoptedId}/withdraw`)).status).toBe(409)
    for (const person of [alice(), basile()]) await vote(plenum, person.token, adopting.id, 'yes')
    await step(plenum, bureau, adopting.id, 'close')
    expect((await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${adoptedId}`)).body.status).toBe('admissible')
    await step(plenum, bureau, adopting.id, 'publish')
    expect((await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${adoptedId}`)).body.status).toBe('merged')
    expect(await loadDoc(proposal.docName).then(docText)).toContain('(adopté)')

    const rejecting = await openedBallot(plenum, bureau, { kind: 'amendment', id: rejectedId })
    for (const person of [alice(), basile()]) await vote(plenum, person.token, rejecting.id, 'no')
    await step(plenum, bureau, rejecting.id, 'close')
    await step(plenum, bureau, rejecting.id, 'publish')
    expect((await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${rejectedId}`)).body.status).toBe('rejected')
    expect(await loadDoc(proposal.docName).then(docText)).not.toContain('(rejeté)')
  })

  async function loadDoc(docName: string) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, (await plenum.server.sync.documents.read(docName))!)
    return doc
  }

  test('self check-in with the room’s code, the projector and the results table', async () => {
    const projector = await call<ProjectorView>(plenum, bureau, 'GET', `${congressPath()}/projector`)
    expect(projector.body.roomCode).toMatch(/^\d{6}$/)
    expect(projector.body.joinUrl).toBe(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/vote`)
    expect((await call(plenum, damien().token, 'GET', `${congressPath()}/projector`)).status).toBe(403)

    expect((await call(plenum, damien().token, 'GET', `${congressPath()}/check-in`)).body).toEqual({ present: false })
    // The desk scans a badge: its QR code is the join link with the personal code.
    const scanned = await call(plenum, bureau, 'POST', `${congressPath()}/attendance`, { code: `${plenum.baseUrl}/join/${chloe().code.toLowerCase()}` })
    expect(scanned.body).toMatchObject({ id: chloe().id, present: true })
    expect((await call(plenum, bureau, 'POST', `${congressPath()}/attendance`, { code: 'ZZZZ-ZZZZ-ZZZZ' })).status).toBe(404)
    const wrong = await call(plenum, damien().token, 'POST', `${congressPath()}/check-in`, { roomCode: projector.body.roomCode === '000000' ? '111111' : '000000' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.code).toBe('room_code_mismatch')
    expect((await call(plenum, damien().token, 'POST', `${congressPath()}/check-in`, { roomCode: projector.body.roomCode })).status).toBe(200)
    expect((await call(plenum, damien().token, 'GET', `${congressPath()}/check-in`)).body).toEqual({ present: true })
    // Wrong codes sent all at once: only the budget's five are compared with the code, the rest wait.
    const burst = await Promise.all(Array.from({ length: 20 }, () => call(plenum, chloe().token, 'POST', `${congressPath()}/check-in`, { roomCode: 'x' })))
    expect(burst.filter((answer) => answer.body.error?.code === 'room_code_mismatch')).toHaveLength(5)
    expect(burst.filter((answer) => answer.status === 429)).toHaveLength(15)
    const limited = await call(plenum, chloe().token, 'POST', `${congressPath()}/check-in`, { roomCode: projector.body.roomCode })
    expect(limited.status).toBe(429)
    expect(limited.body.error).toMatchObject({ code: 'room_code_limited', retryAfterSeconds: expect.any(Number) })

    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' })
    const shown = await call<ProjectorView>(plenum, bureau, 'GET', `${congressPath()}/projector`)
    expect(shown.body.ballot?.id).toBe(ballot.id)
    expect(shown.body.ballot?.electorate?.present).toBe(4)
    const qr = await fetch(`${plenum.baseUrl}/api${congressPath()}/join-qr.svg`, { headers: { authorization: `Bearer ${damien().token}` } })
    expect(qr.headers.get('content-type')).toContain('image/svg+xml')
    expect(await qr.text()).toContain('<svg')
    await step(plenum, bureau, ballot.id, 'close')

    const csv = await fetch(`${plenum.baseUrl}/api${congressPath()}/results.csv`, { headers: { authorization: `Bearer ${bureau}` } })
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toContain('Objet;Statut;Scrutin;Majorité')
    expect(lines.some((l) => l.startsWith(`Proposition ${plenum.seed.proposals[0]!.number};publié;secret;absolue;votants;5;3;0;1;1;0;2;2;2;`))).toBe(true)
    expect(lines.some((l) => l.startsWith('Motion;clos;'))).toBe(true)
    expect((await fetch(`${plenum.baseUrl}/api${congressPath()}/results.csv`, { headers: { authorization: `Bearer ${alice().token}` } })).status).toBe(403)
  })
})
