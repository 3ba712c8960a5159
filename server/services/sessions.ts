import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { SessionView } from '../../shared/api-types.ts'
import { isRole } from '../../shared/roles.ts'
import { AppError } from '../app-error.ts'
import { sessionLifetimeMs } from '../auth/credentials.ts'
import type { DeviceLabel } from '../auth/device-label.ts'
import { hashAccessCode, hashToken, newId, newSessionToken } from '../ids.ts'

/**
 * Exchanges a personal access code for a new session, and records the sign-in (who, when, which
 * kind of device, which session) in the same transaction: the participant sees it on their page.
 */
export async function openSession(db: Kysely<Database>, code: string, device: DeviceLabel, now: number): Promise<SessionView> {
  const participant = await db
    .selectFrom('participants')
    .select(['id', 'name', 'role', 'congress_id'])
    .where('access_code_hash', '=', hashAccessCode(code))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!participant || !isRole(participant.role)) {
    throw new AppError(401, 'invalid_code', 'Code d’accès inconnu. Vérifiez-le ou demandez-en un nouveau à l’accueil.')
  }
  const token = newSessionToken()
  const tokenHash = hashToken(token)
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('sessions').values({ token_hash: tokenHash, participant_id: participant.id, created_at: now, expires_at: now + sessionLifetimeMs }).execute()
    await trx
      .insertInto('sign_ins')
      .values({ id: newId(), participant_id: participant.id, congress_id: participant.congress_id, at: now, browser: device.browser, os: device.os, session_hash: tokenHash, ended_at: null })
      .execute()
  })
  return {
    token,
    participant: { id: participant.id, name: participant.name, role: participant.role, congressId: participant.congress_id },
  }
}

/** Ends a session; its sign-in shows when. Returns the token's hash, for closing its connections. */
export async function closeSession(db: Kysely<Database>, token: string, now: number): Promise<string> {
  const tokenHash = hashToken(token)
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
    await trx.updateTable('sign_ins').set({ ended_at: now }).where('session_hash', '=', tokenHash).where('ended_at', 'is', null).execute()
  })
  return tokenHash
}
