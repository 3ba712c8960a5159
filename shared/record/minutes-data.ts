import type { BureauOpinion } from '../amendments/bureau-opinion.ts'
import type { BallotRule } from '../ballots/ballot-rule.ts'
import type { CountingMethod } from '../ballots/room-count.ts'
import type { ChoiceCounts, Electorate, Tally } from '../ballots/tally-types.ts'
import type { CongressIdentity } from '../congress-identity.ts'
import type { FloorStance } from '../floor/speakers.ts'
import type { Phase } from '../phases.ts'
import type { Role } from '../roles.ts'

/**
 * What the minutes (*procès-verbal*) tell, read from the decision log, the ballots and the floor up
 * to the freeze (or, for the bureau's preview, up to now). Plain data: the minutes in every format
 * and language are built from it by `buildMinutes`.
 */
export interface MinutesData {
  readonly congress: CongressIdentity
  /** The congress's time zone: every time is told in it. */
  readonly timeZone: string
  /** The freeze, or null for a preview of the minutes before it. */
  readonly frozen: { readonly at: string; readonly by: string } | null
  /** ISO date-time the minutes are dated: the freeze, or the last decision of a preview. */
  readonly asOf: string
  readonly bureau: readonly MinutesPerson[]
  /** One per day on which the congress sat (someone checked in or a ballot was counted), in order. */
  readonly sittings: readonly MinutesSitting[]
  readonly phaseChanges: readonly MinutesPhaseChange[]
  /** The preamble first, then the proposals in their order. */
  readonly texts: readonly MinutesText[]
  /** Every counted ballot, in the order they closed. */
  readonly ballots: readonly MinutesBallot[]
}

export interface MinutesPerson {
  readonly name: string
  readonly organisation: string
}

export interface MinutesSitting {
  /** The day in the congress's time zone, `YYYY-MM-DD`. */
  readonly day: string
  /** Everyone checked in at some time that day, by name. */
  readonly present: readonly (MinutesPerson & { readonly role: Role })[]
  /** Proxies held at some time that day. */
  readonly proxies: readonly { readonly giver: string; readonly holder: string }[]
}

export interface MinutesPhaseChange {
  readonly at: string
  readonly from: Phase
  readonly to: Phase
  readonly by: string
  /** The reason, when this change undid the one before it (a mistaken move); null for a move. */
  readonly undone: string | null
}

export type AmendmentFate = 'adopted' | 'rejected' | 'fallen' | 'withdrawn' | 'inadmissible' | 'not_decided'

export interface MinutesAmendment {
  /** `P12-A3`, `P12-A3-S1`, `PRE-A1`. */
  readonly label: string
  /** The author first, then the co-signers the author accepted. */
  readonly authors: readonly string[]
  readonly opinion: BureauOpinion | null
  readonly fate: AmendmentFate
  /** When it got its fate (the decision, the fall, the withdrawal, the ruling); null if none. */
  readonly at: string | null
  /** For a fallen amendment: the adopted one that changed the same lines, or (`fellWithParent`) the amendment a sub-amendment fell with. */
  readonly fallenBy: string | null
  /** A sub-amendment that fell because its amendment was withdrawn, rejected, adopted or fell. */
  readonly fellWithParent: boolean
  /** The bureau's reason for an inadmissible one. */
  readonly reason: string | null
  /** It took the bureau's rewording (*rectifié*). */
  readonly rectified: boolean
  /** Adopted by the bureau without a ballot (no ballot on it was published, and it was not adopted with an identical one). */
  readonly withoutBallot: boolean
  /** Adopted with the identical amendment voted: its label. */
  readonly identicalTo: string | null
}

export interface MinutesSpeech {
  readonly name: string
  readonly stance: FloorStance
  readonly startedAt: string
  /** Null when the floor was never ended (the freeze came first). */
  readonly seconds: number | null
  /** The amendment whose discussion commune was debated, if the item was narrowed to one. */
  readonly on: string | null
}

export interface MinutesText {
  /** Null for the preamble. */
  readonly number: number | null
  readonly title: string
  /** The question it stands under; null for the preamble. */
  readonly question: string | null
  readonly outcome: 'adopted' | 'rejected' | null
  /** In the order the assembly took them: by the time each got its fate, then by label. */
  readonly amendments: readonly MinutesAmendment[]
  readonly speeches: readonly MinutesSpeech[]
}

/** A counted ballot's rule, electorate, count and times: what the sealed results and the minutes both tell. */
export interface CountedBallot {
  readonly rule: BallotRule
  readonly electorate: Electorate
  readonly result: Tally
  readonly status: string
  readonly openedAt: string | null
  readonly closedAt: string | null
  readonly publishedAt: string | null
  /** How it was counted: on phones, in the room (show of hands), or both. */
  readonly counting: CountingMethod
  /** The votes cast on phones: the board's count, apart from the room's. */
  readonly electronic: ChoiceCounts
}

export interface MinutesBallot extends CountedBallot {
  /**
   * What was put to the vote: a proposal (its number), an amendment (its label), the motion; a block
   * (the proposals' numbers or the amendments' labels); a part of a proposal (its label, "§ 2, 3").
   */
  readonly subject: {
    readonly kind: 'proposal' | 'amendment' | 'motion'
    readonly number: number | null
    readonly label: string
    readonly block: readonly string[] | null
    readonly part: string | null
  }
  /** What the bureau counted in the room, apart from the phones; null: all on phones. */
  readonly room: ChoiceCounts | null
}
