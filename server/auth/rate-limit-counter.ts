import { createLoginRateLimit } from './login-rate-limit.ts'

/**
 * Failures counted per key within a window, kept in this process or in Redis: the sign-in and room
 * code limits are built on it. Asynchronous because the shared count lives across a network.
 */
export interface RateLimitCounter {
  /** Milliseconds before the key may be tried again, or 0. */
  retryAfter(key: string, now: number): Promise<number>
  /** Counts a failure; returns how long the key's budget stays spent after it, or 0. */
  failed(key: string, now: number): Promise<number>
  /** Forgets the key's failures. */
  succeeded(key: string): Promise<void>
}

export interface RateLimitCounterOptions {
  readonly maxFailures: number
  readonly windowMs: number
}

/** The count of this process only: enough with one `plenum serve`. */
export function createMemoryCounter(options: RateLimitCounterOptions): RateLimitCounter {
  const limit = createLoginRateLimit(options)
  return {
    retryAfter: async (key, now) => limit.retryAfter(key, now),
    failed: async (key, now) => {
      limit.failed(key, now)
      return limit.retryAfter(key, now)
    },
    succeeded: async (key) => limit.succeeded(key),
  }
}
