import { describe, expect, test } from 'vitest'
import { followedOrder, nextVote, pendingBallot, type BallotOnSubject } from '../../shared/floor/next-vote.ts'
import { runningOrder, type FloorAmendment } from '../../shared/floor/running-order.ts'

/** An amendment on `lines` (from-to) of the text; `distance` orders those of one passage. */
const on = (id: string, number: number, from: number, to: number, options: Partial<FloorAmendment> = {}): FloorAmendment => ({
  id,
  label: id,
  number,
  parentId: null,
  changed: [{ from, to }],
  deletion: false,
  distance: 2,
  result: `text of ${id}`,
  ...options,
})
const ballot = (id: string, kind: 'amendment' | 'proposal', subjectId: string, status: BallotOnSubject['status'], createdAt = 1): BallotOnSubject => ({ id, status, createdAt, subject: { kind, id: subjectId } })

const a1 = on('A1', 1, 1, 1)
const a2 = on('A2', 2, 1, 1, { deletion: true })
const a3 = on('A3', 3, 4, 4)
const order = runningOrder([a1, a2, a3])
const proposal = { kind: 'proposal', id: 'P2', outcome: null } as const

describe('what is voted next on the item under debate', () => {
  test('the first vote of the running order: the deletion, with no ballot yet', () => {
    expect(nextVote(order, proposal, [])).toEqual({ kind: 'amendment', ids: ['A2'], ballot: null })
  })

  test('its ballot, once made and until published; the latest of several', () => {
    const old = ballot('b0', 'amendment', 'A2', 'published', 1)
    const draft = ballot('b1', 'amendment', 'A2', 'draft', 2)
    expect(nextVote(order, proposal, [old, draft, ballot('b2', 'amendment', 'A1', 'draft', 3)])).toEqual({ kind: 'amendment', ids: ['A2'], ballot: draft })
    expect(pendingBallot([old], 'amendment', 'A2')).toBeNull()
    const open = ballot('b3', 'amendment', 'A2', 'open', 4)
    expect(pendingBallot([draft, open], 'amendment', 'A2')).toBe(open)
  })

  test('identical amendments are one vote', () => {
    const twin = on('A4', 4, 1, 1, { deletion: true, result: a2.result })
    expect(nextVote(runningOrder([a1, a2, twin]), proposal, [])).toMatchObject({ kind: 'amendment', ids: ['A2', 'A4'] })
  })

  test('no amendment left: the proposal as amended, then nothing once its vote is published', () => {
    const empty = runningOrder([])
    expect(nextVote(empty, proposal, [])).toEqual({ kind: 'proposal', id: 'P2', ballot: null })
    const open = ballot('b5', 'proposal', 'P2', 'open')
    expect(nextVote(empty, proposal, [open])).toEqual({ kind: 'proposal', id: 'P2', ballot: open })
    expect(nextVote(empty, { ...proposal, outcome: 'adopted' }, [])).toEqual({ kind: 'done' })
  })

  test('a vote by division: its parts before the whole, in the order made; a block is each member’s ballot', () => {
    const empty = runningOrder([])
    const whole = ballot('w', 'proposal', 'P2', 'draft', 5)
    const part = (id: string, createdAt: number, status: BallotOnSubject['status'] = 'draft'): BallotOnSubject => ({ id, status, createdAt, subject: { kind: 'proposal', id: 'P2', part: { label: id } } })
    const [second, third] = [part('§2', 6), part('§3', 7)]
    expect(nextVote(empty, proposal, [whole, third, second])).toMatchObject({ kind: 'proposal', ballot: second })
    expect(nextVote(empty, proposal, [whole, part('§2', 6, 'published'), third])).toMatchObject({ kind: 'proposal', ballot: third })
    expect(nextVote(empty, proposal, [whole, part('§2', 6, 'published'), part('§3', 7, 'published')])).toMatchObject({ kind: 'proposal', ballot: whole })
    const block: BallotOnSubject = { id: 'bl', status: 'draft', createdAt: 8, subject: { kind: 'proposal', id: 'P1', block: [{ id: 'P1' }, { id: 'P2' }] } }
    expect(nextVote(empty, proposal, [block])).toMatchObject({ kind: 'proposal', ballot: block })
    expect(pendingBallot([ballot('other', 'proposal', 'P1', 'draft')], 'proposal', 'P2')).toBeNull()
  })

  test('the preamble has no ballot of its own: it goes with the motion', () => {
    expect(nextVote(runningOrder([]), { kind: 'preamble' }, [])).toEqual({ kind: 'preamble' })
    expect(nextVote(order, { kind: 'preamble' }, [])).toMatchObject({ kind: 'amendment', ids: ['A2'] })
  })

  test('the bureau’s own order is followed while it fits the votes', () => {
    const mine = followedOrder(order, ['A3', 'A2', 'A1'])
    expect(mine.byBureau).toBe(true)
    expect(nextVote(mine.order, proposal, [])).toMatchObject({ kind: 'amendment', ids: ['A3'] })
    const stale = followedOrder(order, ['A3', 'A1'])
    expect(stale.byBureau).toBe(false)
    expect(nextVote(stale.order, proposal, [])).toMatchObject({ kind: 'amendment', ids: ['A2'] })
    expect(followedOrder(order, undefined)).toEqual({ order, byBureau: false })
  })
})
