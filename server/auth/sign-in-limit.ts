import { createHash } from 'node:crypto'
import { normalizeAccessCode } from '../ids.ts'
import { createLoginRateLimit } from './login-rate-limit.ts'

/**
 * Bounds code guessing without letting one person lock out the room. Failures are counted twice:
 * per code tried (its first 8 characters, so a code half seen over a shoulder cannot be completed
 * from many addresses) and per client address, with a larger budget (a hall behind one NAT shares
 * it). A success clears only the failures on the code that succeeded, never an address's: signing
 * in with one's own code does not buy more guesses, and nobody's typos are cleared by another.
 */
export interface SignInLimit {
  /** Milliseconds to wait before this address may try this code, or 0. */
  retryAfter(attempt: SignInAttempt, now: number): number
  failed(attempt: SignInAttempt, now: number): void
  succeeded(attempt: SignInAttempt): void
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

export function createSignInLimit(options: Partial<Record<keyof typeof signInLimits, number>> = {}): SignInLimit {
  const windowMs = options.windowMs ?? signInLimits.windowMs
  const perCode = createLoginRateLimit({ maxFailures: options.perCode ?? signInLimits.perCode, windowMs })
  const perAddress = createLoginRateLimit({ maxFailures: options.perAddress ?? signInLimits.perAddress, windowMs })
  return {
    retryAfter(attempt, now) {
      return Math.max(perCode.retryAfter(codeKey(attempt.code), now), perAddress.retryAfter(attempt.address, now))
    },
    failed(attempt, now) {
      perCode.failed(codeKey(attempt.code), now)
      perAddress.failed(attempt.address, now)
    },
    succeeded(attempt) {
      perCode.succeeded(codeKey(attempt.code))
    },
  }
}
