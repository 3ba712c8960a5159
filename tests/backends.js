// Which test files npm test runs a second time, on PostgreSQL + Redis (PLENUM_TEST_BACKEND=postgres):
// every file that starts a whole Plenum through tests/helpers/test-server.ts, which then gets a fresh
// PostgreSQL database of its own (dropped after) and the Redis fan-out; except the files below, which
// test what only SQLite has. Files that start no test server run once: their backend is their own.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** File → why it runs on SQLite only. */
export const sqliteOnly = {
  'tests/integration/ballot-secrecy.test.ts': 'reads SQLite’s rowids, pragmas and WAL (PostgreSQL’s secrecy: postgres-ballot-secrecy.test.ts)',
  'tests/integration/decision-reads.test.ts': 'checks reads run outside SQLite’s one connection’s transaction (better-sqlite3’s inTransaction)',
  'tests/integration/secret-ballot-files.test.ts': 'reads the bytes of SQLite’s files',
}

/** Files that choose their backend themselves (startTestServer({ backend })): once is enough. */
export const ownBackend = ['tests/integration/postgres-ballot-secrecy.test.ts']

export function postgresPassFiles(root) {
  const files = []
  for (const folder of ['tests/integration', 'tests/browser']) {
    for (const name of readdirSync(join(root, folder)).sort()) {
      const file = `${folder}/${name}`
      if (!name.endsWith('.test.ts') || file in sqliteOnly || ownBackend.includes(file)) continue
      if (readFileSync(join(root, file), 'utf8').includes("from '../helpers/test-server.ts'")) files.push(file)
    }
  }
  return files
}
