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
  readonly themes: readonly ThemeView[]
  readonly proposals: readonly ProposalView[]
}
