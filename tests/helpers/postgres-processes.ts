import type { DatabaseHandle } from '../../db/database-handle.ts'
import { openPostgres } from '../../db/postgres/open.ts'
import { startServer, type RunningServer } from '../../server/server.ts'
import { seedDemo, type DemoSeed } from '../../server/services/seed-demo.ts'
import type { SessionView } from '../../shared/api-types.ts'
import { makeTempDir } from './temp-dir.ts'
import { createTestDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from './test-database.ts'

/**
 * Several server processes' worth of Plenum in this one (each its own pool, hub and Redis links)
 * on one fresh PostgreSQL database, with the demo congress seeded once.
 */
export interface PostgresProcesses {
  readonly servers: readonly RunningServer[]
  readonly handles: readonly DatabaseHandle[]
  readonly seed: DemoSeed
  /** What tests/helpers/ballots.ts's `call` takes for server `i`. */
  at(i: number): { readonly baseUrl: string }
  /** A session token on server `i` (the seed's bureau by default). */
  signIn(i: number, code?: string): Promise<string>
  close(): Promise<void>
}

/** `count` servers; `redisPrefixOf(i, shared)` gives each its Redis prefix (all the same by default: they hear each other). */
export async function startPostgresProcesses(count: number, redisPrefixOf: (i: number, shared: string) => string = (_i, shared) => shared): Promise<PostgresProcesses> {
  const database: TestDatabase = await createTestDatabase()
  const dir = makeTempDir()
  const handles: DatabaseHandle[] = []
  const servers: RunningServer[] = []
  const close = async () => {
    for (const server of servers) await server.close()
    for (const handle of handles) await handle.close()
    await database.drop()
    dir.remove()
  }
  try {
    for (let i = 0; i < count; i++) handles.push(await openPostgres(database.url))
    const seed = await seedDemo(handles[0]!.db, Date.now())
    const prefix = testRedisPrefix()
    for (const [i, handle] of handles.entries()) {
      servers.push(await startServer({ database: handle, dataDir: dir.path, port: 0, host: '127.0.0.1', redisUrl: testRedisUrl, redisPrefix: redisPrefixOf(i, prefix) }))
    }
    const at = (i: number) => ({ baseUrl: `http://127.0.0.1:${servers[i]!.port}` })
    return {
      servers,
      handles,
      seed,
      at,
      async signIn(i, code = seed.bureauCode) {
        const answer = await fetch(`${at(i).baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
        return ((await answer.json()) as SessionView).token
      },
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}
