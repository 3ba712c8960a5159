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
}

export function createCongressStore(sqlite: SQLite.Database): CongressStore {
  const phaseStmt = sqlite.prepare<[string], { phase: string }>('SELECT phase FROM congresses WHERE id = ?')
  const amendmentStmt = sqlite.prepare<[string], { id: string; status: string; author_id: string }>(
    'SELECT id, status, author_id FROM amendments WHERE doc_name = ?',
  )
  const cosignersStmt = sqlite.prepare<[string], { participant_id: string }>(
    'SELECT participant_id FROM amendment_cosigners WHERE amendment_id = ? AND accepted_at IS NOT NULL',
  )
  return {
    phase: (congressId) => phaseStmt.get(congressId)?.phase,
    amendmentWriters(docName) {
      const amendment = amendmentStmt.get(docName)
      if (!amendment) return undefined
      const cosigners = cosignersStmt.all(amendment.id).map((row) => row.participant_id)
      return { status: amendment.status, editorIds: [amendment.author_id, ...cosigners] }
    },
  }
}
