import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, testRedisUrl } from '../helpers/test-database.ts'
import { startPlenum, type PlenumServer } from './servers.ts'

/** One or more `plenum serve` processes on one fresh PostgreSQL database and one data folder. */
export interface PlenumCluster {
  readonly servers: readonly PlenumServer[]
  readonly databaseUrl: string
  /** Stops the processes, keeping the database and the folder: `start` again runs new ones on them. */
  stopProcesses(): Promise<void>
  /** New processes on the same database, e.g. three with Redis after one without. */
  start(processes: number, redis: boolean): Promise<readonly PlenumServer[]>
  /** Stops everything and drops the database. */
  stop(): Promise<void>
}

/**
 * `processes` processes on a fresh PostgreSQL database, with REDIS_URL when `redis` (the only way
 * several may share it). The first starts alone: it migrates and seeds the demo congress.
 */
export async function startCluster(processes: number, redis: boolean): Promise<PlenumCluster> {
  const database = await createTestDatabase()
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-bench-cluster-'))
  let servers: PlenumServer[] = []
  const start = async (count: number, withRedis: boolean) => {
    const env = { DATABASE_URL: database.url, REDIS_URL: withRedis ? testRedisUrl : undefined }
    const first = await startPlenum({ env, dataDir })
    const others = await Promise.all(Array.from({ length: count - 1 }, () => startPlenum({ env, dataDir })))
    servers = [first, ...others]
    return servers
  }
  const stopProcesses = async () => {
    await Promise.all(servers.map((s) => s.stop()))
    servers = []
  }
  await start(processes, redis)
  return {
    get servers() {
      return servers
    },
    databaseUrl: database.url,
    stopProcesses,
    start,
    async stop() {
      await stopProcesses()
      await database.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
