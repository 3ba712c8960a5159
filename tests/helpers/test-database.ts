import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The machine's PostgreSQL (trust auth): every test database is made on it and dropped after. */
export const postgresServer = process.env.PLENUM_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432'
export const testRedisUrl = process.env.PLENUM_TEST_REDIS ?? 'redis://127.0.0.1:6379'

/** Which backend the suite runs on this pass: tests/run.js runs it once on each. */
export const testBackend: 'sqlite' | 'postgres' = process.env.PLENUM_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite'

export interface TestDatabase {
  readonly name: string
  readonly url: string
  drop(): Promise<void>
}

/** A fresh, empty PostgreSQL database of its own; `drop` removes it, closing whatever is still connected. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `plenum_test_${randomBytes(6).toString('hex')}`
  await admin((client) => client.query(`CREATE DATABASE "${name}"`))
  return {
    name,
    url: `${postgresServer}/${name}`,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  }
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${postgresServer}/postgres` })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A prefix of Redis channels and keys of its own, so that test files running at once never hear each other. */
export function testRedisPrefix(): string {
  return `plenum-test-${randomBytes(6).toString('hex')}:`
}
