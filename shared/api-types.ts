import type { AmendmentStatus } from './amendments/amendment-status.ts'
import type { LineRange } from './amendments/text-diff.ts'
import type { Phase } from './phases.ts'
import type { Role } from './roles.ts'

/** The JSON the HTTP API returns; the client reads these very types. */
export interface ParticipantView {
  readonly id: string
  readonly name: string
  readonly role: Role
  readonly congressId: string
}

export interface SessionView {
  readonly token: string
  readonly participant: ParticipantView
}

export interface ThemeView {
  readonly id: string
  readonly title: string
  readonly position: number
}

export interface ProposalView {
  readonly id: string
  readonly number: number
  readonly title: string
  readonly themeId: string
  readonly docName: string
  /** Amendments filed on it, withdrawn ones aside. */
  readonly amendmentCount: number
}

export interface CongressView {
  readonly id: string
  readonly title: string
  readonly edition: number
  readonly organisation: string
  readonly place: string
  readonly date: string
  readonly preambleDocName: string
  readonly preambleAmendmentCount: number
  readonly phase: Phase
  /** Accepted co-signers an amendment needs before it goes to the bureau. */
  readonly minCosigners: number
  readonly themes: readonly ThemeView[]
  readonly proposals: readonly ProposalView[]
}

/** A participant as the bureau sees them: with their code, to print or hand over. */
export interface ParticipantDetailView {
  readonly id: string
  readonly name: string
  readonly organisation: string
  readonly email: string | null
  readonly role: Role
  readonly code: string
  readonly revoked: boolean
}

export interface AuditEntryView {
  readonly seq: number
  readonly at: number
  readonly actorName: string
  readonly action: string
  readonly payload: Readonly<Record<string, unknown>>
  readonly hash: string
}

/** Who is connected: to the congress (any page) and to each document. */
export interface PresenceView {
  readonly online: readonly { readonly id: string; readonly name: string; readonly role: Role }[]
  /** docName → ids of the participants editing or reading it. */
  readonly docs: Readonly<Record<string, readonly string[]>>
}

/** What filing an amendment returns. */
export interface FiledAmendmentView {
  readonly id: string
  readonly number: number
  /** "P12-A3", "PR-A1". */
  readonly label: string
  readonly docName: string
  readonly status: AmendmentStatus
}

export interface AmendmentPersonView {
  readonly id: string
  readonly name: string
}

export interface AmendmentView extends FiledAmendmentView {
  /** Null for an amendment to the preamble. */
  readonly proposalId: string | null
  readonly proposalNumber: number | null
  /** The document it amends. */
  readonly targetDocName: string
  readonly author: AmendmentPersonView
  /** Co-signers; the accepted ones co-edit and count toward the congress's minimum. */
  readonly cosigners: readonly (AmendmentPersonView & { readonly accepted: boolean })[]
  readonly justification: string
  readonly rulingReason: string | null
  /** The base lines it changes (against the text as it is now, or as it was when merged). */
  readonly changedLines: readonly LineRange[]
  /** Labels of live amendments of the same text that change some of the same lines: "en concurrence". */
  readonly competing: readonly string[]
  /** Labels of merged amendments that touched the same lines: the bureau reviews the result before merging. */
  readonly overlapsMerged: readonly string[]
  readonly createdAt: number
  readonly mergedAt: number | null
}

/** One amendment with what its page needs to show its diff live. */
export interface AmendmentDetailView extends AmendmentView {
  /** Base64 of the target's state vector when filed: the amendment's changes lie past it. */
  readonly forkVector: string
  /** Base64 of the target's state just before the merge, for a merged amendment. */
  readonly mergedOnto: string | null
  /** Accepted co-signers needed before it goes to the bureau. */
  readonly minCosigners: number
}
