import type { BureauOpinion } from '../amendments/bureau-opinion.ts'
import type { Decision } from '../ballots/decision.ts'

// The bodies the amendment routes take: what hc<AppType> makes a client send, and what the
// commands receive.

/** Filing: the exposé des motifs may come later (empty until then). */
export interface NewAmendmentRequest {
  readonly justification?: string
}

export interface JustificationChangeRequest {
  readonly justification: string
}

/** A reason is owed for an inadmissible ruling. */
export interface RulingRequest {
  readonly admissible: boolean
  readonly reason?: string
}

/** A change of ruling always says why (the log keeps the reason it replaces). */
export interface RulingChangeRequest {
  readonly admissible: boolean
  readonly reason: string
}

export interface DecisionRequest {
  readonly outcome: Decision
}

/** The bureau's opinion, with an optional comment (replaced by the next one). */
export interface OpinionRequest {
  readonly opinion: BureauOpinion
  readonly comment?: string
}

/** The author's answer to the rewording the bureau proposed: take it (*rectifié*) or leave it. */
export interface RewordingAnswerRequest {
  readonly accept: boolean
  /** To accept: the rewording's resultDigest as the author read it; a rewording changed since is refused. */
  readonly seen?: string
}

/** The bureau's order of the votes on a text: the first amendment of each vote; empty, Plenum's order. */
export interface VoteOrderRequest {
  readonly order: readonly string[]
}
