/** Who could vote when a ballot opened: the numbers the majority base and the quorum read. */
export interface Electorate {
  /** Everyone with a vote in the congress (attendees, delegates, bureau), present or not. */
  readonly entitled: number
  /** Checked in, voting for themselves. */
  readonly present: number
  /** Absent, represented by a present holder of their proxy. */
  readonly represented: number
}

/** Yes, no and abstain as numbers: votes on the phones, or counted in the room. */
export interface ChoiceCounts {
  readonly yes: number
  readonly no: number
  readonly abstain: number
}

export type BallotOutcome = 'adopted' | 'rejected' | 'no-quorum'

/** A ballot's count under its rule. */
export interface Tally {
  readonly yes: number
  readonly no: number
  readonly abstain: number
  /** yes + no + abstain. */
  readonly cast: number
  /** yes + no. */
  readonly expressed: number
  /** The number the majority is a share of (see MajorityBase). */
  readonly base: number
  /** Yes votes needed to adopt. */
  readonly threshold: number
  /** Voters present or represented needed; 0 without a quorum. */
  readonly quorumRequired: number
  readonly quorumMet: boolean
  readonly outcome: BallotOutcome
}
