import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { AmendmentStatus } from '../shared/amendments/amendment-status.ts'
import type { BureauOpinion } from '../shared/amendments/bureau-opinion.ts'
import type { FloorRequestStatus, FloorStance } from '../shared/floor/speakers.ts'
import type { Choice } from '../shared/ballots/ballot-rule.ts'
import type { BallotStatus } from '../shared/ballots/ballot-status.ts'
import type { Decision } from '../shared/ballots/decision.ts'
import type { SubjectKind } from '../shared/ballots/subject-kind.ts'
import type { DocKind } from '../shared/docs/doc-name.ts'
import type { Phase } from '../shared/phases.ts'
import type { NotificationKind } from '../shared/notifications/notification-kinds.ts'
import type { VersionEvent } from '../shared/history/text-history.ts'
import type { Role } from '../shared/roles.ts'

/** Epoch milliseconds, as SQLite stores them. */
type Millis = number

/**
 * A column holding one of a shared union's values, on reads, inserts and updates alike. The
 * database refuses any other value (migration 0009), so a row read back needs no guard.
 */
type OneOf<T extends string> = ColumnType<T, T, T>
/** The same, for a nullable column that may be left out of an insert. */
type OneOfOrNull<T extends string> = ColumnType<T | null, T | null | undefined, T | null>

export interface CongressTable {
  id: string
  title: string
  edition: number
  organisation: string
  place: string
  date: string
  preamble_doc: string
  /** Defaults to 'drafting' for rows older than phases (migration 0002). */
  phase: ColumnType<Phase, Phase | undefined, Phase>
  /** Accepted co-signers an amendment needs before it goes to the bureau. */
  min_cosigners: ColumnType<number, number | undefined, number>
  /** IANA time zone of the official outputs' dates in words (migration 0023). */
  time_zone: ColumnType<string, string | undefined, string>
  /** JSON BallotRule: the template of new ballots; null for the default. */
  ballot_rule: ColumnType<string | null, string | null | undefined, string | null>
  /** Shown in the room: participants check themselves in with it. */
  room_code: ColumnType<string | null, string | null | undefined, string | null>
  projected_ballot_id: ColumnType<string | null, string | null | undefined, string | null>
  /** Once the ballot on the whole motion is published. */
  motion_outcome: OneOfOrNull<Decision>
  created_at: ColumnType<Millis, Millis | undefined, never>
}

export interface ThemeTable {
  id: string
  congress_id: string
  title: string
  position: number
}

export interface ProposalTable {
  id: string
  congress_id: string
  theme_id: string
  number: number
  title: string
  doc_name: string
  /** Once its ballot is published. */
  outcome: OneOfOrNull<Decision>
  outcome_ballot_id: ColumnType<string | null, string | null | undefined, string | null>
}

export interface ParticipantTable {
  id: string
  congress_id: string
  name: string
  organisation: string
  email: string | null
  role: OneOf<Role>
  /** hashAccessCode(code) (server/ids.ts): the code itself is shown once, when it is issued, never stored. */
  access_code_hash: string
  created_at: ColumnType<Millis, Millis | undefined, never>
  /** Set when the bureau revokes the code; cleared when it issues a new one. */
  revoked_at: Millis | null
}

export interface SessionTable {
  /** SHA-256 of the token: a copied database file lets no one in. */
  token_hash: string
  participant_id: string
  created_at: Millis
  expires_at: Millis
}

/** One sign-in with an access code: shown to the participant whose code it was. */
export interface SignInTable {
  id: string
  participant_id: string
  congress_id: string
  at: Millis
  /** From the User-Agent, as a label only ("Chrome", "Android"): never the full header. */
  browser: string
  os: string
  /** The session it opened (sessions.token_hash). */
  session_hash: string
  /** When that session signed out. */
  ended_at: Millis | null
}

export interface DocumentTable {
  name: string
  congress_id: string
  kind: OneOf<DocKind>
  /** The compacted Yjs state; the log below holds what came after it. */
  state: Uint8Array
  updated_at: Millis
}

export interface DocumentUpdateTable {
  id: Generated<number>
  doc_name: string
  data: Uint8Array
  created_at: Millis
}

export interface AuditLogTable {
  seq: Generated<number>
  congress_id: string
  at: Millis
  /** Null for what the command line did. */
  actor_id: string | null
  actor_name: string
  action: string
  /** Canonical JSON. */
  payload: string
  /** SHA-256 of the previous entry of the same congress (64 zeros for the first). */
  prev_hash: string
  /** SHA-256 of this entry, its prev_hash included. */
  hash: string
}

export interface AmendmentTable {
  id: string
  congress_id: string
  /** Null for an amendment to the preamble. */
  proposal_id: string | null
  /** The document it amends (the proposal's or the preamble's). */
  target_doc: string
  /** From 1 per target document. */
  number: number
  doc_name: string
  author_id: string
  justification: string
  status: OneOf<AmendmentStatus>
  /** The target's state vector when the amendment was filed: its changes are what lies past it. */
  fork_vector: Uint8Array
  ruling_reason: string | null
  /** Who ruled last (the ruling or its correction); null when the command line did, or none yet. */
  ruled_by: ColumnType<string | null, string | null | undefined, string | null>
  /** When it was ruled last; null if never. */
  ruled_at: ColumnType<Millis | null, Millis | null | undefined, Millis | null>
  /** JSON list of the ids of merged amendments that touched the same lines: the bureau reviews. */
  conflicts: ColumnType<string, string | undefined, string>
  /** The target's state just before this amendment was merged into it, so its diff still reads. */
  merged_onto: Uint8Array | null
  created_at: Millis
  updated_at: Millis
  merged_at: Millis | null
  /** Set when it fell: the adopted amendment that changed the same lines. */
  fallen_by: ColumnType<string | null, string | null | undefined, string | null>
  /** Set for a sub-amendment: the amendment it amends (its `target_doc` is that amendment's text). */
  parent_id: ColumnType<string | null, string | null | undefined, string | null>
  /** 1 for the bureau's proposed rewording of its parent, which the parent's author accepts or declines. */
  rewording: ColumnType<number, number | undefined, number>
  /** When it took a rewording the bureau proposed (*rectifié*). */
  rectified_at: ColumnType<Millis | null, Millis | null | undefined, Millis | null>
}

export interface AmendmentCosignerTable {
  amendment_id: string
  participant_id: string
  signed_at: Millis
  /** Set when the author accepts the co-signer, who then co-edits and counts. */
  accepted_at: Millis | null
}

/** The bureau's opinion on an amendment, one per amendment (shared/amendments/bureau-opinion.ts). */
export interface AmendmentOpinionTable {
  amendment_id: string
  opinion: BureauOpinion
  comment: string
  /** Null when the command line gave it. */
  given_by: string | null
  given_at: Millis
}

/** The bureau's own order of the votes on one text: the first amendment id of each vote (JSON list). */
export interface VoteOrderTable {
  target_doc: string
  congress_id: string
  lead_ids: string
  /** Null when the command line set it. */
  set_by: string | null
  set_at: Millis
}

/** The floor of a congress: the item under debate and the rules of its list of speakers (absent: none, the defaults). */
export interface FloorSettingsTable {
  congress_id: string
  debate_doc: string | null
  /** Narrows the item to one amendment's discussion commune (with the amendments debated with it). */
  debate_amendment: string | null
  speaking_seconds: number
  /** 1 or 0. */
  alternate: number
  /** 1 or 0. */
  first_timers: number
}

/** A request for the floor on the item under debate, and when its speaker spoke. */
export interface FloorRequestTable {
  id: string
  congress_id: string
  debate_doc: string
  /** The amendment whose discussion commune was under debate, if the item was narrowed to one. */
  debate_amendment: ColumnType<string | null, string | null | undefined, string | null>
  participant_id: string
  stance: FloorStance
  status: FloorRequestStatus
  asked_at: Millis
  started_at: Millis | null
  ended_at: Millis | null
}

export interface AttendanceTable {
  participant_id: string
  congress_id: string
  checked_in_at: Millis
}

/** A pouvoir: the giver is represented by the holder (while present) in every ballot that allows it. */
export interface ProxyTable {
  giver_id: string
  congress_id: string
  holder_id: string
  created_at: Millis
}

export interface BallotTable {
  id: string
  congress_id: string
  subject_kind: OneOf<SubjectKind>
  subject_id: string | null
  /** JSON BallotRule, fixed once open. */
  rule: string
  status: OneOf<BallotStatus>
  created_at: Millis
  opened_at: Millis | null
  closes_at: Millis | null
  closed_at: Millis | null
  published_at: Millis | null
  entitled_count: number | null
  present_count: number | null
  represented_count: number | null
  /** JSON Tally, computed when the ballot closes. */
  result: string | null
  chain_head: string | null
}

/** A text a ballot put to the vote, with the digest of its paragraphs when the ballot opened. */
export interface BallotTextTable {
  ballot_id: string
  doc_name: string
  sha256: string
}

/** Where the texts a ballot put to the vote stood when it opened (see services/voted-texts.ts). */
export interface BallotStructureTable {
  ballot_id: string
  /** Canonical JSON VotedPlace. */
  structure: string
  sha256: string
}

export interface BallotVoterTable {
  ballot_id: string
  represented_id: string
  holder_id: string
}

export interface BallotParticipationTable {
  ballot_id: string
  represented_id: string
  client_vote_hash: string
  receipt_box: Uint8Array
  /** When the vote was stored (its group commit), ms; null before migration 0007. Never on the box. */
  cast_at: ColumnType<Millis | null, Millis | null | undefined, Millis | null>
}

export interface BallotBoxTable {
  ballot_id: string
  receipt: string
  choice: OneOf<Choice>
  nonce: string
  represented_id: string | null
}

/** What the bureau counted in the room for a ballot (show of hands, or paper): apart from the box. */
export interface RoomCountTable {
  ballot_id: string
  yes: number
  no: number
  abstain: number
  recorded_at: Millis
}

/** The proposals, or the amendments, a block ballot puts to one vote (*en bloc*), in the bureau's order; the ballot's row names the first. */
export interface BallotBlockMemberTable {
  ballot_id: string
  position: number
  /** One of the two, as the ballot's subject_kind says. */
  proposal_id: string | null
  amendment_id: string | null
}

/** A ballot on a part of a proposal (*vote par division*): its blocks' words, and how the bureau named it. */
export interface BallotPartTable {
  ballot_id: string
  /** JSON list of the blocks' texts, in order. */
  blocks: string
  /** JSON list of where they stood when the part was made (from 0). */
  positions: string
  /** "§ 2, 3". */
  label: string
}

/** A part rejected and cut from its text: the text's digest before and after (shared with ballot_texts). */
export interface TextCutTable {
  ballot_id: string
  doc_name: string
  from_sha256: string
  to_sha256: string
  cut_at: Millis
}

/** A roll-call ballot's room count, name by name. */
export interface RoomVoteTable {
  ballot_id: string
  participant_id: string
  choice: OneOf<Choice>
}

export interface FrozenDocumentTable {
  doc_name: string
  congress_id: string
  /** Y.encodeStateAsUpdateV2 of the document when the congress froze. */
  state_v2: Uint8Array
  /** SHA-256 of state_v2, hex. */
  sha256: string
}

export interface SealTable {
  congress_id: string
  frozen_at: Millis
  manifest_sha256: string
  /** Ed25519 over the bytes of manifest.json, base64. */
  signature: string
  public_key_fingerprint: string
}

export interface DeliveryTable {
  id: string
  congress_id: string
  advisor_name: string
  institution: string
  /** YYYY-MM-DD, as the bureau recorded it. */
  delivered_on: string
  channel: string
  /** The advisor's access: a participant with the role advisor. */
  participant_id: string
  created_at: Millis
}

/** A version of a text (server/history/): the Yjs changes since the version before, never a full copy. */
export interface TextVersionTable {
  id: string
  congress_id: string
  doc_name: string
  /** 1, 2, 3… per text; unique with doc_name, so two processes never both take the same one. */
  seq: number
  at: Millis
  event: OneOf<VersionEvent>
  /** Y.encodeStateAsUpdate against the previous version's state vector, with only the deletions made since. */
  delta: Uint8Array
  actor_id: string | null
  phase: OneOfOrNull<Phase>
  amendment_id: string | null
  restored_from: string | null
}

/** The people who typed in a text between a version and the one before it. */
export interface TextVersionTypistTable {
  version_id: string
  participant_id: string
}

/** Who typed in a text, and when last: what the next version takes as its typists. */
export interface TextTypingTable {
  doc_name: string
  participant_id: string
  typed_at: Millis
}

/** One notification of one person (server/notifications/): written with the decision that causes it. */
export interface NotificationTable {
  id: Generated<number>
  congress_id: string
  participant_id: string
  kind: OneOf<NotificationKind>
  at: Millis
  actor_name: string
  label: string
  parent_label: string | null
  amendment_id: string | null
  ballot_id: string | null
}

/** How far a person has read their notifications: every id at or below `read_up_to` is read. */
export interface NotificationReadTable {
  participant_id: string
  read_up_to: number
}

/** An author's invitation to co-sign an amendment, until the invitee accepts it. */
export interface AmendmentCosignInvitationTable {
  amendment_id: string
  participant_id: string
  invited_at: Millis
}

export interface Database {
  congresses: CongressTable
  themes: ThemeTable
  proposals: ProposalTable
  participants: ParticipantTable
  sessions: SessionTable
  sign_ins: SignInTable
  documents: DocumentTable
  document_updates: DocumentUpdateTable
  audit_log: AuditLogTable
  amendments: AmendmentTable
  amendment_cosigners: AmendmentCosignerTable
  amendment_opinions: AmendmentOpinionTable
  vote_orders: VoteOrderTable
  floor_settings: FloorSettingsTable
  floor_requests: FloorRequestTable
  attendance: AttendanceTable
  proxies: ProxyTable
  ballots: BallotTable
  ballot_voters: BallotVoterTable
  ballot_texts: BallotTextTable
  ballot_structures: BallotStructureTable
  ballot_participations: BallotParticipationTable
  ballot_box: BallotBoxTable
  room_counts: RoomCountTable
  ballot_block_members: BallotBlockMemberTable
  ballot_parts: BallotPartTable
  text_cuts: TextCutTable
  room_votes: RoomVoteTable
  frozen_documents: FrozenDocumentTable
  seals: SealTable
  deliveries: DeliveryTable
  text_versions: TextVersionTable
  text_version_typists: TextVersionTypistTable
  text_typing: TextTypingTable
  notifications: NotificationTable
  notification_reads: NotificationReadTable
  amendment_cosign_invitations: AmendmentCosignInvitationTable
}

export type CongressRow = Selectable<CongressTable>
export type TextVersionRow = Selectable<TextVersionTable>
export type AmendmentOpinionRow = Selectable<AmendmentOpinionTable>
export type FloorRequestRow = Selectable<FloorRequestTable>
export type ThemeRow = Selectable<ThemeTable>
export type ProposalRow = Selectable<ProposalTable>
export type ParticipantRow = Selectable<ParticipantTable>
export type NewParticipant = Insertable<ParticipantTable>
export type DocumentRow = Selectable<DocumentTable>
export type AuditLogRow = Selectable<AuditLogTable>
export type AmendmentRow = Selectable<AmendmentTable>
export type BallotRow = Selectable<BallotTable>
