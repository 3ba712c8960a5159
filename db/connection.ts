import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { migrations } from './migrations/index.ts'
import type { Database } from './schema.ts'
import { withStatementCache } from './statement-cache.ts'

export interface DatabaseHandle {
  /** Typed queries for everything but the sync hot path. */
  readonly db: Kysely<Database>
  /** The same connection, for synchronous statements (see document-log.ts). */
  readonly sqlite: SQLite.Database
  /** The migrations this opening applied, in order (none when the file was up to date). */
  readonly appliedMigrations: readonly string[]
  close(): Promise<void>
}

/** Opens (creating if needed) the SQLite file and applies pending migrations. */
export async function openDatabase(file: string): Promise<DatabaseHandle> {
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  // NORMAL in WAL mode survives a killed process; only a power cut can lose the last commits.
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  const appliedMigrations = await migrateOrClose(db)
  return { db, sqlite, appliedMigrations, close: () => db.destroy() }
}

/** migrateToLatest, closing the connection when a migration fails: an opener hands out migrated databases only. */
export async function migrateOrClose(db: Kysely<Database>): Promise<string[]> {
  try {
    return await migrateToLatest(db)
  } catch (error) {
    await db.destroy()
    throw error
  }
}

/**
 * Applies the pending migrations of db/migrations/index.ts, on SQLite or PostgreSQL alike (a
 * migration tells them apart itself), and returns the names it applied, in order.
 */
async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
