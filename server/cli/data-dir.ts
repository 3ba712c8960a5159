import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openDatabase, type DatabaseHandle } from '../../db/connection.ts'

export const databaseFileName = 'plenum.db'

/** Opens the database of a data folder, creating the folder and the file on first use. */
export async function openDataDir(dataDir: string): Promise<DatabaseHandle> {
  const dir = resolve(dataDir)
  mkdirSync(dir, { recursive: true })
  return openDatabase(join(dir, databaseFileName))
}
