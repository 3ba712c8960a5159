/**
 * The running order of the votes on one text (the *dérouleur*), as a parliamentary floor computes
 * it: sub-amendments before their amendment; amendments grouped by the passage they change
 * (overlapping printed lines make one *discussion commune*); within a group, deletions first, then
 * from the farthest from the text to the nearest; identical amendments put to one vote; then the
 * text as amended. Pure: the server, the bureau's screen, the phones and the minutes agree.
 */

import { rangesOverlap, type LineRange, type TextDiff } from '../amendments/text-diff.ts'

/** An amendment to be put to the vote, as the order reads it. */
export interface FloorAmendment {
  readonly id: string
  /** "P12-A3", "P12-A3-S1". */
  readonly label: string
  /** Filing order among its text's amendments: the last tie-breaker. */
  readonly number: number
  /** The amendment a sub-amendment amends; null for an amendment to the text. */
  readonly parentId: string | null
  /** The printed lines it changes: the text's, or for a sub-amendment its parent's. */
  readonly changed: readonly LineRange[]
  /** It removes words and inserts none. */
  readonly deletion: boolean
  /** How far it departs from what it amends: the words it inserts and deletes. */
  readonly distance: number
  /** What it makes of the text: two amendments with the same are identical, and voted together. */
  readonly result: string
}

/** What the order measures of an amendment's text (shared/amendments/fork.ts's amendmentMeasures). */
export type AmendmentMeasures = Pick<FloorAmendment, 'changed' | 'deletion' | 'distance' | 'result'>

/** One vote of the order: an amendment, with the identical ones voted with it, or the text as amended. */
export type FloorStep =
  | {
      readonly kind: 'amendment'
      /** The amendment put to the vote first, then those identical to it, in filing order. */
      readonly ids: readonly string[]
      /** Its discussion commune: the index in `groups` (a sub-amendment: its parent's). */
      readonly group: number
      readonly parentId: string | null
    }
  | { readonly kind: 'text' }

export interface RunningOrder {
  /** The discussions communes, in the text's order: the amendments to the text whose lines meet. */
  readonly groups: readonly { readonly lines: readonly LineRange[]; readonly ids: readonly string[] }[]
  readonly steps: readonly FloorStep[]
}

/** Deletions first, then the farthest from what they amend, then filing order. */
function byDeparture(a: FloorAmendment, b: FloorAmendment): number {
  if (a.deletion !== b.deletion) return a.deletion ? -1 : 1
  if (a.distance !== b.distance) return b.distance - a.distance
  return a.number - b.number
}

const firstLine = (lines: readonly LineRange[]) => (lines.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...lines.map((r) => r.from)))

/** Amendments whose lines meet, transitively: one discussion commune each, in the text's order. */
function discussions(amendments: readonly FloorAmendment[]): FloorAmendment[][] {
  const groups: FloorAmendment[][] = []
  for (const amendment of amendments) {
    const meeting = groups.filter((group) => group.some((other) => rangesOverlap(other.changed, amendment.changed)))
    const merged = [amendment, ...meeting.flat()]
    for (const group of meeting) groups.splice(groups.indexOf(group), 1)
    groups.push(merged)
  }
  const start = (group: readonly FloorAmendment[]) => Math.min(...group.map((a) => firstLine(a.changed)))
  return groups.sort((a, b) => start(a) - start(b) || Math.min(...a.map((x) => x.number)) - Math.min(...b.map((x) => x.number)))
}

/** Amendments in order, identical ones (the same result) gathered behind the first. */
function votes(sorted: readonly FloorAmendment[]): FloorAmendment[][] {
  const byResult = new Map<string, FloorAmendment[]>()
  for (const amendment of sorted) {
    // Amendments that change nothing are not "identical": each is its own vote.
    const key = amendment.changed.length === 0 ? `\u0000${amendment.id}` : amendment.result
    const same = byResult.get(key)
    if (same) same.push(amendment)
    else byResult.set(key, [amendment])
  }
  return [...byResult.values()].map((same) => [...same].sort((a, b) => a.number - b.number))
}

/**
 * The order of the votes on one text. `amendments` are those to be put to the vote (admissible),
 * sub-amendments among them; a sub-amendment whose parent is not among them is left out (it falls
 * with its parent, or waits for it).
 */
export function runningOrder(amendments: readonly FloorAmendment[]): RunningOrder {
  const ids = new Set(amendments.map((a) => a.id))
  const children = new Map<string, FloorAmendment[]>()
  for (const amendment of amendments) {
    if (amendment.parentId === null || !ids.has(amendment.parentId)) continue
    children.set(amendment.parentId, [...(children.get(amendment.parentId) ?? []), amendment])
  }
  const groups = discussions(amendments.filter((a) => a.parentId === null))
  const steps: FloorStep[] = []
  // A sub-amendment may itself be amended: its own sub-amendments come before it, recursively.
  const place = (amendment: FloorAmendment, group: number, voted: readonly FloorAmendment[]) => {
    for (const same of voted) {
      for (const vote of votes([...(children.get(same.id) ?? [])].sort(byDeparture))) place(vote[0]!, group, vote)
    }
    steps.push({ kind: 'amendment', ids: voted.map((a) => a.id), group, parentId: amendment.parentId })
  }
  for (const [index, group] of groups.entries()) {
    for (const vote of votes([...group].sort(byDeparture))) place(vote[0]!, index, vote)
  }
  steps.push({ kind: 'text' })
  return {
    groups: groups.map((group) => ({ lines: mergeRanges(group.flatMap((a) => a.changed)), ids: [...group].sort(byDeparture).map((a) => a.id) })),
    steps,
  }
}

/**
 * The bureau's own order: the same votes, in the order of `leadIds` (the first id of each amendment
 * step). Refused, with the reason, when the ids are not exactly those of the computed order, or
 * when a sub-amendment would come after the amendment it amends (it could no longer change it).
 */
export function reorder(order: RunningOrder, leadIds: readonly string[]): { readonly order: RunningOrder } | { readonly error: 'not_the_same_votes' | 'sub_amendment_after_parent' } {
  const steps = order.steps.filter((s): s is Extract<FloorStep, { kind: 'amendment' }> => s.kind === 'amendment')
  const byLead = new Map(steps.map((s) => [s.ids[0]!, s]))
  if (leadIds.length !== steps.length || new Set(leadIds).size !== leadIds.length || leadIds.some((id) => !byLead.has(id))) return { error: 'not_the_same_votes' }
  const position = new Map<string, number>()
  for (const [i, id] of leadIds.entries()) for (const member of byLead.get(id)!.ids) position.set(member, i)
  for (const step of steps) {
    const parent = step.parentId === null ? undefined : position.get(step.parentId)
    if (parent !== undefined && position.get(step.ids[0]!)! > parent) return { error: 'sub_amendment_after_parent' }
  }
  return { order: { groups: order.groups, steps: [...leadIds.map((id) => byLead.get(id)!), { kind: 'text' as const }] } }
}

function mergeRanges(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from)
  const merged: { from: number; to: number }[] = []
  for (const range of sorted) {
    const last = merged.at(-1)
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to)
    else merged.push({ from: range.from, to: range.to })
  }
  return merged
}

/**
 * What the order reads of an amendment's diff: the lines it changes, whether it only deletes, and
 * how far it departs (words inserted and deleted; a paragraph break counts as one).
 */
export function floorMeasures(diff: TextDiff): Pick<FloorAmendment, 'changed' | 'deletion' | 'distance'> {
  let inserted = 0
  let deleted = 0
  for (const line of diff.lines) {
    for (const segment of line.segments) {
      if (segment.kind === 'same') continue
      const count = segment.paragraphBreak ? 1 : (segment.text.match(/\S+/g) ?? []).length
      if (segment.kind === 'ins') inserted += count
      else deleted += count
    }
  }
  return { changed: diff.changed, deletion: inserted === 0 && deleted > 0, distance: inserted + deleted }
}
