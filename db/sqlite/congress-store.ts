import type SQLite from 'better-sqlite3'
import type { AmendmentStatus } from '../../shared/amendments/amendment-status.ts'
import type { Phase } from '../../shared/phases.ts'
import type { CongressStore } from '../congress-store.ts'

export function createSqliteCongressStore(sqlite: SQLite.Database): CongressStore {
  // The database refuses any other phase or status (its CHECK constraints), so the columns are one.
  const phaseStmt = sqlite.prepare<[string], { phase: Phase }>('SELECT phase FROM congresses WHERE id = ?')
  const amendmentStmt = sqlite.prepare<[string], { id: string; status: AmendmentStatus; author_id: string }>(
    'SELECT id, status, author_id FROM amendments WHERE doc_name = ?',
  )
  const cosignersStmt = sqlite.prepare<[string], { participant_id: string; accepted: 0 | 1 }>(
    'SELECT participant_id, accepted_at IS NOT NULL AS accepted FROM amendment_cosigners WHERE amendment_id = ? ORDER BY signed_at',
  )
  const votedStmt = sqlite.prepare<[string], { doc_name: string }>(
    "SELECT DISTINCT t.doc_name FROM ballot_texts t JOIN ballots b ON b.id = t.ballot_id WHERE b.congress_id = ? AND b.status != 'draft'",
  )
  return {
    phase: async (congressId) => phaseStmt.get(congressId)?.phase,
    votedDocs: async (congressId) => votedStmt.all(congressId).map((row) => row.doc_name),
    async amendmentAuthorship(docName) {
      const amendment = amendmentStmt.get(docName)
      if (!amendment) return undefined
      const cosigners = cosignersStmt.all(amendment.id).map((row) => ({ id: row.participant_id, accepted: row.accepted === 1 }))
      return { status: amendment.status, author: { id: amendment.author_id }, cosigners }
    },
  }
}
