import { randomUUID } from 'node:crypto'
import { Redis, type RedisOptions } from 'ioredis'
import type { CongressHub, HubEventName, HubMessage } from '../congress-hub.ts'
import { decodeHubMessage, encodeHubMessage } from './hub-messages.ts'

/** Redis could not be reached when the server started: `plenum serve` says so and exits 1. */
export class FanoutUnavailable extends Error {}

export interface RedisFanoutOptions {
  /** REDIS_URL: redis://[user:password@]host:port[/db], or rediss:// for TLS. */
  readonly url: string
  /** Put before the channel's name (`plenum:congress-events` by default): tests take one per run. */
  readonly channelPrefix?: string
  /** How long the first connection may take before the start fails. */
  readonly connectTimeoutMs?: number
  /** Where connection troubles are told (once per outage); console.error by default. */
  readonly log?: (line: string) => void
}

/** What crossed, for tests and diagnostics. */
export interface FanoutStats {
  /** Local events handed to Redis. */
  published: number
  /** Local events Redis refused (it was unreachable): other processes missed them. */
  publishFailed: number
  /** Events from other processes applied to the local hub. */
  applied: number
  /** This process's own events, handed back by the subscription: skipped, never applied twice. */
  ownSkipped: number
  /** Messages that are not an event this version knows: dropped, never guessed. */
  dropped: number
}

export interface RedisFanout {
  /** This process's random id, sent with every event it publishes. */
  readonly origin: string
  readonly channel: string
  readonly stats: Readonly<FanoutStats>
  /** Publishes the hub's local events, and applies other processes' events to it. One hub per fan-out. */
  attach(hub: CongressHub): void
  close(): Promise<void>
}

/** Where REDIS_URL points, without its password: what messages may show. */
function shownAddress(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || '6379'}`
  } catch {
    throw new FanoutUnavailable('REDIS_URL is not a URL (redis://host:port)')
  }
}

/**
 * Congress events across server processes: one publisher and one subscriber connection to Redis,
 * one channel. Resolves once both are connected and subscribed; rejects with FanoutUnavailable at
 * once if Redis cannot be reached (no retrying forever at start). Afterwards it reconnects on its
 * own; events raised while Redis is away reach only this process (the log says so).
 */
export async function connectRedisFanout(options: RedisFanoutOptions): Promise<RedisFanout> {
  const address = shownAddress(options.url)
  const channel = `${options.channelPrefix ?? 'plenum:'}congress-events`
  const origin = randomUUID()
  const log = options.log ?? ((line: string) => console.error(line))
  const stats: FanoutStats = { published: 0, publishFailed: 0, applied: 0, ownSkipped: 0, dropped: 0 }
  let started = false
  let closing = false
  let outage = false
  /** What the first connection attempt failed with (ioredis's rejection only says the connection closed). */
  let startError: Error | undefined

  const connectionOptions: RedisOptions = {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 3_000,
    // A command while disconnected fails at once instead of waiting in a queue (a stale event
    // delivered late is worse than one missed: pages re-read on the next one).
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // The first connection is checked: no retry before the start succeeded; after it, back off up to 2 s.
    retryStrategy: (times) => (started && !closing ? Math.min(times * 100, 2_000) : null),
  }
  const publisher = new Redis(options.url, { ...connectionOptions, connectionName: `plenum-pub-${origin}` })
  const subscriber = new Redis(options.url, { ...connectionOptions, connectionName: `plenum-sub-${origin}` })
  for (const connection of [publisher, subscriber]) {
    connection.on('error', (error: Error) => {
      if (!started) startError ??= error
      if (!started || closing || outage) return
      outage = true
      log(`plenum: Redis at ${address} unreachable (${error.message}); congress events reach only this process until it is back`)
    })
    connection.on('ready', () => {
      if (!outage) return
      outage = false
      log(`plenum: Redis at ${address} reachable again`)
    })
  }

  try {
    await Promise.all([publisher.connect(), subscriber.connect()])
    await subscriber.subscribe(channel)
  } catch (error) {
    publisher.disconnect()
    subscriber.disconnect()
    const reason = startError?.message ?? (error instanceof Error ? error.message : String(error))
    throw new FanoutUnavailable(`cannot reach Redis at ${address} (REDIS_URL): ${reason}`)
  }
  started = true

  let hub: CongressHub | undefined
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel || !hub) return
    const decoded = decodeHubMessage(text)
    if (!decoded) {
      stats.dropped += 1
      return
    }
    if (decoded.origin === origin) {
      stats.ownSkipped += 1
      return
    }
    stats.applied += 1
    try {
      hub.applyRemote(decoded.message)
    } catch (error) {
      // A local listener's bug: told, and not allowed to end the subscription.
      log(`plenum: a ${decoded.message.name} event from another process failed here: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    }
  })

  const publish = <K extends HubEventName>(message: HubMessage<K>) => {
    stats.published += 1
    publisher.publish(channel, encodeHubMessage(origin, message)).catch(() => {
      stats.publishFailed += 1
    })
  }

  return {
    origin,
    channel,
    stats,
    attach(target) {
      if (hub) throw new Error('this fan-out is already attached to a hub')
      hub = target
      target.onLocalEvent = publish
    },
    async close() {
      closing = true
      if (hub?.onLocalEvent === publish) hub.onLocalEvent = undefined
      hub = undefined
      await Promise.all([publisher, subscriber].map((connection) => connection.quit().catch(() => connection.disconnect())))
    },
  }
}
