import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { SessionView } from '../../shared/api-types.ts'
import { isRole } from '../../shared/roles.ts'
import { AppError } from '../app-error.ts'
import { sessionLifetimeMs } from '../auth/credentials.ts'
import { hashToken, newSessionToken, normalizeAccessCode } from '../ids.ts'

/** Exchanges a personal access code for a new session. */
export async function openSession(db: Kysely<Database>, code: string, now: number): Promise<SessionView> {
  const participant = await db
    .selectFrom('participants')
    .select(['id', 'name', 'role', 'congress_id'])
    .where('access_code', '=', normalizeAccessCode(code))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!participant || !isRole(participant.role)) {
    throw new AppError(401, 'invalid_code', 'Code d’accès inconnu. Vérifiez-le ou demandez-en un nouveau à l’accueil.')
  }
  const token = newSessionToken()
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), participant_id: participant.id, created_at: now, expires_at: now + sessionLifetimeMs })
    .execute()
  return {
    token,
    participant: { id: participant.id, name: participant.name, role: participant.role, congressId: participant.congress_id },
  }
}

export async function closeSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute()
}
