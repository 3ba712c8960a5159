import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AuditEntryView, BoardView, MyBallotView } from '../../shared/api-types.ts'
import type { Choice } from '../../shared/ballots/ballot-rule.ts'
import { deviceNonceOf, receiptMatches } from '../../shared/ballots/receipt.ts'
import { encodeVoteRequest, voteRequestBytes } from '../../shared/ballots/vote-request.ts'
import { call, checkIn, openedBallot, setPhase, step } from '../helpers/ballots.ts'
import { bearer, importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const hex = () => randomBytes(16).toString('hex')

/** What the hall's Wi-Fi sees of a vote, what the voter's device can check, and what a refused vote leaves. */
describe('the vote on the wire', () => {
  let plenum: TestServer
  let bureau: string
  let voters: Signed[]

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    voters = await importAndSignIn(plenum, bureau, ['Anne Pour', 'Noé Contre', 'Aby Neutre', 'Paul Porteur', 'Gina Donne'].map((name) => ({ name, role: 'attendee' as const })))
    await setPhase(plenum, bureau, 'voting')
  })
  afterAll(() => plenum.close())

  /** The request exactly as the page sends it; the answer's raw bytes. */
  async function post(token: string, ballotId: string, request: Parameters<typeof encodeVoteRequest>[0]) {
    const body = encodeVoteRequest(request)
    const response = await fetch(`${plenum.baseUrl}/api/ballots/${ballotId}/votes`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body })
    const bytes = Buffer.from(await response.arrayBuffer())
    return { status: response.status, requestBytes: Buffer.byteLength(body), bytes, json: JSON.parse(bytes.toString('utf8')) as { receipt: string; nonce: string; error?: { code: string; message: string } } }
  }

  test('requests and answers have one length whatever the choice; the device recomputes its receipt; a retry gets it only while open', async () => {
    await checkIn(plenum, bureau, voters.slice(0, 3).map((v) => v.id))
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' })
    const choices: Choice[] = ['yes', 'no', 'abstain']
    const sent = choices.map((choice, i) => ({ voter: voters[i]!, request: { choice, clientVoteId: hex(), deviceNonce: hex() } }))
    const answers = await Promise.all(sent.map(({ voter, request }) => post(voter.token, ballot.id, request)))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(answers.map((a) => a.requestBytes)).toEqual([voteRequestBytes, voteRequestBytes, voteRequestBytes])
    expect(new Set(answers.map((a) => a.bytes.length)).size).toBe(1)

    for (const [i, { request }] of sent.entries()) {
      const { receipt, nonce } = answers[i]!.json
      expect(receiptMatches({ ballotId: ballot.id, choice: request.choice, serverNonce: nonce, deviceNonce: request.deviceNonce, receipt })).toBe(true)
    }
    // A retry (same clientVoteId) gets the same answer, byte for byte, while the ballot is open.
    const retry = await post(voters[0]!.token, ballot.id, sent[0]!.request)
    expect(retry.bytes.equals(answers[0]!.bytes)).toBe(true)

    await step(plenum, bureau, ballot.id, 'close')
    const late = await post(voters[0]!.token, ballot.id, sent[0]!.request)
    expect(late.status).toBe(409)
    expect(late.json.error?.code).toBe('ballot_closed')
    expect(late.json.error?.message).toMatch(/tableau des bulletins/)

    // Each device finds its vote on the board by its own half of the nonce.
    await step(plenum, bureau, ballot.id, 'publish')
    const board = (await call<BoardView>(plenum, voters[1]!.token, 'GET', `/ballots/${ballot.id}/board`)).body
    expect(board.duplicates).toEqual([])
    for (const [i, { request }] of sent.entries()) {
      const entry = board.entries.find((e) => deviceNonceOf(e.nonce) === request.deviceNonce)
      expect(entry).toMatchObject({ receipt: answers[i]!.json.receipt, choice: request.choice })
    }
  })

  test('a vote already cast with your right: you are told when, the attempt is logged, and your activity lists it', async () => {
    const [anne, , , paul, gina] = voters as [Signed, Signed, Signed, Signed, Signed]
    await checkIn(plenum, bureau, [paul.id])
    const proxy = await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/proxies`, { giverId: gina.id, holderId: paul.id })
    expect(proxy.status).toBe(201)
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' })

    // Someone votes with Anne's code; then Anne, on her phone, tries.
    const first = await post(anne.token, ballot.id, { choice: 'no', clientVoteId: hex(), deviceNonce: hex() })
    expect(first.status).toBe(200)
    const mine = await call<MyBallotView>(plenum, anne.token, 'GET', `/ballots/${ballot.id}/me`)
    const castAt = mine.body.rights[0]!.castAt!
    expect(Math.abs(castAt - Date.now())).toBeLessThan(60_000)
    const again = await post(anne.token, ballot.id, { choice: 'yes', clientVoteId: hex(), deviceNonce: hex() })
    expect(again.status).toBe(409)
    expect(again.json.error?.code).toBe('already_voted')
    const time = new Date(castAt).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })
    expect(again.json.error?.message).toContain(time)

    // Pressing again is refused again, and logged once: the log is not a counter anyone can run up.
    expect((await post(anne.token, ballot.id, { choice: 'yes', clientVoteId: hex(), deviceNonce: hex() })).json.error?.code).toBe('already_voted')
    const audit = await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)
    const refused = audit.body.entries.filter((e) => e.action === 'vote.already_cast')
    expect(refused).toHaveLength(1)
    expect(refused[0]!.payload).toEqual({ ballotId: ballot.id, representedId: anne.id, represented: 'Anne Pour', castAt })
    expect(refused[0]!.actorName).toBe('Anne Pour')

    // Paul votes for himself and for Gina; each person's activity lists the votes cast with their right.
    expect((await post(paul.token, ballot.id, { choice: 'yes', clientVoteId: hex(), deviceNonce: hex() })).status).toBe(200)
    expect((await post(paul.token, ballot.id, { choice: 'yes', clientVoteId: hex(), deviceNonce: hex(), onBehalfOf: gina.id })).status).toBe(200)
    const store = plenum.database.createVoteStore()
    const inThisBallot = async (id: string) => (await store.votesCastFor(id)).filter((v) => v.ballotId === ballot.id)
    expect(await store.votesCastFor(anne.id)).toHaveLength(2)
    expect(await inThisBallot(anne.id)).toEqual([{ ballotId: ballot.id, congressId: plenum.seed.congressId, castAt, representedId: anne.id, holderId: anne.id }])
    expect(await inThisBallot(gina.id)).toEqual([expect.objectContaining({ ballotId: ballot.id, representedId: gina.id, holderId: paul.id })])
    expect((await inThisBallot(paul.id)).map((v) => v.representedId).sort()).toEqual([paul.id, gina.id].sort())
    await step(plenum, bureau, ballot.id, 'close')
  })
})
