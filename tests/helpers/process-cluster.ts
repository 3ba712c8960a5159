import { execFile, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startChildServer, type ChildServer } from './child-server.ts'
import { createTestDatabase, testRedisUrl, type TestDatabase } from './test-database.ts'
import { makeTempDir } from './temp-dir.ts'

const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))

export interface SeedJson {
  readonly congressId: string
  readonly bureauCode: string
  readonly proposals: readonly { readonly id: string; readonly number: number; readonly docName: string }[]
}

export interface CommandOutcome {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Several `plenum serve` processes on one fresh PostgreSQL database, one data folder (so one seal
 * key) and the machine's Redis. Slots keep their port across restarts, so a client pointed at a
 * slot finds it again.
 */
export interface ProcessCluster {
  readonly database: TestDatabase
  readonly dataDir: string
  readonly seed: SeedJson
  /** DATABASE_URL and REDIS_URL, as every process of the cluster gets them. */
  readonly env: Readonly<Record<string, string>>
  readonly servers: readonly (ChildServer | undefined)[]
  /** The running process of a slot; throws when it is down. */
  at(slot: number): ChildServer
  /** Starts the slot's process (on its former port, if it had one). */
  start(slot: number): Promise<ChildServer>
  /** Stops the slot's process with `signal` and waits for it to exit. */
  stop(slot: number, signal?: NodeJS.Signals): Promise<void>
  /** `plenum ARGS` on the cluster's database and data folder, to its exit (bounded). */
  plenum(args: readonly string[], extraEnv?: Record<string, string>): Promise<CommandOutcome>
  /** `plenum serve` with `env` in place of the cluster's (for processes expected to be refused): its exit code and output, bounded. */
  serveExpectingExit(env: Record<string, string>, timeoutMs?: number): Promise<CommandOutcome>
  /** Kills every process, drops the database, removes the data folder. */
  close(): Promise<void>
}

export async function startProcessCluster(size: number): Promise<ProcessCluster> {
  const database = await createTestDatabase()
  const dir = makeTempDir('plenum-cluster-')
  const env = { DATABASE_URL: database.url, REDIS_URL: testRedisUrl }
  const servers: (ChildServer | undefined)[] = Array.from({ length: size }, () => undefined)
  const ports: (number | undefined)[] = Array.from({ length: size }, () => undefined)

  const plenum = (args: readonly string[], extraEnv: Record<string, string> = {}) =>
    new Promise<CommandOutcome>((resolve) => {
      execFile(
        process.execPath,
        [plenumBin, ...args],
        { env: { ...process.env, ...env, ...extraEnv, NODE_ENV: 'test' }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      )
    })

  let seed: SeedJson
  try {
    const seeded = await plenum(['seed-demo', '--data', dir.path, '--json'])
    if (seeded.code !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`)
    seed = JSON.parse(seeded.stdout) as SeedJson
  } catch (error) {
    dir.remove()
    await database.drop()
    throw error
  }

  const cluster: ProcessCluster = {
    database,
    dataDir: dir.path,
    seed,
    env,
    servers,
    at(slot) {
      const server = servers[slot]
      if (!server) throw new Error(`process ${slot} is down`)
      return server
    },
    async start(slot) {
      if (servers[slot]) throw new Error(`process ${slot} already runs`)
      const server = await startChildServer(dir.path, { port: ports[slot], bureauCode: seed.bureauCode, env })
      servers[slot] = server
      ports[slot] = Number(new URL(server.baseUrl).port)
      return server
    },
    async stop(slot, signal = 'SIGTERM') {
      const server = servers[slot]
      if (!server) return
      servers[slot] = undefined
      await server.stop(signal)
    },
    plenum,
    serveExpectingExit(serveEnv, timeoutMs = 30_000) {
      return new Promise<CommandOutcome>((resolve) => {
        const child = spawn(process.execPath, [plenumBin, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dir.path], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, REDIS_URL: '', DATABASE_URL: '', ...serveEnv, NODE_ENV: 'test' },
        })
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
        // A process that was not refused would serve forever: it is stopped, and its outcome says so.
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
        child.once('exit', (code) => {
          clearTimeout(timer)
          resolve({ code, stdout, stderr })
        })
      })
    },
    async close() {
      await Promise.all(servers.map((server) => server?.stop('SIGKILL')))
      servers.fill(undefined)
      await database.drop()
      dir.remove()
    },
  }
  try {
    for (let slot = 0; slot < size; slot++) await cluster.start(slot)
  } catch (error) {
    await cluster.close()
    throw error
  }
  return cluster
}

/** Runs `work` over `items` with at most `limit` at once; answers in the items' order. */
export async function boundedAll<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
