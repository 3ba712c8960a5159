import type { FreezeCheckView } from '../api-types.ts'
import type { Phase } from '../phases.ts'
import type { Role } from '../roles.ts'

/** Counts by role of the people who take part (advisors do not). */
export type RoleCounts = Readonly<Record<'attendee' | 'delegate' | 'bureau', number>>

/** A ballot open, or closed and not published, with how many of its voters voted. */
export type DashboardBallot = FreezeCheckView['ballotsPending'][number] & { readonly voted: number; readonly rights: number }

/**
 * `GET /api/congresses/:id/dashboard`: the bureau's overview of the day, read in one snapshot.
 * What is outstanding is the freeze's checklist (server/presenters/freeze-check.ts); the page says
 * the next steps from it (shared/dashboard/next-steps.ts).
 */
export interface DashboardView {
  readonly phase: Phase
  readonly proposalsNotVoted: FreezeCheckView['proposalsNotVoted']
  readonly amendmentsPending: FreezeCheckView['amendmentsPending']
  readonly ballots: readonly DashboardBallot[]
  /** Checked in at the desk (or with the room's code), by role, and how many may be. */
  readonly present: RoleCounts
  readonly entitled: RoleCounts
  /** Standing proxies. */
  readonly proxies: number
  /** Who has a page of the congress open now, by role (the page keeps it live from the event stream). */
  readonly online: Readonly<Record<Role, number>>
  /** The last phase move and whether it can still be undone (nothing decided since). */
  readonly lastMove: { readonly from: Phase; readonly to: Phase; readonly at: string; readonly by: string; readonly undoable: boolean } | null
}

export function countRoles<R extends string>(keys: readonly R[], items: readonly { readonly role: string }[]): Record<R, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<R, number>
  for (const item of items) if ((keys as readonly string[]).includes(item.role)) counts[item.role as R] += 1
  return counts
}
