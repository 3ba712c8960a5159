import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { CongressHub, HubEventName, HubMessage } from '../congress-hub.ts'
import type { PresenceSnapshot } from '../presence-snapshot.ts'
import type { DocumentRelay } from '../sync/document-relay.ts'
import { decodeHubMessage, decodeResync, encodeHubMessage, encodeResync } from './hub-messages.ts'
import { closeRedis, connectRedis, RedisUnavailable } from './redis-connection.ts'
import { createRedisDocumentRelay, type DocumentRelayStats } from './redis-documents.ts'
import { shareRedisPresence } from './redis-presence.ts'

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
  /** Who is online on every process: this process's snapshot shared, the others' merged in (redis-presence.ts). */
  sharePresence(local: (congressId: string) => PresenceSnapshot): (congressId: string) => Promise<PresenceSnapshot>
  /** Document updates and awareness across processes, on the same two connections. */
  readonly documents: DocumentRelay & { readonly stats: Readonly<DocumentRelayStats>; resume(): Promise<void> }
  close(): Promise<void>
}

/**
 * Congress events across server processes: one publisher and one subscriber connection to Redis,
 * one channel. Resolves once both are connected and subscribed; rejects with RedisUnavailable at
 * once if Redis cannot be reached. Afterwards it reconnects on its own; events raised while Redis is
 * away reach only this process (the log says so).
 */
export async function connectRedisFanout(options: RedisFanoutOptions): Promise<RedisFanout> {
  const prefix = options.channelPrefix ?? 'plenum:'
  const channel = `${prefix}congress-events`
  const origin = randomUUID()
  const log = options.log ?? ((line: string) => console.error(line))
  const stats: FanoutStats = { published: 0, publishFailed: 0, applied: 0, ownSkipped: 0, dropped: 0 }
  const connection = (role: string) =>
    connectRedis({ url: options.url, name: `plenum-${role}-${origin}`, whileAway: 'congress events and edits reach only this process', connectTimeoutMs: options.connectTimeoutMs, log })
  const [publisher, subscriber] = await Promise.all([connection('pub'), connection('sub')].map((p) => p.catch((error: unknown) => error)))
  if (!(publisher instanceof Redis) || !(subscriber instanceof Redis)) {
    for (const c of [publisher, subscriber]) if (c instanceof Redis) c.disconnect()
    throw publisher instanceof Redis ? subscriber : publisher
  }
  try {
    await subscriber.subscribe(channel)
  } catch (error) {
    publisher.disconnect()
    subscriber.disconnect()
    throw new RedisUnavailable(`cannot subscribe to ${channel} on Redis (REDIS_URL): ${error instanceof Error ? error.message : String(error)}`)
  }

  let hub: CongressHub | undefined
  const documents = createRedisDocumentRelay({ publisher, subscriber, origin, prefix, log })
  let presence: ReturnType<typeof shareRedisPresence> | undefined
  /**
   * After an outage of this process's Redis link, or another process's: what was published meanwhile
   * is lost, so the hub forgets what it cached (phases, texts put to the vote, amendments' writers)
   * and every room re-reads its text and re-asks the policy (sync-server's onResumed).
   */
  const resynchronize = () => {
    hub?.forgetCaches()
    void documents.resume()
  }
  let away = false
  subscriber.on('close', () => {
    away = true
  })
  subscriber.on('ready', () => {
    if (!away) return
    away = false
    resynchronize()
    publisher.publish(channel, encodeResync(origin)).catch(() => undefined)
  })

  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel || !hub) return
    const resyncFrom = decodeResync(text)
    if (resyncFrom !== undefined) {
      if (resyncFrom !== origin) resynchronize()
      return
    }
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
    documents,
    attach(target) {
      if (hub) throw new Error('this fan-out is already attached to a hub')
      hub = target
      target.onLocalEvent = publish
    },
    sharePresence(local) {
      if (!hub) throw new Error('attach the hub before sharing presence')
      presence ??= shareRedisPresence({ redis: publisher, origin, prefix, hub, local })
      return presence.read
    },
    async close() {
      await presence?.close()
      if (hub?.onLocalEvent === publish) hub.onLocalEvent = undefined
      hub = undefined
      await Promise.all([publisher, subscriber].map(closeRedis))
    },
  }
}
