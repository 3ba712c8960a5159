import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { defaultBallotRule, type BallotRule, type Choice } from '../../shared/ballots/ballot-rule.ts'
import { byNameThenId, countingMethod, countsOfNames, electronicFigures, roomCountExcess } from '../../shared/ballots/room-count.ts'
import { tally } from '../../shared/ballots/tally.ts'
import type { BallotOutcome, ChoiceCounts, Electorate } from '../../shared/ballots/tally-types.ts'
import { parseRoomCount } from '../../shared/requests/ballot-requests.ts'

const votes = (yes: number, no: number, abstain = 0): Choice[] => [...Array<Choice>(yes).fill('yes'), ...Array<Choice>(no).fill('no'), ...Array<Choice>(abstain).fill('abstain')]
const rule = (patch: Partial<BallotRule>): BallotRule => ({ ...defaultBallotRule, ...patch })
const electorate = (entitled: number, present: number, represented = 0): Electorate => ({ entitled, present, represented })
const counts = (yes: number, no: number, abstain = 0): ChoiceCounts => ({ yes, no, abstain })

describe('the tally with a count in the room: one rule and one quorum for phones and room together', () => {
  const cases: {
    name: string
    rule: Partial<BallotRule>
    electorate: Electorate
    phones: Choice[]
    room: ChoiceCounts | null
    totals: ChoiceCounts
    base: number
    threshold: number
    outcome: BallotOutcome
  }[] = [
    { name: 'show of hands only: 12 for, 8 against, 3 abstentions → adopted', rule: {}, electorate: electorate(30, 25), phones: [], room: counts(12, 8, 3), totals: counts(12, 8, 3), base: 20, threshold: 9, outcome: 'adopted' },
    { name: 'show of hands only, a tie rejects', rule: {}, electorate: electorate(30, 25), phones: [], room: counts(10, 10, 2), totals: counts(10, 10, 2), base: 20, threshold: 11, outcome: 'rejected' },
    { name: 'mixed: the room turns a rejection on phones into an adoption', rule: {}, electorate: electorate(40, 35), phones: votes(10, 12), room: counts(5, 1), totals: counts(15, 13), base: 28, threshold: 14, outcome: 'adopted' },
    { name: 'mixed, absolute majority of votes cast: abstentions in the room count in the base', rule: { majority: 'absolute', base: 'cast' }, electorate: electorate(40, 40), phones: votes(15, 5, 0), room: counts(3, 2, 10), totals: counts(18, 7, 10), base: 35, threshold: 18, outcome: 'adopted' },
    { name: 'mixed, two-thirds just reached despite the room’s votes against', rule: { majority: 'two-thirds' }, electorate: electorate(40, 40), phones: votes(20, 5), room: counts(0, 5), totals: counts(20, 10), base: 30, threshold: 20, outcome: 'adopted' },
    { name: 'mixed, two-thirds missed by one', rule: { majority: 'two-thirds' }, electorate: electorate(40, 40), phones: votes(19, 5), room: counts(0, 5), totals: counts(19, 10), base: 29, threshold: 20, outcome: 'rejected' },
    { name: 'base of present and represented: proxies count, the room does not change it', rule: { majority: 'absolute', base: 'present' }, electorate: electorate(150, 100, 20), phones: votes(40, 10), room: counts(21, 5, 4), totals: counts(61, 15, 4), base: 120, threshold: 61, outcome: 'adopted' },
    { name: 'quorum counts people present at opening, not hands: not met however many hands', rule: { quorum: { kind: 'share', share: 0.5 } }, electorate: electorate(340, 160, 9), phones: [], room: counts(150, 10), totals: counts(150, 10), base: 160, threshold: 11, outcome: 'no-quorum' },
    { name: 'quorum met by those present, counted in the room', rule: { quorum: { kind: 'count', count: 50 } }, electorate: electorate(100, 50), phones: votes(10, 0), room: counts(20, 15, 5), totals: counts(30, 15, 5), base: 45, threshold: 16, outcome: 'adopted' },
    { name: 'a room count of nothing changes nothing', rule: {}, electorate: electorate(10, 10), phones: votes(3, 2), room: counts(0, 0, 0), totals: counts(3, 2), base: 5, threshold: 3, outcome: 'adopted' },
    { name: 'no room count: the phones alone', rule: {}, electorate: electorate(10, 10), phones: votes(2, 3), room: null, totals: counts(2, 3), base: 5, threshold: 4, outcome: 'rejected' },
  ]
  for (const c of cases) {
    test(c.name, () => {
      const result = tally(rule(c.rule), c.electorate, c.phones, c.room)
      expect({ yes: result.yes, no: result.no, abstain: result.abstain, base: result.base, threshold: result.threshold, outcome: result.outcome }).toEqual({ ...c.totals, base: c.base, threshold: c.threshold, outcome: c.outcome })
      // The phones' own figures come back apart from the total.
      expect(electronicFigures(result, c.room)).toEqual(countsOfNamesOrPhones(c.phones))
    })
  }

  test('a count in the room is the same as that many votes on phones', () => {
    const choiceArb = fc.constantFrom<Choice>('yes', 'no', 'abstain')
    fc.assert(
      fc.property(fc.array(choiceArb, { maxLength: 200 }), fc.array(choiceArb, { maxLength: 200 }), fc.integer({ min: 1, max: 500 }), (phones, hands, entitled) => {
        const e = electorate(entitled, entitled)
        const r = rule({ majority: 'absolute', base: 'cast' })
        expect(tally(r, e, phones, countsOfNames(hands.map((choice, i) => ({ participantId: `p${i}`, choice }))))).toEqual(tally(r, e, [...phones, ...hands]))
      }),
    )
  })
})

function countsOfNamesOrPhones(phones: readonly Choice[]): ChoiceCounts {
  return countsOfNames(phones.map((choice, i) => ({ participantId: `p${i}`, choice })))
}

describe('what a count in the room may add: phones and room within the votes the list allows', () => {
  const cases: { name: string; electorate: Electorate; phones: number; room: ChoiceCounts; excess: number }[] = [
    { name: 'all present voting by hand', electorate: electorate(30, 25), phones: 0, room: counts(20, 4, 1), excess: 0 },
    { name: 'one hand too many', electorate: electorate(30, 25), phones: 0, room: counts(20, 5, 1), excess: 1 },
    { name: 'proxies are votes too: 25 present and 3 represented allow 28', electorate: electorate(30, 25, 3), phones: 10, room: counts(10, 5, 3), excess: 0 },
    { name: 'phones and room together past the list', electorate: electorate(30, 25, 3), phones: 10, room: counts(10, 5, 4), excess: 1 },
    { name: 'entitled but absent people do not vote in the room', electorate: electorate(300, 20), phones: 0, room: counts(21, 0, 0), excess: 1 },
    { name: 'nothing counted', electorate: electorate(5, 0), phones: 0, room: counts(0, 0, 0), excess: 0 },
  ]
  for (const c of cases) test(c.name, () => expect(roomCountExcess(c.electorate, c.phones, c.room)).toBe(c.excess))

  test('how it was counted: phones, room or both', () => {
    expect(countingMethod({ cast: 12 }, null)).toBe('electronic')
    expect(countingMethod({ cast: 12 }, counts(6, 4, 2))).toBe('room')
    expect(countingMethod({ cast: 12 }, counts(6, 4, 0))).toBe('mixed')
    expect(countingMethod({ cast: 0 }, counts(0, 0, 0))).toBe('room')
  })

  test('names in the room are listed by name then id, as code points', () => {
    const names = [
      { participantId: 'b', name: 'Élise' },
      { participantId: 'c', name: 'Anne' },
      { participantId: 'a', name: 'Anne' },
      { participantId: 'd', name: 'Zoé' },
    ]
    expect([...names].sort(byNameThenId).map((n) => `${n.name}/${n.participantId}`)).toEqual(['Anne/a', 'Anne/c', 'Zoé/d', 'Élise/b'])
  })
})

describe('the body of a count in the room', () => {
  test('numbers, or names with their choice: one or the other', () => {
    expect(parseRoomCount({ counts: { yes: 3, no: 0, abstain: 2 } })).toEqual({ ok: true, value: { counts: { yes: 3, no: 0, abstain: 2 } } })
    expect(parseRoomCount({ names: [{ participantId: 'p1', choice: 'no' }] })).toEqual({ ok: true, value: { names: [{ participantId: 'p1', choice: 'no' }] } })
    expect(parseRoomCount({ names: [] })).toEqual({ ok: true, value: { names: [] } })
  })

  const refused: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['neither', {}, { field: 'counts', rule: 'shape' }],
    ['both', { counts: { yes: 1, no: 0, abstain: 0 }, names: [] }, { field: 'counts', rule: 'shape' }],
    ['a negative count', { counts: { yes: -1, no: 0, abstain: 0 } }, { field: 'counts.yes', rule: 'integer_range' }],
    ['a count missing', { counts: { yes: 1, no: 0 } }, { field: 'counts.abstain', rule: 'integer_range' }],
    ['half a hand', { counts: { yes: 1.5, no: 0, abstain: 0 } }, { field: 'counts.yes', rule: 'integer_range' }],
    ['names not a list', { names: 'Anne' }, { field: 'names', rule: 'list_length' }],
    ['a name without id', { names: [{ choice: 'yes' }] }, { field: 'participantId', rule: 'id', line: 1 }],
    ['an unknown choice', { names: [{ participantId: 'p1', choice: 'pour' }] }, { field: 'choice', rule: 'one_of', line: 1 }],
    ['one person counted twice', { names: [{ participantId: 'p1', choice: 'yes' }, { participantId: 'p2', choice: 'no' }, { participantId: 'p1', choice: 'no' }] }, { field: 'participantId', rule: 'duplicate', otherLine: 1, line: 3 }],
  ]
  for (const [name, body, problem] of refused) {
    test(`refused: ${name}`, () => {
      const result = parseRoomCount(body)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.problems[0]).toMatchObject(problem)
    })
  }
})
