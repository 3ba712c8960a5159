import type SQLite from 'better-sqlite3'
import type { DocKind } from '../shared/docs/doc-name.ts'
import type { DocumentRow } from './schema.ts'

export interface StoredDocument {
  readonly name: string
  readonly congressId: string
  readonly kind: DocKind
  readonly state: Uint8Array
  readonly updates: readonly Uint8Array[]
  /** Id of the last update in `updates`, or 0. */
  readonly lastUpdateId: number
}

/**
 * The persistence of collaborative documents. Every call is synchronous: the sync server
 * loads, appends and compacts without yielding, so nothing is broadcast before it is on disk
 * and no two loads of one document can interleave.
 */
export interface DocumentLog {
  exists(name: string): boolean
  load(name: string): StoredDocument | undefined
  /** Appends one update; returns its id. */
  append(name: string, update: Uint8Array, now: number): number
  /** Replaces the state with `state` and drops the updates it contains (ids ≤ upToId), atomically. */
  compact(name: string, state: Uint8Array, upToId: number, now: number): void
  /** Bytes stored for a document: the compacted state and the log after it. */
  size(name: string): { stateBytes: number; logBytes: number; logCount: number }
}

export function createDocumentLog(sqlite: SQLite.Database): DocumentLog {
  const existsStmt = sqlite.prepare<[string], { one: number }>('SELECT 1 AS one FROM documents WHERE name = ?')
  const docStmt = sqlite.prepare<[string], Pick<DocumentRow, 'name' | 'congress_id' | 'kind' | 'state'>>(
    'SELECT name, congress_id, kind, state FROM documents WHERE name = ?',
  )
  const updatesStmt = sqlite.prepare<[string], { id: number; data: Buffer }>(
    'SELECT id, data FROM document_updates WHERE doc_name = ? ORDER BY id',
  )
  const appendStmt = sqlite.prepare<[string, Uint8Array, number]>(
    'INSERT INTO document_updates (doc_name, data, created_at) VALUES (?, ?, ?)',
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
  const compactTx = sqlite.transaction((name: string, state: Uint8Array, upToId: number, now: number) => {
    setStateStmt.run(state, now, name)
    dropUpdatesStmt.run(name, upToId)
  })

  return {
    exists: (name) => existsStmt.get(name) !== undefined,
    load(name) {
      const doc = docStmt.get(name)
      if (!doc) return undefined
      const rows = updatesStmt.all(name)
      return {
        name: doc.name,
        congressId: doc.congress_id,
        kind: doc.kind,
        state: doc.state,
        updates: rows.map((r) => r.data),
        lastUpdateId: rows.at(-1)?.id ?? 0,
      }
    },
    append: (name, update, now) => Number(appendStmt.run(name, update, now).lastInsertRowid),
    compact: (name, state, upToId, now) => compactTx(name, state, upToId, now),
    size: (name) => sizeStmt.get(name, name) ?? { stateBytes: 0, logBytes: 0, logCount: 0 },
  }
}
