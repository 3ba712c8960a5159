import { chmodSync, mkdirSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { DatabaseHandle, SqliteHandle } from '../../db/database-handle.ts'
import { openDatabase } from '../../db/sqlite/open.ts'
import { CommandError } from './command-error.ts'

export const databaseFileName = 'plenum.db'

/**
 * Whatever the umask, what this process creates from now on is its user's only (folders 0700,
 * files 0600): SQLite's -wal and -shm, the seal's key and bundles, backups. The data folder holds
 * sign-ins, participation and the signing key, and other users of the machine have no business there.
 */
export function privateFilesFromNowOn(): void {
  process.umask(0o077)
}

/** Makes a folder and everything in it its owner's only: folders 0700, files 0600 (made before, or copied). */
export function makePrivate(dir: string): void {
  chmodSync(dir, 0o700)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) makePrivate(path)
    else if (entry.isFile()) chmodSync(path, 0o600)
  }
}

/**
 * Opens Plenum's database: PostgreSQL when DATABASE_URL is set, else the SQLite file of the data
 * folder. The folder is made either way (it holds the seal's keys and the sealed bundles). A bad
 * or unreachable URL is a CommandError that names the database, without its password.
 */
export async function openDataDir(options: { readonly dataDir: string; readonly databaseUrl?: string }): Promise<DatabaseHandle & { readonly where: string }> {
  if (!options.databaseUrl) {
    const handle = await openSqliteDataDir(options.dataDir)
    return Object.assign(handle, { where: join(resolve(options.dataDir), databaseFileName) })
  }
  // Loaded only here: pg and its dialect are memory an embedded (SQLite) server never needs.
  const { describePostgresUrl, openPostgres, parsePostgresUrl } = await import('../../db/postgres/open.ts')
  privateFilesFromNowOn()
  mkdirSync(resolve(options.dataDir), { recursive: true, mode: 0o700 })
  let url: URL
  try {
    url = parsePostgresUrl(options.databaseUrl)
  } catch (error) {
    throw new CommandError(`DATABASE_URL: ${(error as Error).message}`)
  }
  const where = describePostgresUrl(url)
  try {
    return Object.assign(await openPostgres(url.href), { where })
  } catch (error) {
    throw new CommandError(`DATABASE_URL ${where}: ${(error as Error).message}`)
  }
}

/** Opens the SQLite file of a data folder, creating the folder and the file on first use, private to its owner. */
export async function openSqliteDataDir(dataDir: string): Promise<SqliteHandle> {
  const dir = resolve(dataDir)
  privateFilesFromNowOn()
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  makePrivate(dir)
  const handle = await openDatabase(join(dir, databaseFileName))
  // The -wal and -shm files exist now (WAL mode): made under the umask above, checked once more.
  makePrivate(dir)
  return handle
}
