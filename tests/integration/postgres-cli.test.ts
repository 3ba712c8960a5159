import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../helpers/test-database.ts'

const run = promisify(execFile)
const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))

async function plenum(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [plenumBin, ...args], { env: { ...process.env, ...env } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string }
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr }
  }
}

/** The command line with DATABASE_URL: what an operator of several processes runs. */
describe('plenum on PostgreSQL', () => {
  let database: TestDatabase
  const servers: ChildServer[] = []
  const data = makeTempDir()

  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
    await database.drop()
    data.remove()
  })

  test('three processes started at once on an empty database make one demo congress, and each serves it', async () => {
    const env = { DATABASE_URL: database.url, REDIS_URL: testRedisUrl }
    servers.push(...(await Promise.all([0, 1, 2].map(() => startChildServer(data.path, { env })))))
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM congresses')
    await client.end()
    expect(Number(rows[0]!.n)).toBe(1)
    // One of them printed the bureau's link; with it, each process signs in.
    const code = servers.map((s) => s.output().match(/\/join#code=([A-Z0-9-]+)/)?.[1]).find(Boolean)
    expect(code).toBeDefined()
    for (const server of servers) {
      const answer = await fetch(`${server.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
      expect(answer.status).toBe(200)
    }
  })

  test('a fourth process without REDIS_URL is refused, with what to do', async () => {
    const refused = await plenum(['serve', '--port', '0', '--host', '127.0.0.1', '--data', data.path], { DATABASE_URL: database.url, REDIS_URL: '' })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/several processes need REDIS_URL/)
  })

  test('backup and restore say to use PostgreSQL’s own tools', async () => {
    const backup = await plenum(['backup', makeTempDir().path + '/out', '--data', data.path], { DATABASE_URL: database.url })
    expect(backup.code).toBe(1)
    expect(backup.stderr).toMatch(/pg_dump/)
    const restore = await plenum(['restore', data.path, '--data', makeTempDir().path], { DATABASE_URL: database.url })
    expect(restore.code).toBe(1)
    expect(restore.stderr).toMatch(/pg_restore/)
  })

  test('a bad DATABASE_URL is a message naming the database without its password, and exit code 1', async () => {
    const answer = await plenum(['participants', 'list', '--congress', 'x', '--data', data.path], { DATABASE_URL: 'postgres://plenum:s3cret@127.0.0.1:1/nothing' })
    expect(answer.code).toBe(1)
    expect(answer.stderr).toMatch(/DATABASE_URL postgres:\/\/plenum:\*\*\*@127\.0\.0\.1:1\/nothing: cannot connect to PostgreSQL/)
    expect(answer.stderr).not.toMatch(/s3cret/)
  })
})
