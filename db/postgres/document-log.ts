import { sql, type Kysely } from 'kysely'
import { storedDocument, type DocumentLog } from '../document-log.ts'
import { foldUpdates } from '../fold-updates.ts'
import type { Database } from '../schema.ts'

/** The PostgreSQL document log: several processes append to it at once. */
export function createPostgresDocumentLog(db: Kysely<Database>): DocumentLog {
  const append = async (executor: Kysely<Database>, name: string, update: Uint8Array, now: number) => {
    await executor.insertInto('document_updates').values({ doc_name: name, data: update, created_at: now }).execute()
  }
  return {
    async load(name) {
      // One snapshot for the state and the log: a compaction committing in between could otherwise
      // be seen half (the new state without the dropped updates, or the reverse).
      return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
        const doc = await trx.selectFrom('documents').select(['name', 'congress_id', 'kind', 'state']).where('name', '=', name).executeTakeFirst()
        if (!doc) return undefined
        const rows = await trx.selectFrom('document_updates').select(['id', 'data']).where('doc_name', '=', name).orderBy('id').execute()
        return storedDocument(doc, rows)
      })
    },
    append(name, update, now, premise) {
      return db.transaction().execute(async (trx) => {
        // FOR SHARE: a decision holds this row FOR NO KEY UPDATE from its first statement, so a freeze
        // or a ballot's opening waits for an append under way, and an append waits for the decision
        // and then meets what it committed. The insert's own snapshot is taken after the lock.
        const congress = await trx.selectFrom('congresses').select('phase').where('id', '=', premise.congressId).forShare().executeTakeFirst()
        if (congress?.phase !== premise.phase) return false
        const inserted = await sql`
          insert into document_updates (doc_name, data, created_at)
          select ${name}, ${update}, ${now}
           where not exists (select 1 from ballot_texts t join ballots b on b.id = t.ballot_id where t.doc_name = ${name} and b.status <> 'draft')
             and not exists (select 1 from amendments where doc_name = ${name} and status not in ('draft', 'submitted'))`.execute(trx)
        return inserted.numAffectedRows === 1n
      })
    },
    appendInTransaction: (trx, name, update, now) => append(trx, name, update, now),
    async readInTransaction(trx, name) {
      // One statement, so one snapshot: a compaction (which does not wait for the congress's row)
      // committing between two reads would otherwise show the old state without the log it folded.
      const doc = await trx
        .selectFrom('documents')
        .select(['state', sql<Uint8Array[] | null>`(select array_agg(u.data order by u.id) from document_updates u where u.doc_name = documents.name)`.as('updates')])
        .where('name', '=', name)
        .executeTakeFirst()
      return doc && foldUpdates(doc.state, doc.updates ?? [])
    },
    async compact(name, now) {
      return db.transaction().execute(async (trx) => {
        // The document's row locked (FOR NO KEY UPDATE: appends, whose foreign key takes KEY SHARE,
        // go on meanwhile): two processes never fold the same log at once.
        const doc = await trx.selectFrom('documents').select('state').where('name', '=', name).forNoKeyUpdate().executeTakeFirst()
        if (!doc) return { stateBytes: 0 }
        const rows = await trx.selectFrom('document_updates').select(['id', 'data']).where('doc_name', '=', name).orderBy('id').execute()
        if (rows.length === 0) return { stateBytes: doc.state.byteLength }
        const state = foldUpdates(doc.state, rows.map((r) => r.data))
        await trx.updateTable('documents').set({ state, updated_at: now }).where('name', '=', name).execute()
        // Exactly the updates folded in: an append that commits meanwhile with a smaller id (ids are
        // handed out before commit) was not read, so it must not be deleted.
        await trx.deleteFrom('document_updates').where('doc_name', '=', name).where('id', '=', sql<number>`any(${rows.map((r) => r.id)}::bigint[])`).execute()
        return { stateBytes: state.byteLength }
      })
    },
    async size(name) {
      const row = await db
        .selectFrom('document_updates')
        .select([
          sql<number>`(select octet_length(state) from documents where name = ${name})`.as('stateBytes'),
          sql<number>`coalesce(sum(octet_length(data)), 0)::bigint`.as('logBytes'),
          sql<number>`count(*)`.as('logCount'),
        ])
        .where('doc_name', '=', name)
        .executeTakeFirst()
      return { stateBytes: Number(row?.stateBytes ?? 0), logBytes: Number(row?.logBytes ?? 0), logCount: Number(row?.logCount ?? 0) }
    },
  }
}
