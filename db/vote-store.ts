import type { Choice } from '../shared/ballots/ballot-rule.ts'
import type { BallotStatus } from '../shared/ballots/ballot-status.ts'

export interface BallotForVote {
  readonly congress_id: string
  readonly status: BallotStatus
  readonly closes_at: number | null
  readonly rule: string
}

export interface StoredParticipation {
  readonly client_vote_hash: string
  readonly receipt_box: Uint8Array
  /** ms; null for votes stored before migration 0007. */
  readonly cast_at: number | null
}

export interface NewVote {
  readonly ballotId: string
  readonly representedId: string
  readonly clientVoteHash: string
  readonly receiptBox: Uint8Array
  readonly receipt: string
  readonly choice: Choice
  readonly nonce: string
  /** Roll-call ballots only. */
  readonly publicVoterId: string | null
  readonly now: number
}

/** What casting needs to know, read in one statement: the ballot, who holds the right, any vote already cast. */
export interface VoteContext {
  readonly ballot: BallotForVote
  readonly holderId: string | undefined
  readonly participation: StoredParticipation | undefined
}

export type CastOutcome = 'cast' | 'already-voted' | 'not-open'

/** A vote cast with someone's right, as their own activity view shows it (never the choice). */
export interface VoteCastFor {
  readonly ballotId: string
  readonly congressId: string
  /** ms; null for votes stored before migration 0007. */
  readonly castAt: number | null
  readonly representedId: string
  readonly holderId: string
}

/**
 * The ballot box. Votes that arrive within a few milliseconds share one transaction (group commit),
 * their rows inserted in shuffled order, and each caller's promise settles only after that commit:
 * an answer means the vote is on disk. A batch checks each ballot is still open by the server's
 * clock, in a way a close on any process cannot slip past (db/sqlite/vote-store.ts: one synchronous
 * call; db/postgres/vote-store.ts: the ballot's row locked for share).
 */
export interface VoteStore {
  /** The ballot; who casts the vote of `representedId` in it, if they are on its list; their vote if cast. */
  context(ballotId: string, representedId: string): Promise<VoteContext | undefined>
  participation(ballotId: string, representedId: string): Promise<StoredParticipation | undefined>
  cast(vote: NewVote): Promise<CastOutcome>
  /** Votes received and votes open. */
  counts(ballotId: string): Promise<{ voted: number; rights: number }>
  /**
   * After a secret ballot closed: what a retry could open is dropped, and the ballot's rows are rewritten
   * so that nothing the database keeps holds the order votes came in (db/sqlite/write-history.ts,
   * db/postgres/vote-store.ts).
   */
  forgetCastingOrder(ballotId: string): Promise<void>
  /** Every vote cast with this person's right, or by them as a proxy holder: for their activity view. */
  votesCastFor(participantId: string): Promise<VoteCastFor[]>
  /**
   * True the first time this process sees `actorId` refused for a right already used in this
   * ballot: the decision log records that once, not once per press of a button.
   */
  firstRefusal(ballotId: string, representedId: string, actorId: string): boolean
}

export interface VoteStoreOptions {
  /** How long the first vote of a batch waits for others: a few milliseconds. */
  readonly windowMs?: number
  readonly clock?: () => number
}

/** 0..n-1 in random order (Fisher–Yates over Math.random: an order to hide, not a secret to keep). */
export function shuffledIndexes(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  return order
}
