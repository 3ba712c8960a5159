import { join, resolve } from 'node:path'
import { describePostgresUrl, openPostgres, parsePostgresUrl } from '../../db/postgres.ts'
import type { CommonOptions } from './args.ts'
import { databaseFileName, openDataDir } from './data-dir.ts'
import { CommandError } from './governance-commands.ts'

/**
 * `plenum migrate`: applies the pending migrations to DATABASE_URL (PostgreSQL) when it is set, else
 * to the SQLite file of the data folder (created if absent), and prints the ones it applied.
 */
export async function migrateCommand(options: CommonOptions): Promise<void> {
  let where: string
  let applied: readonly string[]
  if (options.databaseUrl) {
    let url: URL
    try {
      url = parsePostgresUrl(options.databaseUrl)
    } catch (error) {
      throw new CommandError(`DATABASE_URL: ${(error as Error).message}`)
    }
    where = describePostgresUrl(url)
    let handle
    try {
      handle = await openPostgres(url.href)
    } catch (error) {
      throw new CommandError(`DATABASE_URL ${where}: ${(error as Error).message}`)
    }
    applied = handle.appliedMigrations
    await handle.close()
  } else {
    where = join(resolve(options.dataDir), databaseFileName)
    const handle = await openDataDir(options.dataDir)
    applied = handle.appliedMigrations
    await handle.close()
  }
  if (options.json) {
    console.log(JSON.stringify({ database: where, applied }))
  } else if (applied.length === 0) {
    console.log(`${where} est à jour : aucune migration à appliquer.`)
  } else {
    console.log(`${applied.length} migration(s) appliquée(s) à ${where} :`)
    for (const name of applied) console.log(`  ${name}`)
  }
}
