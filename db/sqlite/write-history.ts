import type SQLite from 'better-sqlite3'

/**
 * Rewrites the database so that its files keep no trace of the order rows were written in.
 *
 * SQLite lays a page's cells out in insertion order and leaves old page versions in the write-ahead
 * log and in free pages, so after a secret ballot the files could pair the n-th participation with
 * the n-th ballot even though both tables are keyed by values that say nothing. VACUUM copies every
 * table into a fresh file in key order (participants by id, ballots by random receipt; no free page
 * left), the TRUNCATE checkpoint moves that into the database file and empties the WAL, and leaving
 * WAL mode for an instant deletes the -wal and -shm files (the -shm keeps the page numbers of the
 * old frames, in the order they were written).
 *
 * Runs synchronously on the one connection, outside any transaction. Returns what it could not do:
 * another process holding the database open (a backup in progress) keeps the -shm until it closes.
 */
export function eraseWriteHistory(sqlite: SQLite.Database): { shmReset: boolean } {
  sqlite.exec('VACUUM')
  const [checkpoint] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
  if (checkpoint && checkpoint.busy !== 0) throw new Error('the write-ahead log could not be emptied: another process is reading the database')
  try {
    sqlite.pragma('journal_mode = DELETE')
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return { shmReset: false }
    throw error
  } finally {
    sqlite.pragma('journal_mode = WAL')
  }
  return { shmReset: true }
}
