import type SQLite from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'

/**
 * better-sqlite3 as Kysely sees it, with each distinct SQL text prepared once: Kysely's driver
 * prepares every query it runs, and preparing costs more than running a small indexed query.
 * Safe because Kysely runs one query at a time on this connection and Plenum never streams
 * (a streamed statement would be busy until iterated to the end).
 */
export function withStatementCache(sqlite: SQLite.Database, capacity = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql)
      if (statement) {
        // Most recently used last, so the first key is the one to evict.
        statements.delete(sql)
      } else {
        statement = sqlite.prepare(sql)
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!)
      }
      statements.set(sql, statement)
      return statement
    },
  }
}
