import { Redis } from 'ioredis'

/** Redis could not be reached when the server started: `plenum serve` says so and exits 1. */
export class RedisUnavailable extends Error {}

export interface RedisConnectionOptions {
  /** REDIS_URL: redis://[user:password@]host:port[/db], or rediss:// for TLS. */
  readonly url: string
  /** Shown by Redis's CLIENT LIST. */
  readonly name: string
  /** What stops working while Redis is away, for the outage's one line on stderr. */
  readonly whileAway: string
  /** How long the first connection may take before the start fails. */
  readonly connectTimeoutMs?: number
  /** How long a command may wait for an answer before it fails (none by default). */
  readonly commandTimeoutMs?: number
  /** Where outages are told (once each); console.error by default. */
  readonly log?: (line: string) => void
}

/** Where REDIS_URL points, without its password: what messages may show. */
export function shownRedisAddress(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || '6379'}`
  } catch {
    throw new RedisUnavailable('REDIS_URL is not a URL (redis://host:port)')
  }
}

/**
 * One connection to Redis, as every part of Plenum that uses it needs it: resolves once connected,
 * rejects with RedisUnavailable at once if Redis cannot be reached (no retrying forever at start).
 * Afterwards it reconnects on its own, and a command made while Redis is away fails at once instead
 * of waiting in a queue (a late event, or a sign-in counted late, is worse than a refusal); the
 * outage and the return are said once each.
 */
export async function connectRedis(options: RedisConnectionOptions): Promise<Redis> {
  const address = shownRedisAddress(options.url)
  const log = options.log ?? ((line: string) => console.error(line))
  let started = false
  let outage = false
  /** What the first connection attempt failed with (ioredis's rejection only says the connection closed). */
  let startError: Error | undefined
  let ended = false
  const redis: Redis = new Redis(options.url, {
    lazyConnect: true,
    connectionName: options.name,
    connectTimeout: options.connectTimeoutMs ?? 3_000,
    commandTimeout: options.commandTimeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // The first connection is checked: no retry before the start succeeded; after it, back off up to 2 s.
    retryStrategy: (times: number) => (started && !ended ? Math.min(times * 100, 2_000) : null),
  })
  redis.on('error', (error: Error) => {
    if (!started) startError ??= error
    if (!started || outage) return
    outage = true
    log(`plenum: Redis at ${address} unreachable (${error.message}); ${options.whileAway} until it is back`)
  })
  redis.on('end', () => {
    ended = true
  })
  redis.on('ready', () => {
    if (!outage) return
    outage = false
    log(`plenum: Redis at ${address} reachable again`)
  })
  try {
    await redis.connect()
  } catch (error) {
    redis.disconnect()
    const reason = startError?.message ?? (error instanceof Error ? error.message : String(error))
    throw new RedisUnavailable(`cannot reach Redis at ${address} (REDIS_URL): ${reason}`)
  }
  started = true
  return redis
}

/** Closes a connection politely, or at once if Redis is away. */
export async function closeRedis(redis: Redis): Promise<void> {
  await redis.quit().catch(() => redis.disconnect())
}
