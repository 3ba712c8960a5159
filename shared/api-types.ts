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
}

export interface CongressView {
  readonly id: string
  readonly title: string
  readonly edition: number
  readonly organisation: string
  readonly place: string
  readonly date: string
  readonly preambleDocName: string
  readonly phase: Phase
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
