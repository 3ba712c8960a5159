import type SQLite from 'better-sqlite3'
import type { ParticipantRow } from './schema.ts'

export type SessionParticipant = Pick<ParticipantRow, 'id' | 'congress_id' | 'name' | 'role'>

/**
 * Session look-up, synchronous so the sync socket can authenticate a connection
 * before it reads a single message.
 */
export interface SessionStore {
  find(tokenHash: string, now: number): SessionParticipant | undefined
}

export function createSessionStore(sqlite: SQLite.Database): SessionStore {
  const findStmt = sqlite.prepare<[string, number], SessionParticipant>(
    `SELECT p.id, p.congress_id, p.name, p.role
       FROM sessions s JOIN participants p ON p.id = s.participant_id
      WHERE s.token_hash = ? AND s.expires_at > ? AND p.revoked_at IS NULL`,
  )
  return { find: (tokenHash, now) => findStmt.get(tokenHash, now) }
}
