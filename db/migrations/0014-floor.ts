import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: never import application types here. The floor: per congress, the item under
// debate (a text) and the rules of its list of speakers; per request for the floor, who asked,
// for or against (or on a point of order), and when they spoke, which the minutes read.
export async function up(db: Kysely<any>): Promise<void> {
  const millis = db.getExecutor().adapter instanceof PostgresAdapter ? 'bigint' : 'integer'
  await db.schema
    .createTable('floor_settings')
    .addColumn('congress_id', 'text', (c) => c.primaryKey().references('congresses.id').onDelete('cascade'))
    .addColumn('debate_doc', 'text', (c) => c.references('documents.name'))
    .addColumn('speaking_seconds', 'integer', (c) => c.notNull())
    // 1 or 0: pour and contre in turn; those who have not spoken on the item first.
    .addColumn('alternate', 'integer', (c) => c.notNull())
    .addColumn('first_timers', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('floor_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('debate_doc', 'text', (c) => c.notNull().references('documents.name'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('asked_at', millis, (c) => c.notNull())
    .addColumn('started_at', millis)
    .addColumn('ended_at', millis)
    .addCheckConstraint('plenum: unknown floor_requests.stance value', sql.raw(`"stance" IN ('for', 'against', 'order')`))
    .addCheckConstraint('plenum: unknown floor_requests.status value', sql.raw(`"status" IN ('waiting', 'speaking', 'spoken', 'withdrawn')`))
    .execute()
  await db.schema.createIndex('floor_requests_debate').on('floor_requests').columns(['congress_id', 'debate_doc', 'status']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('floor_requests').execute()
  await db.schema.dropTable('floor_settings').execute()
}
