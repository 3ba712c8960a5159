import type { Phase } from '../phases.ts'

// The bodies the congress's setup routes take: what hc<AppType> makes a client send, and what the
// commands receive.

export interface PhaseChangeRequest {
  readonly phase: Phase
}

/** What the bureau may change of a congress; at least one field. */
export interface CongressDetailsRequest {
  readonly title?: string
  readonly edition?: number
  readonly date?: string
  readonly place?: string
  /** Accepted co-signers an amendment needs before it goes to the bureau. */
  readonly minCosigners?: number
}

export interface NewThemeRequest {
  readonly title: string
}

/** A question's new title and/or place among the questions (from 1; past the end means last). */
export interface ThemeChangeRequest {
  readonly title?: string
  readonly position?: number
}

export interface NewProposalRequest {
  readonly title: string
  readonly themeId: string
}

/** A proposal's new title, question and/or place within its question (from 1). */
export interface ProposalChangeRequest {
  readonly title?: string
  readonly themeId?: string
  readonly position?: number
}

export interface SignInRequest {
  readonly code: string
}

/** The codes the bureau was just given, sent back to print them. */
export interface AccessSheetRequest {
  readonly participants: readonly { readonly id: string; readonly code: string }[]
}
