import type { CommonOptions } from './args.ts'
import { openDataDir } from './data-dir.ts'

/**
 * `plenum migrate`: applies the pending migrations to DATABASE_URL (PostgreSQL) when it is set, else
 * to the SQLite file of the data folder (created if absent), and prints the ones it applied.
 */
export async function migrateCommand(options: CommonOptions): Promise<void> {
  const handle = await openDataDir(options)
  const { where, appliedMigrations: applied } = handle
  await handle.close()
  if (options.json) {
    console.log(JSON.stringify({ database: where, applied }))
  } else if (applied.length === 0) {
    console.log(`${where} est à jour : aucune migration à appliquer.`)
  } else {
    console.log(`${applied.length} migration(s) appliquée(s) à ${where} :`)
    for (const name of applied) console.log(`  ${name}`)
  }
}
