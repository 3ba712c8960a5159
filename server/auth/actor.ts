import type { SessionStore } from '../../db/session-store.ts'
import type { Actor } from '../../shared/permissions.ts'
import { isRole } from '../../shared/roles.ts'
import { hashToken } from '../ids.ts'

/** The participant behind a session token, or undefined if the token names no live session. */
export async function actorForToken(sessions: SessionStore, token: string | undefined, now: number): Promise<(Actor & { name: string }) | undefined> {
  if (!token) return undefined
  const row = await sessions.find(hashToken(token), now)
  if (!row || !isRole(row.role)) return undefined
  return { participantId: row.id, congressId: row.congress_id, role: row.role, name: row.name }
}
