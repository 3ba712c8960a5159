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
export type AmendmentStep = 'submit' | 'withdraw' | 'rule' | 'opinion' | 'adopt' | 'reject' | 'merge'

const stepsFrom: Record<AmendmentStep, readonly AmendmentStatus[]> = {
  submit: ['draft'],
  withdraw: ['draft', 'submitted', 'admissible'],
  // A ruling may be corrected, each correction audited like the first.
  rule: ['submitted', 'admissible', 'inadmissible'],
  // Given, or changed, while the amendment waits for its vote.
  opinion: ['submitted', 'admissible'],
  adopt: ['admissible'],
  reject: ['admissible'],
  merge: ['adopted'],
}

export function canTakeStep(status: AmendmentStatus, step: AmendmentStep): boolean {
  return stepsFrom[step].includes(status)
}

/**
 * The readable number: "P12-A3" for the third amendment to proposal 12, "PR-A1" for the first to
 * the preamble.
 */
export function amendmentLabel(proposalNumber: number | null, number: number): string {
  return `${proposalNumber === null ? 'PR' : `P${proposalNumber}`}-A${number}`
}
