import type { Redis } from 'ioredis'
import { createMemoryCounter, type RateLimitCounter } from './rate-limit-counter.ts'
import { createRedisCounter } from '../fanout/redis-rate-limit.ts'

/** Wrong room codes, counted per participant (the check-in command reads and feeds it). */
export type RoomCodeLimit = RateLimitCounter

/** Six digits are quick to type and quick to guess: a participant gets a few tries a minute. */
export const roomCodeLimits = { maxFailures: 5, windowMs: 60_000 } as const

/** Counted in this process: one `plenum serve`. */
export function createRoomCodeLimit(): RoomCodeLimit {
  return createMemoryCounter(roomCodeLimits)
}

/** Counted in Redis (`plenum:limit:room-code:<participant id>`), shared by every process connected to it. */
export function createSharedRoomCodeLimit(redis: Redis, options: { readonly keyPrefix?: string } = {}): RoomCodeLimit {
  return createRedisCounter(redis, { ...roomCodeLimits, kind: 'room-code', keyPrefix: options.keyPrefix })
}
