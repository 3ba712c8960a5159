/** What a published ballot decided on a proposal or on the motion (a lost quorum decides nothing). */
export const decisions = ['adopted', 'rejected'] as const
export type Decision = (typeof decisions)[number]
