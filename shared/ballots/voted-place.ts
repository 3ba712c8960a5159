// The place of what was voted. A ballot puts to the vote a text AND where it stands in the
// motion: for a proposal its title, number and question; for the motion everything the seal
// prints around the texts. Recorded (as canonical JSON, ballot_structures.structure) when the
// ballot opens; a structure change that would alter it is refused, and the seal compares it again.

export const congressFields = ['title', 'edition', 'organisation', 'place', 'date'] as const
export type CongressField = (typeof congressFields)[number]

export interface ThemePlace {
  readonly id: string
  readonly position: number
  readonly title: string
}

export interface ProposalPlace {
  readonly id: string
  readonly number: number
  readonly title: string
  readonly doc: string
}

/** Canonical JSON once recorded: only plain values, no undefined. */
export type VotedPlace =
  | {
      readonly kind: 'motion'
      readonly congress: Record<CongressField, string | number>
      readonly preamble: string
      readonly themes: readonly (ThemePlace & { readonly proposals: readonly ProposalPlace[] })[]
    }
  | {
      readonly kind: 'proposal'
      readonly proposal: ProposalPlace | null
      readonly theme: ThemePlace | null
      /** A block ballot's other proposals (*vote en bloc*), in the bureau's order. */
      readonly block?: readonly { readonly proposal: ProposalPlace | null; readonly theme: ThemePlace | null }[]
    }
  | ({ readonly kind: 'amendment' } & AmendmentPlace & {
      /** A block ballot's other amendments (*vote en bloc*), in the bureau's order. */
      readonly block?: readonly AmendmentPlace[]
    })

/** Where an amendment put to the vote stands: its number and text, its proposal's number. */
export interface AmendmentPlace {
  readonly amendment: { readonly id: string; readonly number: number; readonly doc: string; /** A sub-amendment's parent's number. */ readonly parent?: number } | null
  readonly proposal: { readonly id: string; readonly number: number } | null
}

/**
 * A text or a ballot's subject, as data each language says its own way: `number` is a proposal's,
 * `label` an amendment's (P12-A3, language-neutral). Without them: one whose number is unknown.
 */
export interface VotedSubject {
  readonly kind: 'motion' | 'proposal' | 'amendment' | 'preamble'
  readonly number?: number
  readonly label?: string
}

/**
 * One thing a change altered in a voted place. `question` is a question's position and `proposal`
 * a proposal's number as they were voted; `now` is the new one; `title` is a title as written.
 */
export type PlaceChange =
  | { readonly kind: 'congress-detail'; readonly field: CongressField }
  | { readonly kind: 'preamble-text' }
  | { readonly kind: 'question-title' | 'question-removed'; readonly question: number }
  | { readonly kind: 'question-order'; readonly question: number; readonly now: number }
  | { readonly kind: 'question-added'; readonly title: string }
  | { readonly kind: 'proposal-title' | 'proposal-text' | 'proposal-question' | 'proposal-removed'; readonly proposal: number }
  | { readonly kind: 'proposal-number'; readonly proposal: number; readonly now: number }
  | { readonly kind: 'proposal-added'; readonly title: string }
  /** The ballot's proposal was missing when it opened and exists now. */
  | { readonly kind: 'proposal-appeared' }
  | { readonly kind: 'amendment-number' | 'amendment-text' | 'amended-proposal-number' }
  /** The ballot's subject is no longer of the kind it was. */
  | { readonly kind: 'subject-kind' }
  /** The record made at the opening was itself altered (its digest no longer matches). */
  | { readonly kind: 'record-altered' }

/** A voted subject whose place in the motion changed since its ballot opened, and what changed. */
export interface VotedPlaceChange {
  readonly subject: VotedSubject
  readonly changes: readonly PlaceChange[]
}
