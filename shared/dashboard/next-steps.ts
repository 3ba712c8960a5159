import type { Phase } from '../phases.ts'
import type { DashboardView } from './dashboard-view.ts'

/**
 * What the bureau should do next, most urgent first, from the dashboard's view: the page says each
 * step in words with one link ("3 amendements attendent votre décision → Statuer"). Pure, so the
 * order is tested without a browser.
 */
export type NextStep =
  /** A ballot is open: watch participation, then close it. */
  | { readonly kind: 'close'; readonly ballotId: string; readonly voted: number; readonly rights: number }
  /** Ballots closed and not published: results wait to be shown. */
  | { readonly kind: 'publish'; readonly count: number; readonly ballotId: string }
  /** Amendments filed and submitted, awaiting the bureau's ruling on admissibility. */
  | { readonly kind: 'rule'; readonly count: number; readonly amendmentId: string }
  /** Adopted amendments not merged into their text. */
  | { readonly kind: 'merge'; readonly count: number; readonly amendmentId: string }
  /** Admissible amendments not yet put to the vote (in the voting phase). */
  | { readonly kind: 'vote-amendments'; readonly count: number }
  /** Proposals not yet put to the vote (in the voting phase). */
  | { readonly kind: 'vote-proposals'; readonly count: number }
  /** Nothing holds the phase: move on to the next one. */
  | { readonly kind: 'move'; readonly to: Phase }
  /** Voting is done: freeze the motion (the bureau page's checklist). */
  | { readonly kind: 'freeze' }
  /** Frozen: record the delivery to the advisors. */
  | { readonly kind: 'deliver' }

const nextPhase: Partial<Record<Phase, Phase>> = { setup: 'drafting', drafting: 'amendments', amendments: 'voting' }

export function nextSteps(view: DashboardView): readonly NextStep[] {
  const steps: NextStep[] = []
  const { phase } = view
  for (const b of view.ballots) if (b.status === 'open') steps.push({ kind: 'close', ballotId: b.id, voted: b.voted, rights: b.rights })
  const closed = view.ballots.filter((b) => b.status === 'closed')
  if (closed[0]) steps.push({ kind: 'publish', count: closed.length, ballotId: closed[0].id })
  const submitted = view.amendmentsPending.filter((a) => a.status === 'submitted')
  if (submitted[0]) steps.push({ kind: 'rule', count: submitted.length, amendmentId: submitted[0].id })
  const adopted = view.amendmentsPending.filter((a) => a.status === 'adopted')
  if (adopted[0]) steps.push({ kind: 'merge', count: adopted.length, amendmentId: adopted[0].id })
  const admissible = view.amendmentsPending.filter((a) => a.status === 'admissible').length
  if (phase === 'voting' && admissible > 0) steps.push({ kind: 'vote-amendments', count: admissible })
  if (phase === 'voting' && view.proposalsNotVoted.length > 0) steps.push({ kind: 'vote-proposals', count: view.proposalsNotVoted.length })
  const to = nextPhase[phase]
  // Amendments still awaiting a ruling hold the amendment phase; the earlier phases only wait for the bureau.
  if (to && !(phase === 'amendments' && submitted.length > 0)) steps.push({ kind: 'move', to })
  if (phase === 'voting' && steps.length === 0) steps.push({ kind: 'freeze' })
  if (phase === 'frozen') steps.push({ kind: 'deliver' })
  return steps
}
