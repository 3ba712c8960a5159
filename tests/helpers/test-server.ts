import { join } from 'node:path'
import { openDatabase, type DatabaseHandle } from '../../db/connection.ts'
import { createDocumentLog, type DocumentLog } from '../../db/document-log.ts'
import { startServer, type RunningServer } from '../../server/server.ts'
import { seedDemo, type DemoSeed } from '../../server/services/seed-demo.ts'
import type { SessionView } from '../../shared/api-types.ts'
import type { Phase } from '../../shared/phases.ts'
import { makeTempDir } from './temp-dir.ts'

export interface TestServer {
  readonly server: RunningServer
  readonly baseUrl: string
  readonly wsUrl: string
  readonly seed: DemoSeed
  readonly database: DatabaseHandle
  readonly log: DocumentLog
  readonly dataDir: string
  /** Opens a session with the bureau code and returns it. */
  login(code?: string): Promise<SessionView>
  close(): Promise<void>
}

/** A whole Plenum on a temporary SQLite file and a free port of 127.0.0.1, seeded with the demo congress. */
export async function startTestServer(options: { unloadAfterMs?: number; clientDir?: string; clock?: () => number } = {}): Promise<TestServer> {
  const dir = makeTempDir()
  const database = await openDatabase(join(dir.path, 'plenum.db'))
  const seed = await seedDemo(database.db, Date.now())
  const server = await startServer({ database, dataDir: dir.path, port: 0, host: '127.0.0.1', unloadAfterMs: options.unloadAfterMs ?? 200, clientDir: options.clientDir, clock: options.clock })
  const baseUrl = `http://127.0.0.1:${server.port}`
  return {
    server,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${server.port}/sync`,
    seed,
    database,
    log: createDocumentLog(database.sqlite),
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
