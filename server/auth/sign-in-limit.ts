import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'
import { normalizeAccessCode } from '../ids.ts'
import { createMemoryCounter, type RateLimitCounter, type RateLimitCounterOptions } from './rate-limit-counter.ts'
import { createRedisCounter } from '../fanout/redis-rate-limit.ts'

/**
 * Bounds code guessing without letting one person lock out the room. Failures are counted twice:
 * per code tried (its first 8 characters, so a code half seen over a shoulder cannot be completed
 * from many addresses) and per client address. The code's count is taken before the code is
 * looked up, in one step with its check, so that tries sent together cannot all pass: past it,
 * that code waits, right or wrong. The address's count only decides how a wrong code is
 * answered (429 rather than 401): a right code from that address still signs in, because a hall
 * behind one NAT shares the address with whoever floods it. What stops guessing from an address is
 * the codes' 60 bits, not the count (1,000 codes valid: about 10^15 guesses per hit, years at the
 * server's full rate). A success clears only the failures on its own code, never an address's.
 */
export interface SignInLimit {
  /**
   * Takes a try from the code's budget before the code is looked up (counted as wrong until
   * `succeeded`): 0, or the milliseconds before this code may be tried again, whatever the address.
   */
  take(attempt: SignInAttempt, now: number): Promise<number>
  /** Counts a wrong code against the address (its code's count was taken); returns how long the address's budget stays spent, or 0. */
  failed(attempt: SignInAttempt, now: number): Promise<number>
  succeeded(attempt: SignInAttempt): Promise<void>
}

export interface SignInAttempt {
  readonly address: string
  readonly code: string
}

export const signInLimits = { perCode: 10, perAddress: 50, windowMs: 10 * 60_000 } as const

/** The bucket of a code tried: a hash of its first 8 normalized characters (no code kept in memory). */
function codeKey(code: string): string {
  const prefix = normalizeAccessCode(code).replace(/-/g, '').slice(0, 8)
  return createHash('sha256').update(prefix).digest('base64url').slice(0, 16)
}

export type SignInLimitOptions = Partial<Record<keyof typeof signInLimits, number>>

/** Counted in this process: one `plenum serve`. */
export function createSignInLimit(options: SignInLimitOptions = {}): SignInLimit {
  return signInLimit(options, createMemoryCounter)
}

/**
 * Counted in Redis, shared by every process connected to it: a second process is not a second
 * chance. Keys `plenum:limit:sign-in-code:<hash>` and `plenum:limit:sign-in-address:<address>`.
 */
export function createSharedSignInLimit(redis: Redis, options: SignInLimitOptions & { readonly keyPrefix?: string } = {}): SignInLimit {
  return signInLimit(options, (limits, kind) => createRedisCounter(redis, { ...limits, kind, keyPrefix: options.keyPrefix }))
}

function signInLimit(options: SignInLimitOptions, counter: (limits: RateLimitCounterOptions, kind: 'sign-in-code' | 'sign-in-address') => RateLimitCounter): SignInLimit {
  const windowMs = options.windowMs ?? signInLimits.windowMs
  const perCode = counter({ maxFailures: options.perCode ?? signInLimits.perCode, windowMs }, 'sign-in-code')
  const perAddress = counter({ maxFailures: options.perAddress ?? signInLimits.perAddress, windowMs }, 'sign-in-address')
  return {
    take(attempt, now) {
      return perCode.take(codeKey(attempt.code), now)
    },
    failed(attempt, now) {
      return perAddress.failed(attempt.address, now)
    },
    succeeded(attempt) {
      return perCode.succeeded(codeKey(attempt.code))
    },
  }
}
