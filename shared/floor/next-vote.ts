import type { BallotStatus } from '../ballots/ballot-status.ts'
import { reorder, type FloorStep, type RunningOrder } from './running-order.ts'

/**
 * What is voted next on the item under debate: the first step of its running order (the bureau's
 * own order when it still fits), with the ballot already made for it if there is one. Pure: the
 * bureau's session screen, the phones and the projector name the same vote.
 */

/** A ballot as the next vote reads it (a BallotView is one). */
export interface BallotOnSubject {
  readonly id: string
  readonly status: BallotStatus
  readonly createdAt: number
  /**
   * The motion is never the next vote on a text. A block is a proposal's ballot when the proposal is
   * among its members; a part (vote by division) is its proposal's, voted before the whole.
   */
  readonly subject: { readonly kind: string; readonly id: string | null; readonly block?: readonly { readonly id: string }[] | null; readonly part?: unknown }
}

/** The text under debate: a proposal (with its outcome once its vote is published), or the preamble. */
export type DebatedText = { readonly kind: 'proposal'; readonly id: string; readonly outcome: 'adopted' | 'rejected' | null } | { readonly kind: 'preamble' }

export type NextVote<B extends BallotOnSubject> =
  /** An amendment, with those identical to it (voted together), and its ballot if made and not yet published. */
  | { readonly kind: 'amendment'; readonly ids: readonly string[]; readonly ballot: B | null }
  /** The proposal as amended, with its ballot if made and not yet published. */
  | { readonly kind: 'proposal'; readonly id: string; readonly ballot: B | null }
  /** The preamble as amended: it has no ballot of its own, it is voted with the whole motion. */
  | { readonly kind: 'preamble' }
  /** The proposal's vote is published: nothing left on this text. */
  | { readonly kind: 'done' }

/** The order the phones and the bureau follow: the bureau's own while it fits the votes, else Plenum's. */
export function followedOrder(computed: RunningOrder, bureauLeads: readonly string[] | undefined): { readonly order: RunningOrder; readonly byBureau: boolean } {
  if (!bureauLeads) return { order: computed, byBureau: false }
  const set = reorder(computed, bureauLeads)
  return 'order' in set ? { order: set.order, byBureau: true } : { order: computed, byBureau: false }
}

/** The ballot a subject waits on: the latest not yet published (a published one decided it, or found no quorum). */
export function pendingBallot<B extends BallotOnSubject>(ballots: readonly B[], kind: 'amendment' | 'proposal', id: string): B | null {
  const concerns = (b: B) => b.subject.kind === kind && (b.subject.block ? b.subject.block.some((p) => p.id === id) : b.subject.id === id)
  const mine = ballots.filter((b) => concerns(b) && b.status !== 'published')
  // A vote by division: its parts first, in the order the bureau made them; then the latest other.
  const parts = mine.filter((b) => b.subject.part).sort((a, b) => a.createdAt - b.createdAt)
  return parts[0] ?? mine.sort((a, b) => b.createdAt - a.createdAt)[0] ?? null
}

/** The next vote of `order` on `text`, given the congress's ballots. */
export function nextVote<B extends BallotOnSubject>(order: RunningOrder, text: DebatedText, ballots: readonly B[]): NextVote<B> {
  const first: FloorStep | undefined = order.steps[0]
  if (first && first.kind === 'amendment') return { kind: 'amendment', ids: first.ids, ballot: pendingBallot(ballots, 'amendment', first.ids[0]!) }
  if (text.kind === 'preamble') return { kind: 'preamble' }
  if (text.outcome !== null) return { kind: 'done' }
  return { kind: 'proposal', id: text.id, ballot: pendingBallot(ballots, 'proposal', text.id) }
}
