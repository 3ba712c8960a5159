import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { BallotView, BoardView } from '../../shared/api-types.ts'
import type { Choice } from '../../shared/ballots/ballot-rule.ts'
import { tally } from '../../shared/ballots/tally.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const voterCount = 1000
const choices: readonly Choice[] = ['yes', 'no', 'abstain']

describe('a vote storm', () => {
  let plenum: TestServer
  let bureau: string
  let voters: Signed[]

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    voters = []
    for (let i = 0; i < voterCount; i += 250) {
      voters.push(...(await importAndSignIn(plenum, bureau, Array.from({ length: 250 }, (_, j) => ({ name: `Votant ${i + j}`, role: 'attendee' as const })))))
    }
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
  }, 120_000)
  afterAll(() => plenum.close())

  test('2,000 concurrent requests from 1,000 voters, retries and second votes mixed in: one vote counted per person, every receipt on the board', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' })
    expect(ballot.electorate?.present).toBe(voterCount)

    // Even voters retry their vote (same clientVoteId); odd voters try a second, different vote.
    const requests = voters.flatMap((voter, i) => {
      const clientVoteId = `storm-${i}-${voter.id}`
      const choice = choices[i % 3]!
      const second = i % 2 === 0 ? { choice, clientVoteId } : { choice: choices[(i + 1) % 3]!, clientVoteId: `${clientVoteId}-again` }
      return [
        { voter: i, choice, clientVoteId },
        { voter: i, ...second },
      ]
    })
    const answers = await Promise.all(requests.map(async (r) => ({ ...r, answer: await vote(plenum, voters[r.voter]!.token, ballot.id, r.choice, { clientVoteId: r.clientVoteId }) })))

    const unexpected = answers.filter((a) => a.answer.status !== 200 && a.answer.body.error?.code !== 'already_voted')
    expect(unexpected.map((a) => `${a.answer.status} ${JSON.stringify(a.answer.body)}`)).toEqual([])
    const counted = new Map<string, Choice>()
    for (let i = 0; i < voterCount; i++) {
      const pair = answers.filter((a) => a.voter === i)
      const ok = pair.filter((a) => a.answer.status === 200)
      if (i % 2 === 0) {
        expect(ok).toHaveLength(2)
        expect(ok[0]!.answer.body.receipt).toBe(ok[1]!.answer.body.receipt)
      } else {
        expect(ok, `voter ${i}: exactly one of two different votes gets in`).toHaveLength(1)
      }
      counted.set(ok[0]!.answer.body.receipt, ok[0]!.choice)
    }
    expect(counted.size).toBe(voterCount)

    const rows = await plenum.database.db.selectFrom('ballot_box').select((eb) => eb.fn.countAll<number | string>().as('n')).where('ballot_id', '=', ballot.id).executeTakeFirstOrThrow()
    // PostgreSQL's count is a bigint, which its driver hands over as a string.
    expect(Number(rows.n)).toBe(voterCount)
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    const board = (await call<BoardView>(plenum, voters[0]!.token, 'GET', `/ballots/${ballot.id}/board`)).body
    expect(board.entries).toHaveLength(voterCount)
    for (const entry of board.entries) expect(counted.get(entry.receipt), entry.receipt).toBe(entry.choice)
    const published = (await call<BallotView>(plenum, voters[0]!.token, 'GET', `/ballots/${ballot.id}`)).body
    expect(published.result).toEqual(tally(published.rule, published.electorate!, board.entries.map((e) => e.choice)))
    expect(published.result?.cast).toBe(voterCount)
  }, 120_000)
})
