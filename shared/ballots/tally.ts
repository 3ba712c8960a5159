import type { BallotRule, Choice } from './ballot-rule.ts'
import type { ChoiceCounts, Electorate, Tally } from './tally-types.ts'

export function countChoices(ballots: readonly Choice[]): { yes: number; no: number; abstain: number } {
  const counts = { yes: 0, no: 0, abstain: 0 }
  for (const choice of ballots) counts[choice]++
  return counts
}

/** Yes votes needed, in integers only: a share of the base computed in floats could round wrong. */
function thresholdFor(rule: BallotRule, base: number, no: number): number {
  switch (rule.majority) {
    case 'simple':
      return no + 1
    case 'absolute':
      return Math.floor(base / 2) + 1
    case 'two-thirds':
      return Math.max(1, Math.floor((2 * base + 2) / 3))
    case 'three-fifths':
      return Math.max(1, Math.floor((3 * base + 4) / 5))
  }
}

function quorumFor(rule: BallotRule, entitled: number): number {
  const { quorum } = rule
  if (quorum.kind === 'none') return 0
  if (quorum.kind === 'count') return quorum.count
  // 0.5 × 340 or 1/3 × 300 must land on 170 and 100, not one above by float error.
  return Math.ceil(Math.round(quorum.share * entitled * 1e9) / 1e9)
}

/**
 * The count under French assembly practice: simple majority is more yes than no (a tie rejects);
 * absolute, two-thirds and three-fifths are shares of the base (votes expressed by default, so
 * abstentions count for nothing). The quorum is met by voters present or represented at opening;
 * without it the ballot decides nothing. A count the bureau made in the room (`room`, a show of
 * hands) adds to the votes cast on phones: one rule, one quorum, one result for both.
 */
export function tally(rule: BallotRule, electorate: Electorate, ballots: readonly Choice[], room: ChoiceCounts | null = null): Tally {
  const counted = countChoices(ballots)
  const yes = counted.yes + (room?.yes ?? 0)
  const no = counted.no + (room?.no ?? 0)
  const abstain = counted.abstain + (room?.abstain ?? 0)
  const cast = yes + no + abstain
  const expressed = yes + no
  const base = { expressed, cast, present: electorate.present + electorate.represented, entitled: electorate.entitled }[rule.base]
  const threshold = thresholdFor(rule, base, no)
  const quorumRequired = quorumFor(rule, electorate.entitled)
  const quorumMet = electorate.present + electorate.represented >= quorumRequired
  const outcome = !quorumMet ? 'no-quorum' : yes >= threshold ? 'adopted' : 'rejected'
  return { yes, no, abstain, cast, expressed, base, threshold, quorumRequired, quorumMet, outcome }
}
