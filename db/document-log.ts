import type { Transaction } from 'kysely'
import type { DocKind } from '../shared/docs/doc-name.ts'
import type { Phase } from '../shared/phases.ts'
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
  /**
   * Appends an update a client sent, only while the database still says what the process knew when
   * it accepted it: the congress in the same phase, the text not put to the vote, and, for an
   * amendment, still held by its authors (draft or submitted). False when it no longer does (a
   * freeze, a ballot's opening or a ruling committed, maybe on another process, before this process
   * heard of it): nothing is stored, and no one may see the update.
   */
  append(name: string, update: Uint8Array, now: number, premise: WritePremise): Promise<boolean>
  /** Appends inside a command's transaction: it commits or rolls back with the decision. */
  appendInTransaction(trx: Transaction<Database>, name: string, update: Uint8Array, now: number): Promise<void>
  /**
   * The document as the database holds it (the state with its log folded in), read inside a
   * decision's transaction. Once that transaction holds the congress's row, no process can append
   * to the congress's texts until it ends (see `append`): what this returns is what every client saw.
   */
  readInTransaction(trx: Transaction<Database>, name: string): Promise<Uint8Array | undefined>
  /**
   * Folds the stored log into the state, from what the database holds (not what one process has in
   * memory): another process may append at the same moment, and only the updates folded in are
   * dropped. Returns the new state's size.
   */
  compact(name: string, now: number): Promise<{ stateBytes: number }>
  /** Bytes stored for a document: the compacted state and the log after it. */
  size(name: string): Promise<StoredSize>
}

/** What a process knew when it accepted an update: the phase of the text's congress. */
export interface WritePremise {
  readonly congressId: string
  readonly phase: Phase
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
