import { join } from 'node:path'
import type SQLite from 'better-sqlite3'
import type { DatabaseHandle, SqliteHandle } from '../../db/database-handle.ts'
import type { DocumentLog } from '../../db/document-log.ts'
import { openPostgres } from '../../db/postgres/open.ts'
import { openDatabase } from '../../db/sqlite/open.ts'
import { startServer, type RunningServer } from '../../server/server.ts'
import { seedDemo, type DemoSeed } from '../../server/services/seed-demo.ts'
import type { SessionView } from '../../shared/api-types.ts'
import type { Phase } from '../../shared/phases.ts'
import { makeTempDir } from './temp-dir.ts'
import { createTestDatabase, testBackend, testRedisPrefix, testRedisUrl } from './test-database.ts'

export interface TestServer {
  readonly server: RunningServer
  readonly baseUrl: string
  readonly wsUrl: string
  readonly seed: DemoSeed
  readonly database: DatabaseHandle
  readonly log: DocumentLog
  /** The SQLite connection, for tests of what only SQLite has (its files, its pragmas); throws on the PostgreSQL pass. */
  readonly sqlite: SQLite.Database
  readonly dataDir: string
  /** Opens a session with the bureau code and returns it. */
  login(code?: string): Promise<SessionView>
  close(): Promise<void>
}

/**
 * A whole Plenum on a free port of 127.0.0.1, seeded with the demo congress: on a temporary SQLite
 * file, or, on the suite's PostgreSQL pass (PLENUM_TEST_BACKEND=postgres), on a fresh PostgreSQL
 * database of its own with the Redis fan-out on, dropped when the server closes.
 */
export async function startTestServer(options: { unloadAfterMs?: number; clientDir?: string; clock?: () => number; backend?: 'sqlite' | 'postgres'; typingPauseMs?: number } = {}): Promise<TestServer> {
  const dir = makeTempDir()
  const postgres = (options.backend ?? testBackend) === 'postgres' ? await createTestDatabase() : undefined
  const database = postgres ? await openPostgres(postgres.url) : await openDatabase(join(dir.path, 'plenum.db'))
  const seed = await seedDemo(database.db, Date.now())
  const server = await startServer({
    database,
    dataDir: dir.path,
    port: 0,
    host: '127.0.0.1',
    unloadAfterMs: options.unloadAfterMs ?? 200,
    typingPauseMs: options.typingPauseMs,
    clientDir: options.clientDir,
    clock: options.clock,
    ...(postgres ? { redisUrl: testRedisUrl, redisPrefix: testRedisPrefix() } : {}),
  })
  const baseUrl = `http://127.0.0.1:${server.port}`
  return {
    server,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${server.port}/sync`,
    seed,
    database,
    log: database.documents,
    get sqlite() {
      if (database.backend !== 'sqlite') throw new Error('this test reads SQLite itself: it runs on the SQLite pass only (tests/backends.js)')
      return (database as SqliteHandle).sqlite
    },
    dataDir: dir.path,
    async login(code = seed.bureauCode) {
      const response = await fetch(`${baseUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      })
      if (!response.ok) throw new Error(`login failed: ${response.status}`)
      return (await response.json()) as SessionView
    },
    async close() {
      await server.close()
      await database.close()
      await postgres?.drop()
      dir.remove()
    },
  }
}

/**
 * Puts the seeded congress in `phase` directly, as the phase service leaves it, frozen and delivered
 * included: for tests of what each phase allows, not of how a congress gets there.
 */
export async function forcePhase(plenum: TestServer, phase: Phase): Promise<void> {
  await plenum.database.db.updateTable('congresses').set({ phase }).where('id', '=', plenum.seed.congressId).execute()
  plenum.server.hub.phaseChanged(plenum.seed.congressId, phase)
}
