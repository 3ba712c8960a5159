import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DatabaseHandle } from '../database-handle.ts'
import { migrateOrClose } from '../migrate.ts'
import type { Database } from '../schema.ts'
import { createPostgresCongressStore } from './congress-store.ts'
import { createPostgresDocumentLog } from './document-log.ts'
import { claimPostgresServer, whileAlone } from './server-claim.ts'
import { createPostgresSessionStore } from './session-store.ts'
import { createPostgresVoteStore } from './vote-store.ts'

/** PostgreSQL's bigint (int8): epoch milliseconds and counts, read as JS numbers like SQLite's integers. */
const INT8_OID = 20
pg.types.setTypeParser(INT8_OID, (text: string) => {
  const value = Number(text)
  // Milliseconds stay far below 2^53 (year 287,396); anything past it would be silently rounded.
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit a JS number`)
  return value
})

/** A postgres:// URL as it may be shown: without its password. */
export function describePostgresUrl(url: URL): string {
  const shown = new URL(url.href)
  if (shown.password) shown.password = '***'
  return shown.href
}

/** The URL, checked: a PostgreSQL URL with a host, or an error that says what is expected. */
export function parsePostgresUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error('not a URL; expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE')
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`${url.protocol}// is not PostgreSQL; expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`)
  }
  return url
}

/** What went wrong, in one line; a refused connection to every address of a host is an AggregateError with no message of its own. */
function reason(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(reason).join('; ')
  return error instanceof Error ? error.message : String(error)
}

/**
 * Opens a PostgreSQL database through Kysely's PostgresDialect and a pg Pool, and applies the
 * pending migrations (the same list as SQLite's, through the same Migrator). An unreachable server
 * or a missing database is an error saying so, before any migration runs.
 */
export async function openPostgres(url: string): Promise<DatabaseHandle> {
  const parsed = parsePostgresUrl(url)
  const pool = new pg.Pool({ connectionString: parsed.href, max: 10, connectionTimeoutMillis: 10_000 })
  // A pooled connection the server drops while idle is discarded by the pool; without a listener
  // the error would end the process.
  pool.on('error', (error) => console.error(`plenum: PostgreSQL connection lost: ${error.message}`))
  try {
    const client = await pool.connect()
    client.release()
  } catch (error) {
    await pool.end()
    // The URL is left out: it may hold a password. The caller names the database (describePostgresUrl).
    throw new Error(`cannot connect to PostgreSQL: ${reason(error)}`)
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const appliedMigrations = await migrateOrClose(db)
  return {
    backend: 'postgres',
    db,
    appliedMigrations,
    documents: createPostgresDocumentLog(db),
    sessions: createPostgresSessionStore(db),
    congresses: createPostgresCongressStore(db),
    createVoteStore: (options) => createPostgresVoteStore(db, options),
    claimServer: (shared) => claimPostgresServer(parsed.href, shared),
    alone: (work) => whileAlone(parsed.href, work),
    close: () => db.destroy(),
  }
}
