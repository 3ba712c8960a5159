import { createLoginRateLimit } from './login-rate-limit.ts'

/**
 * Failures counted per key within a window, kept in this process or in Redis: the sign-in and room
 * code limits are built on it. Asynchronous because the shared count lives across a network.
 */
export interface RateLimitCounter {
  /**
   * Takes one try from the key's budget before the try is checked, in one step with the look at
   * the budget: attempts arriving together can never all find room. Returns 0 when taken (it counts
   * as a failure until `succeeded`), or the milliseconds before the key may be tried again (nothing
   * taken).
   */
  take(key: string, now: number): Promise<number>
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
    async take(key, now) {
      const wait = limit.retryAfter(key, now)
      if (wait === 0) limit.failed(key, now)
      return wait
    },
    failed: async (key, now) => {
      limit.failed(key, now)
      return limit.retryAfter(key, now)
    },
    succeeded: async (key) => limit.succeeded(key),
  }
}
