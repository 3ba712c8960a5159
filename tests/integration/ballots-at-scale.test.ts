import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentView, BoardView, CongressView, FiledAmendmentView } from '../../shared/api-types.ts'
import type { Choice } from '../../shared/ballots/ballot-rule.ts'
import { stateText } from '../../shared/editor/doc-state.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { replaceText } from '../helpers/text-edit.ts'

/** The bar: the bureau runs the 29 proposals' ballots and their amendments' in the room. */
describe('a congress votes its 29 proposals and their amendments', () => {
  let plenum: TestServer
  let bureau: string
  let room: Signed[]

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    room = await importAndSignIn(plenum, bureau, Array.from({ length: 60 }, (_, i) => ({ name: `Élu ${i + 1}`, role: i < 29 ? ('delegate' as const) : ('attendee' as const) })))
  }, 60_000)
  afterAll(() => plenum.close())

  const text = async (docName: string) => {
    const stored = (await plenum.log.load(docName))!
    return stateText(stored.state, stored.updates)
  }

  test('every vote counted once, adopted amendments in the texts, outcomes recorded, every voter finds their ballot', async () => {
    // One amendment per proposal, filed and written by a delegate, ruled admissible.
    await setPhase(plenum, bureau, 'amendments')
    const amendments: FiledAmendmentView[] = []
    for (const [i, proposal] of plenum.seed.proposals.entries()) {
      const author = room[i]!
      const filed = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${proposal.id}/amendments`, {})).body
      const editor = await connectSynced(plenum.wsUrl, filed.docName, author.token)
      const first = (await text(proposal.docName)).split(' ')[0]!
      replaceText(editor.doc, first, `${first} [amendé ${filed.label}]`)
      await roundTrip(editor)
      editor.destroy()
      await call(plenum, author.token, 'POST', `/amendments/${filed.id}/submit`)
      await call(plenum, bureau, 'POST', `/amendments/${filed.id}/ruling`, { admissible: true })
      amendments.push(filed)
    }

    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, room.map((p) => p.id))
    // Two proxies: the last two of the room are represented by the first two.
    for (const i of [0, 1]) await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/proxies`, { giverId: room[58 + i]!.id, holderId: room[i]!.id })

    const receipts: { ballotId: string; receipt: string; choice: Choice }[] = []
    const runBallot = async (subject: { kind: 'amendment' | 'proposal'; id: string }, index: number) => {
      const ballot = await openedBallot(plenum, bureau, subject)
      expect(ballot.electorate).toEqual({ entitled: 61, present: 58, represented: 2 })
      // Odd amendments are rejected (more no than yes), every proposal adopted.
      const against = subject.kind === 'amendment' && index % 2 === 1
      await Promise.all(
        room.slice(0, 58).map(async (voter, v) => {
          const choice: Choice = v % 5 === 4 ? 'abstain' : (v % 3 === 0) === against ? 'yes' : 'no'
          const own = await vote(plenum, voter.token, ballot.id, subject.kind === 'proposal' ? 'yes' : choice)
          receipts.push({ ballotId: ballot.id, receipt: own.body.receipt, choice: subject.kind === 'proposal' ? 'yes' : choice })
          if (v < 2) {
            const proxy = await vote(plenum, voter.token, ballot.id, 'abstain', { onBehalfOf: room[58 + v]!.id })
            receipts.push({ ballotId: ballot.id, receipt: proxy.body.receipt, choice: 'abstain' })
          }
        }),
      )
      await step(plenum, bureau, ballot.id, 'close')
      const published = await step(plenum, bureau, ballot.id, 'publish')
      expect(published.result?.cast).toBe(60)
      return published
    }

    for (const [i, proposal] of plenum.seed.proposals.entries()) {
      const amendmentBallot = await runBallot({ kind: 'amendment', id: amendments[i]!.id }, i)
      expect(amendmentBallot.result?.outcome).toBe(i % 2 === 0 ? 'adopted' : 'rejected')
      expect((await runBallot({ kind: 'proposal', id: proposal.id }, i)).result?.outcome).toBe('adopted')
    }

    const { amendments: after } = (await call<{ amendments: AmendmentView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/amendments`)).body
    for (const [i, proposal] of plenum.seed.proposals.entries()) {
      const label = amendments[i]!.label
      expect(after.find((a) => a.label === label)?.status).toBe(i % 2 === 0 ? 'merged' : 'rejected')
      expect((await text(proposal.docName)).includes(`[amendé ${label}]`)).toBe(i % 2 === 0)
    }
    const congress = (await call<CongressView>(plenum, room[10]!.token, 'GET', `/congresses/${plenum.seed.congressId}`)).body
    expect(congress.proposals.every((p) => p.outcome === 'adopted')).toBe(true)

    // Every voter's receipt is on its ballot's board, with the choice they made.
    expect(receipts).toHaveLength(58 * 60)
    const boards = new Map<string, BoardView>()
    for (const { ballotId, receipt, choice } of receipts) {
      if (!boards.has(ballotId)) boards.set(ballotId, (await call<BoardView>(plenum, room[30]!.token, 'GET', `/ballots/${ballotId}/board`)).body)
      expect(boards.get(ballotId)!.entries.find((e) => e.receipt === receipt)?.choice).toBe(choice)
    }
  }, 180_000)
})
