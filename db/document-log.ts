import type { Transaction } from 'kysely'
import type { DocKind } from '../shared/docs/doc-name.ts'
import type { Database } from './schema.ts'

export interface StoredDocument {
  readonly name: string
  readonly congressId: string
  readonly kind: DocKind
  readonly state: Uint8Array
  readonly updates: readonly Uint8Array[]
}

export interface StoredSize {
  readonly stateBytes: number
  readonly logBytes: number
  readonly logCount: number
}

/**
 * The persistence of collaborative documents: a compacted state and the log of updates after it.
 * The sync server appends before anything is broadcast, so nothing is seen before it is stored.
 * On SQLite every call runs synchronously inside (its promise is settled when it returns); on
 * PostgreSQL they wait for the server.
 */
export interface DocumentLog {
  load(name: string): Promise<StoredDocument | undefined>
  append(name: string, update: Uint8Array, now: number): Promise<void>
  /** Appends inside a command's transaction: it commits or rolls back with the decision. */
  appendInTransaction(trx: Transaction<Database>, name: string, update: Uint8Array, now: number): Promise<void>
  /**
   * Folds the stored log into the state, from what the database holds (not what one process has in
   * memory): another process may append at the same moment, and only the updates folded in are
   * dropped. Returns the new state's size.
   */
  compact(name: string, now: number): Promise<{ stateBytes: number }>
  /** Bytes stored for a document: the compacted state and the log after it. */
  size(name: string): Promise<StoredSize>
}

/** A document's row and its log rows, in id order, as the sync server loads them. */
export function storedDocument(doc: { name: string; congress_id: string; kind: DocKind; state: Uint8Array }, rows: readonly { data: Uint8Array }[]): StoredDocument {
  return {
    name: doc.name,
    congressId: doc.congress_id,
    kind: doc.kind,
    state: doc.state,
    updates: rows.map((r) => r.data),
  }
}
