/** Where a ballot stands: prepared, open to votes, counted, then made public. */
export const ballotStatuses = ['draft', 'open', 'closed', 'published'] as const
export type BallotStatus = (typeof ballotStatuses)[number]
