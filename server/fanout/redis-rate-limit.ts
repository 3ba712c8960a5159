import { createHash, randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { fail } from '../domain-error.ts'
import type { RateLimitCounter, RateLimitCounterOptions } from '../auth/rate-limit-counter.ts'

/** What a count is kept for: the part of its Redis key after the prefix. */
export type RateLimitKind = 'sign-in-code' | 'sign-in-address' | 'room-code'

export interface RedisCounterOptions extends RateLimitCounterOptions {
  readonly kind: RateLimitKind
  /** `plenum:limit:` by default: tests take one per run. */
  readonly keyPrefix?: string
}

export const defaultLimitKeyPrefix = 'plenum:limit:'

/*
 * A sliding window, as the in-memory count (auth/login-rate-limit.ts): one sorted set per key, a
 * failure's time as its score. Each script runs whole inside Redis, so two processes counting the
 * same key at once never both see room for one more. Only the last `max` failures are kept: the
 * wait is measured from the oldest of them, as in memory. Times come from the caller's clock (the
 * app's, as in memory); Redis's own clock only expires the key, a window after its last failure.
 */
const failedScript = `
local now, window, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(max + 1))
redis.call('PEXPIRE', KEYS[1], window)
if redis.call('ZCARD', KEYS[1]) < max then return 0 end
local oldest = tonumber(redis.call('ZRANGE', KEYS[1], -max, -max, 'WITHSCORES')[2])
return math.max(0, math.min(window, window - (now - oldest)))
`

// Looks and takes in one step: of the attempts arriving together, only the budget's get room.
const takeScript = `
local now, window, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= max then
  local oldest = tonumber(redis.call('ZRANGE', KEYS[1], -max, -max, 'WITHSCORES')[2])
  return math.max(1, math.min(window, window - (now - oldest)))
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return 0
`

/** Redis's own answer to a command (ioredis types its ReplyError as any: matched by name). */
const replyMessage = (error: unknown): string | undefined => (error instanceof Error && error.name === 'ReplyError' ? error.message : undefined)

const sha1 = (script: string) => createHash('sha1').update(script).digest('hex')
const scripts = { failed: { text: failedScript, sha: sha1(failedScript) }, take: { text: takeScript, sha: sha1(takeScript) } }

/** By its digest; sends the script itself only when this Redis has not seen it yet (or forgot it). */
async function runScript(redis: Redis, script: { text: string; sha: string }, key: string, args: readonly (string | number)[]): Promise<number> {
  try {
    return Number(await redis.evalsha(script.sha, 1, key, ...args))
  } catch (error) {
    if (!replyMessage(error)?.startsWith('NOSCRIPT')) throw error
    return Number(await redis.eval(script.text, 1, key, ...args))
  }
}

/**
 * An outage (connection lost, timeout, Redis loading or read-only) refuses the attempt: failing open
 * would hand whoever can knock Redis over an unlimited guessing budget. A reply saying our script or
 * key is wrong is a bug, thrown as such.
 */
function unavailable(error: unknown): never {
  if (/^(ERR|WRONGTYPE)/.test(replyMessage(error) ?? '')) throw error
  throw fail('rate_limit_unavailable', {}, 'Le contrôle des tentatives est momentanément indisponible. Réessayez dans un instant.')
}

/** The count shared by every process connected to the same Redis. */
export function createRedisCounter(redis: Redis, options: RedisCounterOptions): RateLimitCounter {
  const { maxFailures, windowMs } = options
  const keyOf = (key: string) => `${options.keyPrefix ?? defaultLimitKeyPrefix}${options.kind}:${key}`
  return {
    take: (key, now) => runScript(redis, scripts.take, keyOf(key), [now, windowMs, maxFailures, randomUUID()]).catch(unavailable),
    failed: (key, now) => runScript(redis, scripts.failed, keyOf(key), [now, windowMs, maxFailures, randomUUID()]).catch(unavailable),
    async succeeded(key) {
      // Failures left counted are the safe side of an outage: the code waits out its window at worst.
      await redis.del(keyOf(key)).catch(() => {})
    },
  }
}
