import type { SignInAttempt, SignInLimit } from '../../server/auth/sign-in-limit.ts'

/** A wrong code, as the sign-in command counts it: a try taken from the code's budget, then the address's failure. */
export async function wrongCode(limit: SignInLimit, attempt: SignInAttempt, now: number): Promise<number> {
  await limit.take(attempt, now)
  return limit.failed(attempt, now)
}
