import { chmodSync, mkdirSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openDatabase, type DatabaseHandle } from '../../db/connection.ts'

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

/** Opens the database of a data folder, creating the folder and the file on first use, private to its owner. */
export async function openDataDir(dataDir: string): Promise<DatabaseHandle> {
  const dir = resolve(dataDir)
  privateFilesFromNowOn()
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  makePrivate(dir)
  const handle = await openDatabase(join(dir, databaseFileName))
  // The -wal and -shm files exist now (WAL mode): made under the umask above, checked once more.
  makePrivate(dir)
  return handle
}
