import type SQLite from 'better-sqlite3'
import type { SessionParticipant, SessionStore } from '../session-store.ts'

export function createSqliteSessionStore(sqlite: SQLite.Database): SessionStore {
  const findStmt = sqlite.prepare<[string, number], SessionParticipant>(
    `SELECT p.id, p.congress_id, p.name, p.role
       FROM sessions s JOIN participants p ON p.id = s.participant_id
      WHERE s.token_hash = ? AND s.expires_at > ? AND p.revoked_at IS NULL`,
  )
  return { find: async (tokenHash, now) => findStmt.get(tokenHash, now) }
}
