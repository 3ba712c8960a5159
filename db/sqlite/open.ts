import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { SqliteHandle } from '../database-handle.ts'

export type { SqliteHandle }
import { migrateOrClose } from '../migrate.ts'
import type { Database } from '../schema.ts'
import { createSqliteCongressStore } from './congress-store.ts'
import { createSqliteDocumentLog } from './document-log.ts'
import { createSqliteSessionStore } from './session-store.ts'
import { withStatementCache } from './statement-cache.ts'
import { createSqliteVoteStore } from './vote-store.ts'

/** Opens (creating if needed) the SQLite file and applies pending migrations. */
export async function openDatabase(file: string): Promise<SqliteHandle> {
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  // NORMAL in WAL mode survives a killed process; only a power cut can lose the last commits.
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  const appliedMigrations = await migrateOrClose(db)
  return {
    backend: 'sqlite',
    db,
    sqlite,
    appliedMigrations,
    documents: createSqliteDocumentLog(sqlite),
    sessions: createSqliteSessionStore(sqlite),
    congresses: createSqliteCongressStore(sqlite),
    createVoteStore: (options) => createSqliteVoteStore(sqlite, options),
    claimServer: async () => async () => {},
    // One writer at a time already: SQLite's lock, and a start is one statement after another.
    alone: (work) => work(),
    close: () => db.destroy(),
  }
}
