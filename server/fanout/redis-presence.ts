import type { Redis } from 'ioredis'
import type { CongressHub } from '../congress-hub.ts'
import { mergePresence, type PresenceSnapshot } from '../presence-snapshot.ts'

/** How often a process renews its entry, and after how long without renewal an entry is ignored (its process died). */
const renewEveryMs = 10_000
const staleAfterMs = 30_000

interface PresenceEntry extends PresenceSnapshot {
  readonly at: number
}

function isEntry(value: unknown): value is PresenceEntry {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  const ids = (list: unknown) => Array.isArray(list) && list.every((id) => typeof id === 'string')
  return (
    typeof entry.at === 'number' &&
    ids(entry.online) &&
    typeof entry.docs === 'object' &&
    entry.docs !== null &&
    Object.values(entry.docs).every(ids)
  )
}

/**
 * "Who is online" across processes: each process keeps its own snapshot of each congress in a
 * Redis hash (`plenum:presence:<congress>`, one field per process), written when its presence
 * changes and renewed every 10 s; a reader merges the fields renewed in the last 30 s, so a killed
 * process's people drop out on their own. The presence-changed event itself crosses as any other.
 */
export function shareRedisPresence(options: {
  readonly redis: Redis
  readonly origin: string
  readonly prefix: string
  readonly hub: CongressHub
  readonly local: (congressId: string) => PresenceSnapshot
  readonly clock?: () => number
}): { read(congressId: string): Promise<PresenceSnapshot>; close(): Promise<void> } {
  const { redis, origin, hub, local } = options
  const clock = options.clock ?? Date.now
  const key = (congressId: string) => `${options.prefix}presence:${congressId}`
  /** Congresses this process has written an entry for: renewed, and removed when empty or at close. */
  const written = new Set<string>()
  const dirty = new Set<string>()
  let scheduled = false

  const write = async (congressId: string) => {
    const snapshot = local(congressId)
    if (snapshot.online.length === 0 && Object.keys(snapshot.docs).length === 0) {
      written.delete(congressId)
      await redis.hdel(key(congressId), origin)
      return
    }
    written.add(congressId)
    await redis.hset(key(congressId), origin, JSON.stringify({ at: clock(), ...snapshot }))
    await redis.pexpire(key(congressId), staleAfterMs * 2)
  }
  const flush = () => {
    scheduled = false
    const congresses = [...dirty]
    dirty.clear()
    for (const congressId of congresses) write(congressId).catch(() => undefined)
  }
  const unsubscribe = hub.subscribe('presence-changed', ({ congressId }) => {
    dirty.add(congressId)
    if (!scheduled) {
      scheduled = true
      // A hall connecting at once changes presence hundreds of times a turn: one write per congress.
      setImmediate(flush)
    }
  })
  const renewal = setInterval(() => {
    for (const congressId of written) write(congressId).catch(() => undefined)
  }, renewEveryMs)
  renewal.unref()

  return {
    async read(congressId) {
      const mine = local(congressId)
      let fields: Record<string, string>
      try {
        fields = await redis.hgetall(key(congressId))
      } catch {
        // Redis away: this process's people at least.
        return mine
      }
      const now = clock()
      const others: PresenceSnapshot[] = []
      for (const [field, text] of Object.entries(fields)) {
        if (field === origin) continue
        let entry: unknown
        try {
          entry = JSON.parse(text)
        } catch {
          continue
        }
        if (isEntry(entry) && now - entry.at < staleAfterMs) others.push(entry)
      }
      return mergePresence([mine, ...others])
    },
    async close() {
      unsubscribe()
      clearInterval(renewal)
      await Promise.all([...written].map((congressId) => redis.hdel(key(congressId), origin).catch(() => undefined)))
    },
  }
}
