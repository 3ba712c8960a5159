import { Migrator, type Kysely } from 'kysely'
import { migrations } from './migrations/index.ts'
import type { Database } from './schema.ts'

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
