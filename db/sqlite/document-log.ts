import type SQLite from 'better-sqlite3'
import { storedDocument, type DocumentLog } from '../document-log.ts'
import { foldUpdates } from '../fold-updates.ts'
import type { DocumentRow } from '../schema.ts'
import type { Phase } from '../../shared/phases.ts'

/**
 * The SQLite document log: synchronous statements on the server's one connection, so an append
 * made inside a command's transaction (appendInTransaction) is part of it, and the sync server's
 * appends never land inside another transaction (server/commands/command.ts keeps those to one turn).
 */
export function createSqliteDocumentLog(sqlite: SQLite.Database): DocumentLog {
  const docStmt = sqlite.prepare<[string], Pick<DocumentRow, 'name' | 'congress_id' | 'kind' | 'state'>>(
    'SELECT name, congress_id, kind, state FROM documents WHERE name = ?',
  )
  const updatesStmt = sqlite.prepare<[string], { id: number; data: Buffer }>(
    'SELECT id, data FROM document_updates WHERE doc_name = ? ORDER BY id',
  )
  const appendStmt = sqlite.prepare<[string, Uint8Array, number]>(
    'INSERT INTO document_updates (doc_name, data, created_at) VALUES (?, ?, ?)',
  )
  // One statement: the premise and the insert read the same state.
  const appendIfStmt = sqlite.prepare<[string, Uint8Array, number, string, Phase, string, string]>(
    `INSERT INTO document_updates (doc_name, data, created_at)
     SELECT ?, ?, ?
      WHERE EXISTS (SELECT 1 FROM congresses WHERE id = ? AND phase = ?)
        AND NOT EXISTS (SELECT 1 FROM ballot_texts t JOIN ballots b ON b.id = t.ballot_id WHERE t.doc_name = ? AND b.status <> 'draft')
        AND NOT EXISTS (SELECT 1 FROM amendments WHERE doc_name = ? AND status NOT IN ('draft', 'submitted'))`,
  )
  const setStateStmt = sqlite.prepare<[Uint8Array, number, string]>(
    'UPDATE documents SET state = ?, updated_at = ? WHERE name = ?',
  )
  const dropUpdatesStmt = sqlite.prepare<[string, number]>('DELETE FROM document_updates WHERE doc_name = ? AND id <= ?')
  const sizeStmt = sqlite.prepare<[string, string], { stateBytes: number; logBytes: number; logCount: number }>(
    `SELECT (SELECT length(state) FROM documents WHERE name = ?) AS stateBytes,
            coalesce(sum(length(data)), 0) AS logBytes, count(*) AS logCount
       FROM document_updates WHERE doc_name = ?`,
  )
  // IMMEDIATE: the write lock is taken before the log is read, so another process sharing the file
  // cannot append between the read and the delete (its append waits, and lands after).
  const compactTx = sqlite.transaction((name: string, now: number): { stateBytes: number } => {
    const doc = docStmt.get(name)
    if (!doc) return { stateBytes: 0 }
    const rows = updatesStmt.all(name)
    if (rows.length === 0) return { stateBytes: doc.state.byteLength }
    const state = foldUpdates(doc.state, rows.map((r) => r.data))
    setStateStmt.run(state, now, name)
    dropUpdatesStmt.run(name, rows.at(-1)!.id)
    return { stateBytes: state.byteLength }
  })
  const append = (name: string, update: Uint8Array, now: number) => void appendStmt.run(name, update, now)

  return {
    async load(name) {
      const doc = docStmt.get(name)
      if (!doc) return undefined
      const rows = updatesStmt.all(name)
      return storedDocument(doc, rows)
    },
    append: async (name, update, now, premise) => appendIfStmt.run(name, update, now, premise.congressId, premise.phase, name, name).changes === 1,
    // The transaction is on this same connection: a synchronous append is inside it.
    appendInTransaction: async (_trx, name, update, now) => append(name, update, now),
    async readInTransaction(_trx, name) {
      const doc = docStmt.get(name)
      return doc && foldUpdates(doc.state, updatesStmt.all(name).map((r) => r.data))
    },
    compact: async (name, now) => compactTx.immediate(name, now),
    size: async (name) => sizeStmt.get(name, name) ?? { stateBytes: 0, logBytes: 0, logCount: 0 },
  }
}
