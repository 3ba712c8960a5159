import type { ReimportPlan } from './participants/reimport-plan.ts'
import type { AmendmentStatus } from './amendments/amendment-status.ts'
import type { BureauOpinion } from './amendments/bureau-opinion.ts'
import type { FloorStance, SpeakerRules } from './floor/speakers.ts'
import type { LineRange } from './amendments/text-diff.ts'
import type { BallotRule, Choice } from './ballots/ballot-rule.ts'
import type { BallotStatus } from './ballots/ballot-status.ts'
import type { ChoiceCounts, Electorate, Tally } from './ballots/tally-types.ts'
import type { CongressIdentity } from './congress-identity.ts'
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
  /** Once its ballot's result is published. */
  readonly outcome: 'adopted' | 'rejected' | null
}

export interface CongressView extends CongressIdentity {
  readonly preambleDocName: string
  readonly preambleAmendmentCount: number
  readonly phase: Phase
  /** Accepted co-signers an amendment needs before it goes to the bureau. */
  readonly minCosigners: number
  /** IANA time zone in which the official outputs write their dates in words. */
  readonly timeZone: string
  /** Once the ballot on the whole motion is published. */
  readonly motionOutcome: 'adopted' | 'rejected' | null
  readonly themes: readonly ThemeView[]
  readonly proposals: readonly ProposalView[]
}

/** A participant as the bureau sees them: never with a code (the server keeps only its hash). */
export interface ParticipantDetailView {
  readonly id: string
  readonly name: string
  readonly organisation: string
  readonly email: string | null
  readonly role: Role
  readonly revoked: boolean
}

/** A participant with the code just issued: in the answer to an import or a reissue, and only there. */
export interface IssuedParticipantView extends ParticipantDetailView {
  readonly code: string
}

/**
 * What a corrected list would change (`POST …/participants/reimport/preview`): the plan of
 * shared/participants/reimport-plan.ts, and its `fingerprint`, which the apply sends back so that
 * it applies only what was shown.
 */
export interface ReimportPreviewView extends ReimportPlan {
  readonly fingerprint: string
}

/** What a re-import did: new people with their codes (shown once), and those changed. */
export interface ReimportResultView {
  readonly added: readonly IssuedParticipantView[]
  readonly changed: readonly ParticipantDetailView[]
  readonly unchanged: number
}

/** One sign-in with a participant's code, as they see it on their own page. */
export interface SignInView {
  readonly at: number
  /** From the User-Agent: a browser and a system name ("Chrome", "Android"), or "" when unknown. */
  readonly browser: string
  readonly os: string
  /** The first characters of the session's hash: tells two sessions apart. */
  readonly session: string
  /** The session this request is made with. */
  readonly current: boolean
  readonly endedAt: number | null
}

/** A vote cast with a participant's code (for themselves or someone they represent), or for them. */
export interface ActivityVoteView {
  readonly ballotId: string
  readonly subject: string
  readonly castAt: number | null
  /** Whose vote it was: the participant's own, or a proxy's. */
  readonly representedName: string
  readonly own: boolean
}

/** GET /api/congresses/:id/me/activity: what was done with one's code. */
export interface MyActivityView {
  readonly signIns: readonly SignInView[]
  readonly votes: readonly ActivityVoteView[]
}

export interface AuditEntryView {
  readonly seq: number
  readonly at: number
  /** Null when the command line acted. */
  readonly actorId: string | null
  readonly actorName: string
  readonly action: string
  readonly payload: Readonly<Record<string, unknown>>
  readonly prevHash: string
  readonly hash: string
}

/** A text of the congress as the log's sentences name it. */
export type AuditTextRef = { readonly kind: 'preamble' } | { readonly kind: 'proposal'; readonly number: number } | { readonly kind: 'amendment'; readonly label: string }

/**
 * What the log's sentences name that payloads only point at, read for the entries returned (a few
 * queries for the whole log, none per entry): each map holds only the ids the entries mention.
 */
export interface AuditRefs {
  /** Participant id → name. */
  readonly people: Readonly<Record<string, string>>
  /** Amendment id → its label today ("P2-A1"). */
  readonly amendments: Readonly<Record<string, string>>
  /** Document name → the text it holds. */
  readonly texts: Readonly<Record<string, AuditTextRef>>
  /** Proposal id → its number today. */
  readonly proposals: Readonly<Record<string, number>>
  /** Question (theme) id → its title today. */
  readonly themes: Readonly<Record<string, string>>
}

/** GET /api/congresses/:id/audit: the log, oldest first, with what its sentences need. */
export interface AuditListView {
  readonly entries: readonly AuditEntryView[]
  readonly refs: AuditRefs
}

/** One request for the floor, with its speaker's name. */
export interface FloorTurnView {
  readonly requestId: string
  readonly participantId: string
  readonly name: string
  readonly stance: FloorStance
  readonly askedAt: number
  readonly startedAt: number | null
  readonly endedAt: number | null
}

/** The floor: the item under debate, who speaks, who waits (in the order the floor will be given), who spoke. */
export interface FloorView {
  /** The server's clock when it answered: pages measure their own clock's offset from it (shared/floor/speech-clock.ts). */
  readonly now: number
  readonly debateDoc: string | null
  /** The item narrowed to this amendment's discussion commune (with the amendments debated with it); null: the whole text. */
  readonly debateAmendment: { readonly id: string; readonly label: string } | null
  readonly speakingSeconds: number
  readonly rules: SpeakerRules
  readonly speaking: FloorTurnView | null
  readonly queue: readonly FloorTurnView[]
  readonly spoken: readonly FloorTurnView[]
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
  /** The document it amends: for a sub-amendment, its parent's text. */
  readonly targetDocName: string
  /** A sub-amendment's parent amendment (null for an amendment to a text). */
  readonly parentId: string | null
  readonly parentLabel: string | null
  /** The bureau's proposed rewording of its parent, which the parent's author accepts or declines. */
  readonly rewording: boolean
  /** When the amendment took a rewording the bureau proposed (*rectifié*). */
  readonly rectifiedAt: number | null
  readonly author: AmendmentPersonView
  /** Co-signers; the accepted ones co-edit and count toward the congress's minimum. */
  readonly cosigners: readonly (AmendmentPersonView & { readonly accepted: boolean })[]
  readonly justification: string
  readonly rulingReason: string | null
  /** The base lines it changes (against the text as it is now, or as it was when merged). */
  readonly changedLines: readonly LineRange[]
  /** How far it departs from the text, as the running order reads it (shared/floor/running-order.ts). */
  readonly departure: { readonly deletion: boolean; readonly distance: number }
  /** A digest of the text it makes: two amendments with the same are identical, voted together. */
  readonly resultDigest: string
  /** Fallen: the label of the adopted amendment that changed the same lines first. */
  readonly fallenBy: string | null
  /** The bureau's opinion, once given. */
  readonly opinion: { readonly opinion: BureauOpinion; readonly comment: string; readonly givenAt: number } | null
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
  /** For a sub-amendment or a rewording: the amendment it amends, and that amendment's author (who answers a rewording). */
  readonly parent: { readonly id: string; readonly label: string; readonly authorId: string } | null
  /** Its sub-amendments, in their order. */
  readonly subAmendments: readonly AmendmentView[]
  /** The rewordings the bureau proposed to it, answered or not. */
  readonly rewordings: readonly AmendmentView[]
  /** The bureau's last ruling on its admissibility (or its change): who (null: the command line) and when; null if never ruled. */
  readonly ruled: { readonly by: string | null; readonly at: number } | null
  /** For the bureau: whether it may still change that ruling (nothing stands on it: no ballot, no sub-amendment voted, its text not voted); false for every other reader. */
  readonly rulingChangeable: boolean
}

export type { BallotStatus }

/** What a ballot decides: an amendment, a proposal, or the whole motion. */
export interface BallotSubjectView {
  readonly kind: 'amendment' | 'proposal' | 'motion'
  /** The amendment's or the proposal's id; null for the motion. */
  readonly id: string | null
  /** "P12-A3", "Proposition 12", "Motion". */
  readonly label: string
  /** The text under debate: the proposal's (or preamble's) document; for an amendment, the one it amends. */
  readonly docName: string | null
  /** The proposal's number, for an amendment to a proposal or a proposal. */
  readonly proposalNumber: number | null
  /**
   * A block ballot's proposals or amendments (*vote en bloc*), in the bureau's order; the fields above
   * name the first. `number`: a proposal's (null for an amendment); `label`: "Proposition 3", "P2-A1";
   * `title`: a proposal's; `docName`: its own text.
   */
  readonly block: readonly { readonly id: string; readonly number: number | null; readonly label: string; readonly title: string; readonly docName: string }[] | null
  /** A ballot on a part of the proposal (*vote par division*): its paragraphs' words and its label ("§ 2, 3"). */
  readonly part: { readonly label: string; readonly blocks: readonly string[] } | null
}

export interface BallotView {
  readonly id: string
  readonly congressId: string
  readonly subject: BallotSubjectView
  readonly rule: BallotRule
  readonly status: BallotStatus
  readonly createdAt: number
  readonly openedAt: number | null
  /** Votes arriving from then on are refused, if the bureau set a duration. */
  readonly closesAt: number | null
  readonly closedAt: number | null
  readonly publishedAt: number | null
  /** Fixed when the ballot opens. */
  readonly electorate: Electorate | null
  /** Votes received out of the votes open (present + represented); null before it opens. */
  readonly participation: { readonly voted: number; readonly rights: number } | null
  /** The count: for the bureau once closed, for everyone once published. */
  readonly result: Tally | null
  /** SHA-256 chain over the board, sorted by receipt; set when the ballot closes. */
  readonly chainHead: string | null
  /**
   * What the bureau counted in the room (show of hands), shown where the result is: `result` is
   * the phones and the room together, the phones' own figures are `result` less these.
   */
  readonly room: RoomCountView | null
}

/** A ballot's count in the room, as the bureau entered it. */
export interface RoomCountView extends ChoiceCounts {
  /** Roll-call ballots: each person counted in the room and their choice, by name. */
  readonly names: readonly RoomVoteView[] | null
  readonly recordedAt: number
}

export interface RoomVoteView {
  readonly participantId: string
  readonly name: string
  readonly choice: Choice
}

/** One vote the signed-in participant may cast in a ballot: their own, or one per proxy they hold. */
export interface VotingRightView {
  /** The person represented (the voter themselves for their own vote). */
  readonly representedId: string
  readonly name: string
  readonly self: boolean
  readonly voted: boolean
  /** When that vote was stored (ms, to the second), if voted and known: "already cast, at…". */
  readonly castAt: number | null
}

/** GET /api/ballots/:id/me: the ballot and what the signed-in participant may do in it. */
export interface MyBallotView {
  readonly ballot: BallotView
  /** Empty when they are not on the ballot's list (not checked in when it opened, proxy given…). */
  readonly rights: readonly VotingRightView[]
  /** Why they have no vote, when rights is empty. */
  readonly noRightReason: 'not-present' | 'proxy-given' | 'role' | null
}

export interface VoteReceiptView {
  /** 64 hex characters; shown grouped, the first 12 are enough to find it on the board. */
  readonly receipt: string
  /**
   * The server's half of the vote's nonce (32 hex): with the choice and the device's own half the
   * device recomputes the receipt (shared/ballots/receipt.ts). Every answer has the same length.
   */
  readonly nonce: string
}

export interface BoardEntryView {
  readonly receipt: string
  readonly choice: Choice
  /**
   * sha256("plenum-ballot|" + ballotId + "|" + choice + "|" + nonce) = receipt, where nonce is the
   * server's 32 hex characters then the voter's device's 32 (only the server's 32 for votes cast
   * before devices took part).
   */
  readonly nonce: string
  /** Roll-call ballots only: who is represented by this vote. */
  readonly name: string | null
}

export interface BoardView {
  readonly ballotId: string
  readonly secrecy: BallotRule['secrecy']
  /** Sorted by receipt. */
  readonly entries: readonly BoardEntryView[]
  readonly chainHead: string
  /** Receipts listed more than once (a board that has any is not sound): none, always, from an honest server. */
  readonly duplicates: readonly string[]
}

/** The bureau's live view of a ballot in progress. */
export interface ParticipationView {
  readonly voted: number
  readonly rights: number
  /** Roll-call ballots only: who has not voted yet (represented people, with their holder). */
  readonly notVoted: readonly { readonly id: string; readonly name: string; readonly holderName: string | null }[] | null
}

/** A participant as the check-in desk sees them. */
export interface AttendanceEntryView {
  readonly id: string
  readonly name: string
  readonly organisation: string
  readonly role: Role
  readonly present: boolean
  /** To whom they gave their proxy, if they did. */
  readonly proxyTo: { readonly id: string; readonly name: string } | null
  /** Whose proxies they hold. */
  readonly proxiesHeld: readonly { readonly id: string; readonly name: string }[]
}

export interface AttendanceView {
  readonly entries: readonly AttendanceEntryView[]
  readonly presentCount: number
  readonly entitledCount: number
  /** The code shown in the room (on the projector) with which participants check themselves in. */
  readonly roomCode: string
}

/** What the projector shows: driven by the bureau. */
export interface ProjectorView {
  readonly congressTitle: string
  readonly ballot: BallotView | null
  /** Where a phone joins the vote: encoded in the QR code. */
  readonly joinUrl: string
  readonly roomCode: string
  /** The next ballot prepared (the oldest draft), for the idle wall to announce; null when none is. */
  readonly nextBallot: BallotSubjectView | null
}

/**
 * What is still outstanding before the freeze (`GET /api/congresses/:id/freeze-check`, bureau): the
 * freeze seals these as they stand, so the bureau sees them, and confirms them by name, first.
 */
export interface FreezeCheckView {
  /** The phase now: a freeze outside the voting phase is unusual. */
  readonly phase: Phase
  /** Proposals with no outcome: never put to the vote (or their ballot not yet published). */
  readonly proposalsNotVoted: readonly { readonly id: string; readonly number: number; readonly title: string }[]
  /** Amendments awaiting a ruling (`submitted`), a vote (`admissible`) or their merge (`adopted`), in label order. */
  readonly amendmentsPending: readonly { readonly id: string; readonly label: string; readonly status: 'submitted' | 'admissible' | 'adopted' }[]
  /** Ballots open (the freeze is refused until they close) or closed and not published. */
  readonly ballotsPending: readonly {
    readonly id: string
    readonly status: 'open' | 'closed'
    /** The subject: the proposal's number or the amendment's label (the first, for a block); both null for the motion. */
    readonly subject: { readonly kind: 'amendment' | 'proposal' | 'motion'; readonly proposalNumber: number | null; readonly amendmentLabel: string | null }
  }[]
}

/** What freezing returns: the seal of the bundle. */
export interface FreezeView {
  readonly manifestSha256: string
  /** Base64 of SHA256SUMS.sig: the Ed25519 signature over the bytes of SHA256SUMS (bundles sealed before plenum-bundle/2: over manifest.json). */
  readonly signature: string
}

/** The seal of a frozen congress, for the advisor page and anyone checking it. */
export interface SealInfoView extends FreezeView {
  readonly frozenAt: string
  readonly publicKeyPem: string
  /** SHA-256 of the public key (DER), in groups of four hex digits. */
  readonly publicKeyFingerprint: string
  /** The bundle's files with their digests, as manifest.json lists them (not manifest.json, SHA256SUMS, SHA256SUMS.sig). */
  readonly files: readonly { readonly name: string; readonly bytes: number; readonly sha256: string }[]
}

export interface DeliveryView {
  readonly id: string
  readonly advisorName: string
  readonly institution: string
  /** YYYY-MM-DD. */
  readonly date: string
  readonly channel: string
  /** The advisor's access code, and the link that opens their page: in the answer that records the delivery only. */
  readonly code: string | null
  readonly joinUrl: string | null
}

/**
 * Where a text of the motion stands: its last published ballot's decision, a ballot on it under
 * way (open, or counted and not yet published: on it alone, in a block, or on a part of it), or
 * not yet put to the vote.
 */
export type MotionTextStatus = 'adopted' | 'rejected' | 'under-vote' | 'not-voted'

/** A text's amendments, counted by status (its sub-amendments and the bureau's rewordings aside: they amend an amendment). */
export type AmendmentCounts = Readonly<Record<AmendmentStatus, number>>

/** One text of the motion as it stands now: its paragraphs, read live, and its amendments. */
export interface MotionTextView {
  readonly docName: string
  readonly paragraphs: readonly string[]
  readonly amendments: AmendmentCounts
}

export interface MotionProposalView extends MotionTextView {
  readonly id: string
  readonly number: number
  readonly title: string
  readonly status: MotionTextStatus
}

export interface MotionQuestionView {
  readonly id: string
  readonly position: number
  readonly title: string
  readonly proposals: readonly MotionProposalView[]
}

/** The whole motion as it stands (GET /api/congresses/:id/motion): the preamble, the questions and every proposal's text. */
export interface MotionView extends CongressIdentity {
  readonly phase: Phase
  /** The whole motion's own ballot (the preamble is voted with it). */
  readonly status: MotionTextStatus
  readonly preamble: MotionTextView
  readonly questions: readonly MotionQuestionView[]
}
