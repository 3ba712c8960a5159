import type SQLite from 'better-sqlite3'

/** Who writes an amendment's document: its author and the co-signers they accepted. */
export interface AmendmentWritersRow {
  readonly status: string
  readonly editorIds: readonly string[]
}

/** Synchronous look-ups the sync socket needs for every update, without awaiting. */
export interface CongressStore {
  phase(congressId: string): string | undefined
  amendmentWriters(docName: string): AmendmentWritersRow | undefined
  /** The documents of a congress that a ballot put to the vote (opened, closed or published): locked. */
  votedDocs(congressId: string): string[]
}

export function createCongressStore(sqlite: SQLite.Database): CongressStore {
  const phaseStmt = sqlite.prepare<[string], { phase: string }>('SELECT phase FROM congresses WHERE id = ?')
  const amendmentStmt = sqlite.prepare<[string], { id: string; status: string; author_id: string }>(
    'SELECT id, status, author_id FROM amendments WHERE doc_name = ?',
  )
  const cosignersStmt = sqlite.prepare<[string], { participant_id: string }>(
    'SELECT participant_id FROM amendment_cosigners WHERE amendment_id = ? AND accepted_at IS NOT NULL',
  )
  const votedStmt = sqlite.prepare<[string], { doc_name: string }>(
    "SELECT DISTINCT t.doc_name FROM ballot_texts t JOIN ballots b ON b.id = t.ballot_id WHERE b.congress_id = ? AND b.status != 'draft'",
  )
  return {
    phase: (congressId) => phaseStmt.get(congressId)?.phase,
    votedDocs: (congressId) => votedStmt.all(congressId).map((row) => row.doc_name),
    amendmentWriters(docName) {
      const amendment = amendmentStmt.get(docName)
      if (!amendment) return undefined
      const cosigners = cosignersStmt.all(amendment.id).map((row) => row.participant_id)
      return { status: amendment.status, editorIds: [amendment.author_id, ...cosigners] }
    },
  }
}
