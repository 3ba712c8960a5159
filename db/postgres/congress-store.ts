import type { Kysely } from 'kysely'
import type { CongressStore } from '../congress-store.ts'
import type { Database } from '../schema.ts'

export function createPostgresCongressStore(db: Kysely<Database>): CongressStore {
  return {
    phase: async (congressId) => (await db.selectFrom('congresses').select('phase').where('id', '=', congressId).executeTakeFirst())?.phase,
    async votedDocs(congressId) {
      const rows = await db
        .selectFrom('ballot_texts as t')
        .innerJoin('ballots as b', 'b.id', 't.ballot_id')
        .select('t.doc_name')
        .distinct()
        .where('b.congress_id', '=', congressId)
        .where('b.status', '!=', 'draft')
        .execute()
      return rows.map((row) => row.doc_name)
    },
    async amendmentAuthorship(docName) {
      const amendment = await db.selectFrom('amendments').select(['id', 'status', 'author_id']).where('doc_name', '=', docName).executeTakeFirst()
      if (!amendment) return undefined
      const cosigners = await db
        .selectFrom('amendment_cosigners')
        .select(['participant_id', 'accepted_at'])
        .where('amendment_id', '=', amendment.id)
        .orderBy('signed_at')
        .execute()
      return {
        status: amendment.status,
        author: { id: amendment.author_id },
        cosigners: cosigners.map((row) => ({ id: row.participant_id, accepted: row.accepted_at !== null })),
      }
    },
  }
}
