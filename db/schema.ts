import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

/** Epoch milliseconds, as SQLite stores them. */
type Millis = number

export interface CongressTable {
  id: string
  title: string
  edition: number
  organisation: string
  place: string
  date: string
  preamble_doc: string
  phase: string
  /** Accepted co-signers an amendment needs before it goes to the bureau. */
  min_cosigners: ColumnType<number, number | undefined, number>
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
}

export interface ParticipantTable {
  id: string
  congress_id: string
  name: string
  organisation: string
  email: string | null
  role: string
  access_code: string
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

export interface DocumentTable {
  name: string
  congress_id: string
  kind: string
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
  status: string
  /** The target's state vector when the amendment was filed: its changes are what lies past it. */
  fork_vector: Uint8Array
  ruling_reason: string | null
  /** JSON list of the ids of merged amendments that touched the same lines: the bureau reviews. */
  conflicts: ColumnType<string, string | undefined, string>
  /** The target's state just before this amendment was merged into it, so its diff still reads. */
  merged_onto: Uint8Array | null
  created_at: Millis
  updated_at: Millis
  merged_at: Millis | null
}

export interface AmendmentCosignerTable {
  amendment_id: string
  participant_id: string
  signed_at: Millis
  /** Set when the author accepts the co-signer, who then co-edits and counts. */
  accepted_at: Millis | null
}

export interface Database {
  congresses: CongressTable
  themes: ThemeTable
  proposals: ProposalTable
  participants: ParticipantTable
  sessions: SessionTable
  documents: DocumentTable
  document_updates: DocumentUpdateTable
  audit_log: AuditLogTable
  amendments: AmendmentTable
  amendment_cosigners: AmendmentCosignerTable
}

export type CongressRow = Selectable<CongressTable>
export type ThemeRow = Selectable<ThemeTable>
export type ProposalRow = Selectable<ProposalTable>
export type ParticipantRow = Selectable<ParticipantTable>
export type NewParticipant = Insertable<ParticipantTable>
export type DocumentRow = Selectable<DocumentTable>
export type AuditLogRow = Selectable<AuditLogTable>
export type AmendmentRow = Selectable<AmendmentTable>
