import type SQLite from 'better-sqlite3'
import { SqliteAdapter, type Kysely } from 'kysely'
import type { CongressStore } from './congress-store.ts'
import type { DocumentLog } from './document-log.ts'
import type { Database } from './schema.ts'
import type { SessionStore } from './session-store.ts'
import type { VoteStore, VoteStoreOptions } from './vote-store.ts'

/**
 * An open database, SQLite or PostgreSQL, with the stores the server is built on. Nothing outside
 * db/ needs to know which it is: the same commands, presenters and sync server run on both.
 */
export interface DatabaseHandle {
  readonly backend: 'sqlite' | 'postgres'
  /** Typed queries. */
  readonly db: Kysely<Database>
  /** The collaborative documents' states and logs (the sync server's). */
  readonly documents: DocumentLog
  readonly sessions: SessionStore
  /** The facts the sync socket's policy needs, cached by the hub. */
  readonly congresses: CongressStore
  /** The ballot box: one per server process (it batches the votes that process receives). */
  createVoteStore(options?: VoteStoreOptions): VoteStore
  /** The migrations this opening applied, in order (none when the database was up to date). */
  readonly appliedMigrations: readonly string[]
  /**
   * Claims the database for a server process until the returned function is called: `shared` when
   * the processes share their events through Redis. Rejects with a message that says what to do
   * when another process's claim is incompatible (PostgreSQL; a no-op on SQLite, one process per file).
   */
  claimServer(shared: boolean): Promise<() => Promise<void>>
  /** Runs `work` while no other process runs its own (a check then a write at start: one demo congress, not three). */
  alone<T>(work: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface SqliteHandle extends DatabaseHandle {
  readonly backend: 'sqlite'
  /** The same connection, for what only SQLite has: backups, the rewrite of a file's history, tests that read the file. */
  readonly sqlite: SQLite.Database
}

/**
 * Whether a transaction on `db` must run within one turn of the event loop: on SQLite the sync
 * server and the ballot box write with synchronous statements on the transaction's own connection
 * (server/commands/command.ts). PostgreSQL gives each transaction a connection of its own.
 */
export function transactionsShareTheConnection(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter
}
