import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase, type SqliteHandle } from '../../db/sqlite/open.ts'
import { connectRedis, RedisUnavailable, type RedisConnectionOptions } from '../../server/fanout/redis-connection.ts'

/** The limits' connection as server/server.ts opens it. */
const connectLimits = (options: Pick<RedisConnectionOptions, 'url' | 'log' | 'connectTimeoutMs'>) =>
  connectRedis({ name: 'plenum-limits', whileAway: 'sign-ins and room codes are refused (503)', commandTimeoutMs: 2_000, ...options })
import { createSharedRoomCodeLimit } from '../../server/auth/room-code-limit.ts'
import { createSharedSignInLimit, signInLimits } from '../../server/auth/sign-in-limit.ts'
import { wrongCode } from '../helpers/wrong-code.ts'
import { openSession } from '../../server/commands/session/open-session.ts'
import { DomainError } from '../../server/domain-error.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { waitFor } from '../helpers/wait-for.ts'


const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const device = { browser: 'Firefox', os: 'Linux' }

/** Every key under a prefix (SCAN, never KEYS: the test's Redis may be shared). */
async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = []
  let cursor = '0'
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
    cursor = next
    keys.push(...batch)
  } while (cursor !== '0')
  return keys
}

/**
 * Two connections to one Redis stand for two `plenum serve` processes: each builds its own limits,
 * as each process would, and they must spend one budget.
 */
describe('sign-in and room code limits shared through Redis (server/auth/redis-rate-limit.ts)', () => {
  const connections: Redis[] = []
  let processA: Redis
  let processB: Redis
  /** A prefix of its own per test, so that parallel runs and earlier tests never share a count. */
  let keyPrefix: string

  beforeAll(async () => {
    processA = await connectLimits({ url: redisUrl })
    processB = await connectLimits({ url: redisUrl })
    connections.push(processA, processB)
  })
  afterEach(async () => {
    const keys = await keysUnder(processA, keyPrefix)
    if (keys.length > 0) await processA.del(...keys)
  })
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.quit().catch(() => connection.disconnect())))
  })
  const freshPrefix = () => {
    keyPrefix = `plenum-test-${randomUUID()}:limit:`
    return keyPrefix
  }

  test('ten wrong codes through one process: the eleventh try of that code through another waits', async () => {
    const prefix = freshPrefix()
    const a = createSharedSignInLimit(processA, { keyPrefix: prefix })
    const b = createSharedSignInLimit(processB, { keyPrefix: prefix })
    const now = Date.now()
    for (let i = 0; i < 9; i++) await wrongCode(a, { address: `10.0.0.${i}`, code: `ABCD-EFGH-000${i}` }, now)
    // The tenth try, through the other process, still finds room (and spends the last of it).
    expect(await wrongCode(b, { address: '10.0.0.99', code: 'ABCD-EFGH-9999' }, now)).toBe(0)
    const wait = await b.take({ address: '10.0.0.99', code: 'abcd efgh 9999' }, now + 1_000)
    expect(wait).toBe(signInLimits.windowMs - 1_000)
    // Another code's first 8 characters have their own budget.
    expect(await b.take({ address: '10.0.0.99', code: 'ABCD-EFGJ-9999' }, now)).toBe(0)
  })

  test('through the sign-in command: the eleventh wrong code through another process gets 429 with a retry-after', async () => {
    const prefix = freshPrefix()
    const dir = makeTempDir('plenum-shared-limits-')
    let database: SqliteHandle | undefined
    try {
      database = await openDatabase(join(dir.path, 'plenum.db'))
      const depsA = { db: database.db, clock: Date.now, loginLimit: createSharedSignInLimit(processA, { keyPrefix: prefix }) }
      const depsB = { db: database.db, clock: Date.now, loginLimit: createSharedSignInLimit(processB, { keyPrefix: prefix }) }
      for (let i = 0; i < 10; i++) {
        const wrong = await openSession(depsA, { attempt: { address: `192.0.2.${i}`, code: `WXYZ-2345-67${i}A` }, device })
        expect(!wrong.ok && wrong.error.code).toBe('invalid_code')
      }
      const refused = await openSession(depsB, { attempt: { address: '192.0.2.200', code: 'WXYZ-2345-ABCD' }, device })
      expect(refused.ok).toBe(false)
      if (refused.ok) return
      expect(refused.error.info).toEqual({ code: 'sign_in_code_limited', retryAfterSeconds: expect.any(Number) })
      if (refused.error.info.code === 'sign_in_code_limited') expect(refused.error.info.retryAfterSeconds).toBeGreaterThan(0)
    } finally {
      await database?.close()
      dir.remove()
    }
  })

  test('forty wrong codes of one prefix sent at once through two processes: ten are tried, the others wait', async () => {
    const prefix = freshPrefix()
    const dir = makeTempDir('plenum-shared-limits-')
    let database: SqliteHandle | undefined
    try {
      database = await openDatabase(join(dir.path, 'plenum.db'))
      const deps = [processA, processB].map((redis) => ({ db: database!.db, clock: Date.now, loginLimit: createSharedSignInLimit(redis, { keyPrefix: prefix }) }))
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => openSession(deps[i % 2]!, { attempt: { address: `192.0.2.${i}`, code: `QRST-2345-${String(i).padStart(4, '0')}` }, device })),
      )
      const codes = answers.map((answer) => (answer.ok ? 'signed in' : answer.error.code))
      expect(codes.filter((code) => code === 'invalid_code')).toHaveLength(signInLimits.perCode)
      expect(codes.filter((code) => code === 'sign_in_code_limited')).toHaveLength(40 - signInLimits.perCode)
    } finally {
      await database?.close()
      dir.remove()
    }
  })

  test('failures counted at the same moment by both processes are each counted once: exactly the budget passes', async () => {
    const prefix = freshPrefix()
    const a = createSharedSignInLimit(processA, { keyPrefix: prefix, perCode: 50, perAddress: 10 })
    const b = createSharedSignInLimit(processB, { keyPrefix: prefix, perCode: 50, perAddress: 10 })
    const now = Date.now()
    const waits = await Promise.all(Array.from({ length: 30 }, (_, i) => wrongCode(i % 2 === 0 ? a : b, { address: 'busy', code: `RACE-${String(i).padStart(4, '0')}-ZZZZ` }, now)))
    // The first nine leave room; the tenth and every later one find the budget spent.
    expect(waits.filter((wait) => wait === 0)).toHaveLength(9)
  })

  test('a success clears only its own code, through whichever process, and never the address', async () => {
    const prefix = freshPrefix()
    const a = createSharedSignInLimit(processA, { keyPrefix: prefix, perCode: 3, perAddress: 8 })
    const b = createSharedSignInLimit(processB, { keyPrefix: prefix, perCode: 3, perAddress: 8 })
    const now = Date.now()
    for (let i = 0; i < 3; i++) {
      await wrongCode(a, { address: 'hall', code: `AAAA-BBBB-000${i}` }, now)
      await wrongCode(a, { address: 'hall', code: `CCCC-DDDD-000${i}` }, now)
    }
    expect(await a.take({ address: 'x', code: 'AAAA-BBBB-1111' }, now)).toBeGreaterThan(0)
    await b.succeeded({ address: 'hall', code: 'AAAA-BBBB-CCCC' })
    expect(await a.take({ address: 'x', code: 'AAAA-BBBB-1111' }, now)).toBe(0)
    expect(await a.take({ address: 'x', code: 'CCCC-DDDD-1111' }, now)).toBeGreaterThan(0)
    // Six wrong codes before the success, two after: the address's eight are spent all the same.
    expect(await wrongCode(b, { address: 'hall', code: 'EEEE-FFFF-0001' }, now)).toBe(0)
    expect(await wrongCode(a, { address: 'hall', code: 'EEEE-FFFF-0002' }, now)).toBeGreaterThan(0)
  })

  test('an address past its budget, across processes, is told so on wrong codes, but no code waits for it', async () => {
    const prefix = freshPrefix()
    const a = createSharedSignInLimit(processA, { keyPrefix: prefix, perCode: 3, perAddress: 5 })
    const b = createSharedSignInLimit(processB, { keyPrefix: prefix, perCode: 3, perAddress: 5 })
    const now = Date.now()
    const spent: number[] = []
    for (let i = 0; i < 5; i++) spent.push(await wrongCode(i % 2 === 0 ? a : b, { address: 'nat', code: `G${i}GG-HHHH-JJJJ` }, now))
    expect(spent.slice(0, 4)).toEqual([0, 0, 0, 0])
    expect(spent[4]).toBe(signInLimits.windowMs)
    expect(await a.take({ address: 'nat', code: 'KKKK-LLLL-MMMM' }, now)).toBe(0)
    expect(await wrongCode(b, { address: 'elsewhere', code: 'QQQQ-RRRR-SSSS' }, now)).toBe(0)
  })

  test('room codes: five wrong tries a minute per participant, whichever process counts them', async () => {
    const prefix = freshPrefix()
    const a = createSharedRoomCodeLimit(processA, { keyPrefix: prefix })
    const b = createSharedRoomCodeLimit(processB, { keyPrefix: prefix })
    const now = Date.now()
    for (let i = 0; i < 4; i++) await (i % 2 === 0 ? a : b).take('participant-1', now)
    expect(await b.take('participant-1', now)).toBe(0)
    await a.take('participant-1', now)
    expect(await b.take('participant-1', now + 10_000)).toBe(50_000)
    expect(await b.take('participant-2', now)).toBe(0)
    await a.succeeded('participant-1')
    expect(await b.take('participant-1', now)).toBe(0)
  })

  test('the window passes: the code may be tried again and Redis forgets the count', async () => {
    const prefix = freshPrefix()
    const windowMs = 300
    const a = createSharedSignInLimit(processA, { keyPrefix: prefix, perCode: 2, perAddress: 50, windowMs })
    const b = createSharedSignInLimit(processB, { keyPrefix: prefix, perCode: 2, perAddress: 50, windowMs })
    const attempt = { address: '198.51.100.7', code: 'MMMM-NNNN-PPPP' }
    await wrongCode(a, attempt, Date.now())
    await wrongCode(b, attempt, Date.now())
    expect(await a.take(attempt, Date.now())).toBeGreaterThan(0)
    await waitFor(async () => (await b.take(attempt, Date.now())) === 0, 'the code’s window to pass')
    await waitFor(async () => (await keysUnder(processA, prefix)).length === 0, 'Redis to expire the counts')
  })

  test('keys sit under the prefix, by kind, and hold no access code', async () => {
    const prefix = freshPrefix()
    const signIn = createSharedSignInLimit(processA, { keyPrefix: prefix })
    const roomCode = createSharedRoomCodeLimit(processA, { keyPrefix: prefix })
    const code = 'K7QM-2XPA-9RTB'
    await wrongCode(signIn, { address: '203.0.113.5', code }, Date.now())
    await roomCode.take('participant-9', Date.now())
    const keys = (await keysUnder(processA, prefix)).sort()
    expect(keys.map((key) => key.slice(prefix.length).replace(/:.*$/, ''))).toEqual(['room-code', 'sign-in-address', 'sign-in-code'])
    for (const key of keys) {
      const stored = `${key} ${JSON.stringify(await processA.call('ZRANGE', key, '0', '-1', 'WITHSCORES'))}`.toUpperCase()
      for (const secret of [code, code.replace(/-/g, ''), code.slice(0, 9), code.replace(/-/g, '').slice(0, 8)]) expect(stored).not.toContain(secret)
    }
  })

  test('Redis unreachable during a check: refused with 503 rate_limit_unavailable, never let through, and the process lives on', async () => {
    const prefix = freshPrefix()
    const lost = await connectLimits({ url: redisUrl, log: () => {} })
    connections.push(lost)
    const signIn = createSharedSignInLimit(lost, { keyPrefix: prefix })
    const roomCode = createSharedRoomCodeLimit(lost, { keyPrefix: prefix })
    lost.disconnect()
    const attempt = { address: '203.0.113.9', code: 'TTTT-UUUU-VVVV' }
    for (const check of [signIn.take(attempt, Date.now()), signIn.failed(attempt, Date.now()), roomCode.take('p', Date.now()), roomCode.failed('p', Date.now())]) {
      const error = await check.then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(DomainError)
      expect((error as DomainError).code).toBe('rate_limit_unavailable')
    }

    const dir = makeTempDir('plenum-shared-limits-')
    const database = await openDatabase(join(dir.path, 'plenum.db'))
    try {
      const refused = await openSession({ db: database.db, clock: Date.now, loginLimit: signIn }, { attempt, device })
      expect(!refused.ok && refused.error.code).toBe('rate_limit_unavailable')
    } finally {
      await database.close()
      dir.remove()
    }
  })

  test('Redis unreachable at start: connecting fails at once with a message naming the address, not the password', async () => {
    const error = await connectLimits({ url: 'redis://:s3cret@127.0.0.1:1', connectTimeoutMs: 1_000 }).then(
      (client) => {
        client.disconnect()
        return undefined
      },
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(RedisUnavailable)
    expect((error as Error).message).toContain('127.0.0.1:1')
    expect((error as Error).message).not.toContain('s3cret')
  })
})
