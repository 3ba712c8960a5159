import type { Choice } from './ballot-rule.ts'
import type { ChoiceCounts, Electorate, Tally } from './tally-types.ts'

// A count made in the room (show of hands, or paper) beside the votes cast on phones: what the
// server checks, what every page and the seal show apart, and plenum verify recounts.

/** One person counted in the room by name (roll-call ballots), as the bureau enters it. */
export interface RoomVote {
  readonly participantId: string
  readonly choice: Choice
}

/** How a counted ballot was counted: on phones only, in the room only, or both. */
export const countingMethods = ['electronic', 'room', 'mixed'] as const
export type CountingMethod = (typeof countingMethods)[number]

export const castOf = (counts: ChoiceCounts): number => counts.yes + counts.no + counts.abstain

export function countsOfNames(names: readonly RoomVote[]): ChoiceCounts {
  const counts = { yes: 0, no: 0, abstain: 0 }
  for (const name of names) counts[name.choice]++
  return counts
}

/** Votes the ballot's list allows: one per person present for themselves, one per proxy carried. */
export const rightsOf = (electorate: Electorate): number => electorate.present + electorate.represented

/**
 * By how many votes the phones and the room together pass the votes the list allows (0: they fit).
 * Each right is one vote, cast once: more votes than rights means someone was counted twice.
 */
export function roomCountExcess(electorate: Electorate, electronicCast: number, room: ChoiceCounts): number {
  return Math.max(0, electronicCast + castOf(room) - rightsOf(electorate))
}

/** The votes cast on phones, from the result (phones and room together) and the room's count. */
export function electronicFigures(result: ChoiceCounts, room: ChoiceCounts | null): ChoiceCounts {
  if (!room) return { yes: result.yes, no: result.no, abstain: result.abstain }
  return { yes: result.yes - room.yes, no: result.no - room.no, abstain: result.abstain - room.abstain }
}

/** No count in the room: electronic; nobody on a phone: in the room; else mixed. */
export function countingMethod(result: Pick<Tally, 'cast'>, room: ChoiceCounts | null): CountingMethod {
  if (!room) return 'electronic'
  return result.cast - castOf(room) === 0 ? 'room' : 'mixed'
}

/**
 * The order names counted in the room are listed in, everywhere (the log, the pages, the seal): by
 * name, then id, compared as code points, so that no database's collation changes it.
 */
export function byNameThenId(a: { readonly name: string; readonly participantId: string }, b: { readonly name: string; readonly participantId: string }): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1
  return a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0
}
