import type { Phase } from '../phases.ts'

/**
 * Undoing a mistaken phase move is allowed only while nothing was decided since: the log says what
 * was. Presence is not a decision (a check-in or check-out at the desk, a self check-in with the
 * room's code); sign-ins and who has a page open are not in the log at all. Anything else logged
 * after the move (a filing, a ruling, a ballot, a proxy, a structure change…) makes it stand.
 */
export const notDecisions: readonly string[] = ['attendance.checked_in', 'attendance.checked_out']

/** The log's phase entries: a move by hand, or the undoing of one. */
export const phaseMoveActions = ['phase.changed', 'phase.reverted'] as const

export interface LoggedMove {
  readonly action: (typeof phaseMoveActions)[number]
  readonly from: Phase
  readonly to: Phase
}

export type PhaseUndo =
  | { readonly ok: true; readonly from: Phase; readonly to: Phase }
  | { readonly ok: false; readonly refusal: 'nothing' }
  | { readonly ok: false; readonly refusal: 'decided'; readonly action: string }

/**
 * Whether the last phase move can be undone, from that move (null: none) and the actions logged
 * after it, in order. The undo goes back: from the move's `to` to its `from`. An undo is itself
 * not undone (that would be moving forward again: a phase change does that).
 */
export function phaseUndo(current: Phase, last: LoggedMove | null, actionsSince: readonly string[]): PhaseUndo {
  if (!last || last.action === 'phase.reverted' || last.to !== current) return { ok: false, refusal: 'nothing' }
  const decided = actionsSince.find((action) => !notDecisions.includes(action))
  if (decided !== undefined) return { ok: false, refusal: 'decided', action: decided }
  return { ok: true, from: last.to, to: last.from }
}
