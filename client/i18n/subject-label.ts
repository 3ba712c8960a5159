import type { BallotSubjectView } from '../../shared/api-types.ts'
import { t } from './index.ts'

/**
 * A ballot's subject in the page's language. The server's `label` is French ("Proposition 12",
 * "Propositions 3 et 4 (en bloc)"), the minutes' and the seal's words; an amendment's label
 * (P12-A3) and the motion's read the same in both languages.
 */
export function subjectLabel(subject: BallotSubjectView): string {
  const m = t()
  if (subject.block && subject.kind === 'proposal') return m.subjectProposalsBlock(subject.block.map((p) => p.number ?? 0))
  if (subject.block) return m.subjectAmendmentsBlock(subject.block.map((a) => a.label))
  if (subject.kind === 'proposal' && subject.proposalNumber !== null) {
    return subject.part ? m.subjectPart(subject.proposalNumber, subject.part.label) : m.proposalLabel(subject.proposalNumber)
  }
  return subject.label
}
