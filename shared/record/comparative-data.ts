import type { TextDiff } from '../amendments/text-diff.ts'
import type { CongressIdentity } from '../congress-identity.ts'
import type { AmendmentFate } from './minutes-data.ts'

/**
 * What the comparative table (*tableau comparatif*) sets side by side for each text: the text as
 * put to amendment, each amendment with its diff and its fate, and the text as it ended (or stands,
 * before the freeze). Plain data, computed by the server from frozen (or live) states.
 */
export interface ComparativeData {
  readonly congress: CongressIdentity
  /** ISO date-time of the freeze; null before it (the table shows the texts as they stand). */
  readonly frozenAt: string | null
  /** ISO date-time the table is dated: the freeze, or the last decision before it. */
  readonly asOf: string
  readonly timeZone: string
  /** The preamble first, then the proposals in their order. */
  readonly texts: readonly ComparativeText[]
}

export interface ComparativeText {
  /** Null for the preamble. */
  readonly number: number | null
  readonly title: string
  readonly question: string | null
  readonly outcome: 'adopted' | 'rejected' | null
  /** The text when it was put to amendment. */
  readonly base: readonly string[]
  /** The text at the freeze, or now. */
  readonly final: readonly string[]
  /** In the order they were filed, each sub-amendment right after its amendment. */
  readonly amendments: readonly ComparativeAmendment[]
}

export interface ComparativeAmendment {
  readonly label: string
  /** A sub-amendment's amendment: its diff is against that amendment's text. */
  readonly parentLabel: string | null
  readonly fate: AmendmentFate
  readonly fallenBy: string | null
  readonly fellWithParent: boolean
  readonly reason: string | null
  readonly rectified: boolean
  readonly withoutBallot: boolean
  readonly identicalTo: string | null
  /** As the assembly read it: against the text just before its merge, or the text it was written on. */
  readonly diff: TextDiff
  /**
   * When that text is not the base (an amendment merged before changed it): the last amendment
   * merged into it, whose adoption its line numbers follow; null when they are the base's own.
   */
  readonly numberedAfter: string | null
  /** The paragraph of the base where its first change falls (matched by its words); null: none, or a sub-amendment (with its amendment). */
  readonly paragraph: number | null
}
