import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { openDatabase } from '../../db/sqlite/open.ts'
import { verifyAudit } from '../services/audit.ts'
import { UsageError, type CommonOptions } from './args.ts'
import { databaseFileName, makePrivate, privateFilesFromNowOn } from './data-dir.ts'
import { CommandError } from './governance-commands.ts'

/** SQLite's own files beside the database: the backup API copies their content into the copy. */
const sqliteCompanions = new Set([databaseFileName, `${databaseFileName}-wal`, `${databaseFileName}-shm`])

const isEmptyOrAbsent = (dir: string) => !existsSync(dir) || (statSync(dir).isDirectory() && readdirSync(dir).length === 0)

/** A sibling folder to build in, renamed into place at the end: a failure never leaves half a copy. */
function workFolder(target: string): string {
  const work = join(dirname(target), `.${basename(target)}.partial-${process.pid}`)
  rmSync(work, { recursive: true, force: true })
  // A backup holds what the data folder holds: its owner's only, like the data folder.
  privateFilesFromNowOn()
  mkdirSync(work, { recursive: true, mode: 0o700 })
  return work
}

function integrityProblem(file: string): string | undefined {
  const copy = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    const result = copy.pragma('integrity_check', { simple: true })
    return result === 'ok' ? undefined : String(result)
  } finally {
    copy.close()
  }
}

/**
 * `plenum backup OUT --data DIR`: the database through SQLite's online backup (a consistent copy
 * while the server keeps serving and writing), then the rest of the data folder (the seal's key,
 * sealed bundles), checked, and only then named OUT.
 */
export async function backupCommand(out: string | undefined, options: CommonOptions): Promise<void> {
  if (!out) throw new UsageError('backup needs a destination folder: plenum backup OUT --data DIR')
  refusePostgres(options, 'backup')
  const dataDir = resolve(options.dataDir)
  const source = join(dataDir, databaseFileName)
  if (!existsSync(source)) throw new CommandError(`no Plenum database in ${dataDir}`)
  const target = resolve(out)
  if (!isEmptyOrAbsent(target)) throw new CommandError(`${target} already exists and is not empty: choose a new folder`)

  const work = workFolder(target)
  try {
    const live = new SQLite(source, { fileMustExist: true })
    try {
      live.pragma('busy_timeout = 5000')
      await live.backup(join(work, databaseFileName))
    } finally {
      live.close()
    }
    for (const entry of readdirSync(dataDir)) {
      if (!sqliteCompanions.has(entry)) cpSync(join(dataDir, entry), join(work, entry), { recursive: true, preserveTimestamps: true })
    }
    const problem = integrityProblem(join(work, databaseFileName))
    if (problem) throw new CommandError(`the copy failed SQLite's integrity check: ${problem}`)
    makePrivate(work)
    rmSync(target, { recursive: true, force: true })
    renameSync(work, target)
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
  const megabytes = statSync(join(target, databaseFileName)).size / 2 ** 20
  console.log(`Sauvegarde écrite dans ${target} (base de données : ${megabytes.toFixed(1)} Mo).`)
}

/**
 * `plenum restore BACKUP --data DIR`: into a data folder that holds no database (never over one),
 * after checking the backup's integrity, then its decision log's chain once in place.
 */
export async function restoreCommand(backup: string | undefined, options: CommonOptions): Promise<void> {
  if (!backup) throw new UsageError('restore needs a backup folder: plenum restore BACKUP --data DIR')
  refusePostgres(options, 'restore')
  const from = resolve(backup)
  const database = join(from, databaseFileName)
  if (!existsSync(database)) throw new CommandError(`${from} is not a Plenum backup: no ${databaseFileName} in it`)
  const problem = integrityProblem(database)
  if (problem) throw new CommandError(`the backup failed SQLite's integrity check: ${problem}`)
  const dataDir = resolve(options.dataDir)
  if (!isEmptyOrAbsent(dataDir)) throw new CommandError(`${dataDir} is not empty: restore into a new or empty folder, never over a congress`)

  const work = workFolder(dataDir)
  try {
    cpSync(from, work, { recursive: true, preserveTimestamps: true })
    // Migrations a newer Plenum adds run here, on the copy.
    const restored = await openDatabase(join(work, databaseFileName))
    try {
      const audit = await verifyAudit(restored.db)
      if (!audit.ok) throw new CommandError(`the backup's decision log is broken at entry ${audit.brokenSeq} (congress ${audit.congressId}): not restored`)
    } finally {
      await restored.close()
    }
    makePrivate(work)
    rmSync(dataDir, { recursive: true, force: true })
    renameSync(work, dataDir)
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
  console.log(`Restauré dans ${dataDir}. Lancez : plenum serve --data ${dataDir}`)
}

/** These commands copy SQLite's file; PostgreSQL has its own tools, which the README gives. */
function refusePostgres(options: CommonOptions, command: 'backup' | 'restore'): void {
  if (options.databaseUrl) {
    throw new CommandError(`plenum ${command} copies the SQLite file of the data folder; with DATABASE_URL, use ${command === 'backup' ? 'pg_dump' : 'pg_restore'} and an archive of the data folder (README: Several processes)`)
  }
}
