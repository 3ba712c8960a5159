/** What a ballot decides: an amendment, a proposal, or the whole motion. */
export const subjectKinds = ['amendment', 'proposal', 'motion'] as const
export type SubjectKind = (typeof subjectKinds)[number]
