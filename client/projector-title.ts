import type { BallotSubjectView, CongressView } from '../shared/api-types.ts'
import { t } from './i18n/index.ts'
import { subjectLabel } from './i18n/subject-label.ts'

/**
 * The words the wall writes under "Vote sur : P12-A1", so the back of the room knows what it votes
 * on without knowing the labels: the text an amendment amends, a proposal's title. Null for the
 * whole motion and for a block (its members are listed below it).
 */
export function subjectTitle(congress: CongressView, subject: BallotSubjectView): string | null {
  const m = t().pj
  if (subject.kind === 'motion' || subject.block) return null
  const proposal = congress.proposals.find((p) => (subject.docName !== null && p.docName === subject.docName) || (subject.proposalNumber !== null && p.number === subject.proposalNumber))
  const text = subject.docName === congress.preambleDocName ? m.preamble : proposal ? m.proposal(proposal.number, proposal.title) : null
  if (text === null) return null
  if (subject.kind === 'amendment') return m.amends(text)
  // A proposal's label already says its number: its title alone follows (and a part, its paragraphs).
  return proposal ? proposal.title : text
}

/** "P12-A1 — Modifie : Proposition 12 — …": one line for lists (the idle wall's next ballot). */
export function subjectLine(congress: CongressView, subject: BallotSubjectView): string {
  const title = subjectTitle(congress, subject)
  return title ? `${subjectLabel(subject)} — ${title}` : subjectLabel(subject)
}
