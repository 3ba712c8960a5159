import type { Redis } from 'ioredis'
import type { DocumentRelay, RelayReceiver, RoomRelay } from '../sync/document-relay.ts'

/** A document message on the wire: one byte of kind, the sender's 16-byte origin, then the Yjs bytes. */
const updateKind = 0
const awarenessKind = 1
const awarenessQueryKind = 2
const headerBytes = 17

export interface DocumentRelayStats {
  /** Updates and awareness batches handed to Redis. */
  published: number
  publishFailed: number
  /** Received from other processes and handed to a room. */
  delivered: number
  /** Messages too short or of an unknown kind: dropped. */
  dropped: number
}

interface RedisDocumentRelayOptions {
  readonly publisher: Redis
  readonly subscriber: Redis
  /** This process's id (a UUID): its own messages, handed back by the subscription, are skipped. */
  readonly origin: string
  /** Before every channel's name: `plenum:` by default. */
  readonly prefix: string
  readonly log: (line: string) => void
}

/**
 * Documents across processes on Redis: one channel per document (`plenum:doc:<name>`), subscribed
 * while this process holds a room for it. Redis pub/sub keeps nothing: what is published while a
 * process is cut off is lost to it, so on reconnection its rooms re-read their texts (onResumed).
 */
export function createRedisDocumentRelay(options: RedisDocumentRelayOptions): DocumentRelay & { readonly stats: Readonly<DocumentRelayStats>; resume(): Promise<void> } {
  const { publisher, subscriber, log } = options
  const origin = Buffer.from(options.origin.replace(/-/g, ''), 'hex')
  const stats: DocumentRelayStats = { published: 0, publishFailed: 0, delivered: 0, dropped: 0 }
  const channelPrefix = `${options.prefix}doc:`
  const receivers = new Map<string, Set<RelayReceiver>>()
  const resumedListeners: (() => void)[] = []

  subscriber.on('messageBuffer', (channelBytes: Buffer, message: Buffer) => {
    const channel = channelBytes.toString()
    if (!channel.startsWith(channelPrefix)) return
    const listening = receivers.get(channel.slice(channelPrefix.length))
    if (!listening) return
    if (message.length < headerBytes || (message[0] !== updateKind && message[0] !== awarenessKind && message[0] !== awarenessQueryKind)) {
      stats.dropped += 1
      return
    }
    if (message.subarray(1, headerBytes).equals(origin)) return
    const payload = new Uint8Array(message.buffer, message.byteOffset + headerBytes, message.length - headerBytes)
    for (const receiver of listening) {
      stats.delivered += 1
      if (message[0] === updateKind) receiver.update(payload)
      else if (message[0] === awarenessKind) receiver.awareness(payload)
      else receiver.awarenessQuery()
    }
  })


  const publish = (name: string, kind: number, payload: Uint8Array) => {
    stats.published += 1
    const header = Buffer.allocUnsafe(headerBytes)
    header[0] = kind
    origin.copy(header, 1)
    publisher.publish(channelPrefix + name, Buffer.concat([header, payload])).catch(() => {
      stats.publishFailed += 1
    })
  }

  return {
    stats,
    onResumed: (listener) => void resumedListeners.push(listener),
    // ioredis subscribes again to what it was subscribed to; a room opened during the outage was not.
    async resume() {
      await Promise.all([...receivers.keys()].map((name) => subscriber.subscribe(channelPrefix + name).catch(() => undefined)))
      for (const listener of resumedListeners) listener()
    },
    async join(name, receiver) {
      let listening = receivers.get(name)
      if (!listening) {
        listening = new Set()
        receivers.set(name, listening)
        try {
          await subscriber.subscribe(channelPrefix + name)
        } catch (error) {
          // The room works for this process's clients; it subscribes when Redis is back, and catches up.
          log(`plenum: ${name} not shared with the other processes for now: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      listening.add(receiver)
      let left = false
      const link: RoomRelay = {
        publishUpdate: (update) => publish(name, updateKind, update),
        publishAwareness: (update) => publish(name, awarenessKind, update),
        queryAwareness: () => publish(name, awarenessQueryKind, new Uint8Array(0)),
        leave() {
          if (left) return
          left = true
          const set = receivers.get(name)
          set?.delete(receiver)
          if (set?.size === 0) {
            receivers.delete(name)
            subscriber.unsubscribe(channelPrefix + name).catch(() => undefined)
          }
        },
      }
      return link
    },
  }
}
