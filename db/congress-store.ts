import type SQLite from 'better-sqlite3'
import type { AmendmentStatus } from '../shared/amendments/amendment-status.ts'
import type { AmendmentAuthorship } from '../shared/permissions.ts'
import type { Phase } from '../shared/phases.ts'

/**
 * Synchronous look-ups the sync socket needs for every update, without awaiting. The store gives
 * the facts only; who may write what is decided by shared/permissions.ts.
 */
export interface CongressStore {
  /** Undefined for a congress that does not exist. */
  phase(congressId: string): Phase | undefined
  /** An amendment document's status, author and co-signers; undefined for a document that is no amendment. */
  amendmentAuthorship(docName: string): AmendmentAuthorship | undefined
  /** The documents of a congress that a ballot put to the vote (opened, closed or published): locked. */
  votedDocs(congressId: string): string[]
}

export function createCongressStore(sqlite: SQLite.Database): CongressStore {
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
    phase: (congressId) => phaseStmt.get(congressId)?.phase,
    votedDocs: (congressId) => votedStmt.all(congressId).map((row) => row.doc_name),
    amendmentAuthorship(docName) {
      const amendment = amendmentStmt.get(docName)
      if (!amendment) return undefined
      const cosigners = cosignersStmt.all(amendment.id).map((row) => ({ id: row.participant_id, accepted: row.accepted === 1 }))
      return { status: amendment.status, author: { id: amendment.author_id }, cosigners }
    },
  }
}
