/**
 * Where an amendment stands, from filing to its merge into the proposal. `fallen`: an adopted
 * amendment changed the same lines before its turn came, so it is not put to the vote.
 */
export const amendmentStatuses = ['draft', 'submitted', 'admissible', 'inadmissible', 'withdrawn', 'adopted', 'rejected', 'merged', 'fallen'] as const
export type AmendmentStatus = (typeof amendmentStatuses)[number]

export function isAmendmentStatus(value: string): value is AmendmentStatus {
  return (amendmentStatuses as readonly string[]).includes(value)
}

/** Its authors still write it: until the bureau rules on it (or a ballot opens, which needs a ruling). */
export const editableStatuses: readonly AmendmentStatus[] = ['draft', 'submitted']

/** Still in play: two of these that touch the same lines compete ("en concurrence"). */
export const liveStatuses: readonly AmendmentStatus[] = ['draft', 'submitted', 'admissible', 'adopted']

/** What may be done to an amendment, each by its own people (see the permissions table). */
export type AmendmentStep = 'submit' | 'withdraw' | 'rule' | 'change_ruling' | 'opinion' | 'adopt' | 'reject' | 'merge'

const stepsFrom: Record<AmendmentStep, readonly AmendmentStatus[]> = {
  submit: ['draft'],
  withdraw: ['draft', 'submitted', 'admissible'],
  // Ruled once; a ruling is then changed, with a reason, by its own step (server/commands/amendments/change-ruling.ts).
  rule: ['submitted'],
  change_ruling: ['admissible', 'inadmissible'],
  // Given, or changed, while the amendment waits for its vote.
  opinion: ['submitted', 'admissible'],
  adopt: ['admissible'],
  reject: ['admissible'],
  merge: ['adopted'],
}

export function canTakeStep(status: AmendmentStatus, step: AmendmentStep): boolean {
  return stepsFrom[step].includes(status)
}

/** What a sub-amendment's label says of it: voted by the assembly (S), or a rewording the bureau proposes (R). */
export interface SubLabel {
  /** Its parent's number among the amendments to the text. */
  readonly parentNumber: number
  readonly rewording: boolean
}

/**
 * The readable number: "P12-A3" for the third amendment to proposal 12, "PR-A1" for the first to
 * the preamble, "P12-A3-S1" for the first sub-amendment to P12-A3 ("P12-A3-R2" when it is the
 * bureau's proposed rewording).
 */
export function amendmentLabel(proposalNumber: number | null, number: number, sub?: SubLabel): string {
  const text = proposalNumber === null ? 'PR' : `P${proposalNumber}`
  return sub ? `${text}-A${sub.parentNumber}-${sub.rewording ? 'R' : 'S'}${number}` : `${text}-A${number}`
}
