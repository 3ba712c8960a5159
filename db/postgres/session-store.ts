import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'
import type { SessionStore } from '../session-store.ts'

export function createPostgresSessionStore(db: Kysely<Database>): SessionStore {
  return {
    find: (tokenHash, now) =>
      db
        .selectFrom('sessions as s')
        .innerJoin('participants as p', 'p.id', 's.participant_id')
        .select(['p.id', 'p.congress_id', 'p.name', 'p.role'])
        .where('s.token_hash', '=', tokenHash)
        .where('s.expires_at', '>', now)
        .where('p.revoked_at', 'is', null)
        .executeTakeFirst(),
  }
}
