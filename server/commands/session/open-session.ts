import type { SessionView } from '../../../shared/api-types.ts'
import { err, ok, type Result } from '../../../shared/result.ts'
import { sessionLifetimeMs } from '../../auth/credentials.ts'
import type { DeviceLabel } from '../../auth/device-label.ts'
import type { SignInAttempt } from '../../auth/sign-in-limit.ts'
import { DomainError, fail } from '../../domain-error.ts'
import type { AppDeps } from '../../env.ts'
import { hashAccessCode, hashToken, newId, newSessionToken } from '../../ids.ts'

const seconds = (ms: number) => Math.ceil(ms / 1000)

/**
 * Exchanges a personal access code for a new session, and records the sign-in (who, when, which
 * kind of device, which session) in the same transaction: the participant sees it on their page.
 * Nobody is signed in yet, so nothing is authorized and nothing is logged: the attempt is counted
 * against the code and the address instead (auth/sign-in-limit.ts).
 */
export async function openSession(
  deps: Pick<AppDeps, 'db' | 'clock' | 'loginLimit'>,
  input: { readonly attempt: SignInAttempt; readonly device: DeviceLabel },
): Promise<Result<SessionView, DomainError>> {
  try {
    return ok(await signIn(deps, input))
  } catch (error) {
    if (error instanceof DomainError) return err(error)
    throw error
  }
}

async function signIn(deps: Pick<AppDeps, 'db' | 'clock' | 'loginLimit'>, { attempt, device }: { readonly attempt: SignInAttempt; readonly device: DeviceLabel }): Promise<SessionView> {
  const now = deps.clock()
  const codeWait = await deps.loginLimit.take(attempt, now)
  if (codeWait > 0) throw fail('sign_in_code_limited', { retryAfterSeconds: seconds(codeWait) }, 'Trop de codes erronés. Réessayez dans quelques minutes.')
  const participant = await deps.db
    .selectFrom('participants')
    .select(['id', 'name', 'role', 'congress_id'])
    .where('access_code_hash', '=', hashAccessCode(attempt.code))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!participant) {
    const addressWait = await deps.loginLimit.failed(attempt, now)
    if (addressWait > 0) throw fail('sign_in_address_limited', { retryAfterSeconds: seconds(addressWait) }, 'Trop de codes erronés. Réessayez dans quelques minutes.')
    throw fail('invalid_code', {}, 'Code d’accès inconnu. Vérifiez-le ou demandez-en un nouveau à l’accueil.')
  }
  const token = newSessionToken()
  const tokenHash = hashToken(token)
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('sessions').values({ token_hash: tokenHash, participant_id: participant.id, created_at: now, expires_at: now + sessionLifetimeMs }).execute()
    await trx
      .insertInto('sign_ins')
      .values({ id: newId(), participant_id: participant.id, congress_id: participant.congress_id, at: now, browser: device.browser, os: device.os, session_hash: tokenHash, ended_at: null })
      .execute()
  })
  await deps.loginLimit.succeeded(attempt)
  return { token, participant: { id: participant.id, name: participant.name, role: participant.role, congressId: participant.congress_id } }
}
