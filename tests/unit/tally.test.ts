import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { defaultBallotRule, majorities, majorityBases, type BallotRule, type Choice, type Quorum } from '../../shared/ballots/ballot-rule.ts'
import { tally } from '../../shared/ballots/tally.ts'
import type { BallotOutcome, Electorate } from '../../shared/ballots/tally-types.ts'

const votes = (yes: number, no: number, abstain = 0): Choice[] => [...Array<Choice>(yes).fill('yes'), ...Array<Choice>(no).fill('no'), ...Array<Choice>(abstain).fill('abstain')]
const rule = (patch: Partial<BallotRule>): BallotRule => ({ ...defaultBallotRule, ...patch })
const room = (entitled: number, present: number, represented = 0): Electorate => ({ entitled, present, represented })

describe('the tally, case by case', () => {
  const cases: { name: string; rule: Partial<BallotRule>; electorate: Electorate; votes: Choice[]; base: number; threshold: number; outcome: BallotOutcome }[] = [
    // CGCT, art. L2121-20: a municipal council decides by absolute majority of votes expressed; abstentions are not expressed.
    { name: 'council: 20 for, 15 against, 10 abstentions → adopted', rule: { majority: 'absolute', base: 'expressed' }, electorate: room(49, 45), votes: votes(20, 15, 10), base: 35, threshold: 18, outcome: 'adopted' },
    { name: 'the same votes counted on votes cast (abstentions in the base) → rejected', rule: { majority: 'absolute', base: 'cast' }, electorate: room(49, 45), votes: votes(20, 15, 10), base: 45, threshold: 23, outcome: 'rejected' },
    { name: 'simple majority: more yes than no', rule: {}, electorate: room(30, 30), votes: votes(11, 10, 9), base: 21, threshold: 11, outcome: 'adopted' },
    { name: 'a tie rejects', rule: {}, electorate: room(30, 30), votes: votes(10, 10, 5), base: 20, threshold: 11, outcome: 'rejected' },
    { name: 'absolute majority: exactly half is not enough', rule: { majority: 'absolute' }, electorate: room(40, 40), votes: votes(15, 15), base: 30, threshold: 16, outcome: 'rejected' },
    { name: 'absolute majority of an odd base', rule: { majority: 'absolute' }, electorate: room(40, 40), votes: votes(16, 15), base: 31, threshold: 16, outcome: 'adopted' },
    { name: 'two-thirds exactly reached: 20 of 30', rule: { majority: 'two-thirds' }, electorate: room(40, 40), votes: votes(20, 10), base: 30, threshold: 20, outcome: 'adopted' },
    { name: 'two-thirds missed by one: 19 of 29 expressed', rule: { majority: 'two-thirds' }, electorate: room(40, 40), votes: votes(19, 10), base: 29, threshold: 20, outcome: 'rejected' },
    { name: 'three-fifths: 18 of 30', rule: { majority: 'three-fifths' }, electorate: room(40, 40), votes: votes(18, 12), base: 30, threshold: 18, outcome: 'adopted' },
    { name: 'three-fifths missed: 17 of 30', rule: { majority: 'three-fifths' }, electorate: room(40, 40), votes: votes(17, 13), base: 30, threshold: 18, outcome: 'rejected' },
    { name: 'only abstentions: nothing is adopted', rule: {}, electorate: room(10, 10), votes: votes(0, 0, 7), base: 0, threshold: 1, outcome: 'rejected' },
    { name: 'nobody voted, two-thirds: nothing is adopted', rule: { majority: 'two-thirds' }, electorate: room(10, 10), votes: [], base: 0, threshold: 1, outcome: 'rejected' },
    { name: 'base of present and represented: proxies count', rule: { majority: 'absolute', base: 'present' }, electorate: room(150, 100, 20), votes: votes(60, 30, 10), base: 120, threshold: 61, outcome: 'rejected' },
    { name: 'base of entitled voters', rule: { majority: 'absolute', base: 'entitled' }, electorate: room(340, 200, 10), votes: votes(171, 20), base: 340, threshold: 171, outcome: 'adopted' },
    { name: 'quorum of half of 340 entitled, 169 present or represented → not met', rule: { quorum: { kind: 'share', share: 0.5 } }, electorate: room(340, 160, 9), votes: votes(100, 10), base: 110, threshold: 11, outcome: 'no-quorum' },
    { name: 'quorum of half of 340 entitled, 170 present or represented → met', rule: { quorum: { kind: 'share', share: 0.5 } }, electorate: room(340, 160, 10), votes: votes(100, 10), base: 110, threshold: 11, outcome: 'adopted' },
    { name: 'quorum of a third of 300 is 100, not 101', rule: { quorum: { kind: 'share', share: 1 / 3 } }, electorate: room(300, 100), votes: votes(50, 10), base: 60, threshold: 11, outcome: 'adopted' },
    { name: 'quorum by number, not met', rule: { quorum: { kind: 'count', count: 50 } }, electorate: room(100, 40, 9), votes: votes(40, 0), base: 40, threshold: 1, outcome: 'no-quorum' },
  ]
  for (const c of cases) {
    test(c.name, () => {
      const result = tally(rule(c.rule), c.electorate, c.votes)
      expect({ base: result.base, threshold: result.threshold, outcome: result.outcome }).toEqual({ base: c.base, threshold: c.threshold, outcome: c.outcome })
    })
  }

  test('counts, quorum required and met are reported', () => {
    expect(tally(rule({ quorum: { kind: 'share', share: 0.5 } }), room(340, 160, 10), votes(100, 10, 5))).toEqual({
      yes: 100, no: 10, abstain: 5, cast: 115, expressed: 110, base: 110, threshold: 11, quorumRequired: 170, quorumMet: true, outcome: 'adopted',
    })
  })
})

const quorumArb: fc.Arbitrary<Quorum> = fc.oneof(
  fc.constant<Quorum>({ kind: 'none' }),
  fc.integer({ min: 1, max: 500 }).map((count): Quorum => ({ kind: 'count', count })),
  fc.double({ min: 0.01, max: 1, noNaN: true }).map((share): Quorum => ({ kind: 'share', share })),
)
const ruleArb: fc.Arbitrary<BallotRule> = fc.record({
  majority: fc.constantFrom(...majorities),
  base: fc.constantFrom(...majorityBases),
  quorum: quorumArb,
  secrecy: fc.constantFrom('secret' as const, 'roll-call' as const),
  proxies: fc.record({ allowed: fc.boolean(), maxPerHolder: fc.integer({ min: 1, max: 10 }) }),
})
const ballotsArb = fc.array(fc.constantFrom<Choice>('yes', 'no', 'abstain'), { maxLength: 300 })
/** A room where everyone who voted was present or represented. */
const caseArb = fc
  .tuple(ruleArb, ballotsArb, fc.nat(200), fc.nat(100), fc.nat(300))
  .map(([r, ballots, extraPresent, represented, absent]) => {
    const present = Math.max(0, ballots.length - represented) + extraPresent
    return { rule: r, ballots, electorate: room(present + represented + absent, present, represented) }
  })

describe('the tally, by its properties', () => {
  test('counts add up to the ballots; expressed never exceeds cast; the threshold is at least one', () => {
    fc.assert(
      fc.property(caseArb, ({ rule: r, ballots, electorate }) => {
        const t = tally(r, electorate, ballots)
        expect(t.yes + t.no + t.abstain).toBe(ballots.length)
        expect(t.cast).toBe(ballots.length)
        expect(t.expressed).toBeLessThanOrEqual(t.cast)
        expect(t.threshold).toBeGreaterThanOrEqual(1)
      }),
    )
  })

  test('one more yes never turns adopted into anything else; one more no never turns rejected into adopted', () => {
    fc.assert(
      fc.property(caseArb, ({ rule: r, ballots, electorate }) => {
        const before = tally(r, electorate, ballots).outcome
        // The added voter was present: the room grows with them, so the quorum cannot fall.
        const bigger = { ...electorate, entitled: electorate.entitled + 1, present: electorate.present + 1 }
        const sameRoom = ballots.length < electorate.present + electorate.represented ? electorate : bigger
        if (before === 'adopted') expect(tally(r, sameRoom, [...ballots, 'yes']).outcome).toBe('adopted')
        if (before === 'rejected') expect(tally(r, sameRoom, [...ballots, 'no']).outcome).not.toBe('adopted')
      }),
    )
  })

  test('no quorum exactly when those present and represented fall short of it', () => {
    fc.assert(
      fc.property(caseArb, ({ rule: r, ballots, electorate }) => {
        const t = tally(r, electorate, ballots)
        expect(t.outcome === 'no-quorum').toBe(electorate.present + electorate.represented < t.quorumRequired)
      }),
    )
  })

  test('the order of the ballots does not matter', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), ({ rule: r, ballots, electorate }, seed) => {
        const shuffled = [...ballots].sort((a, b) => ((a.charCodeAt(0) * 31 + seed) % 7) - ((b.charCodeAt(0) * 31 + seed) % 7))
        expect(tally(r, electorate, shuffled)).toEqual(tally(r, electorate, ballots))
      }),
    )
  })
})
