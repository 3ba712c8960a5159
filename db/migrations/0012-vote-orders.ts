import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: never import application types here. The bureau's own order of the votes on
// one text, when it departs from the one Plenum computes: the first amendment id of each vote, in
// order (a JSON list). No row: Plenum's order.
export async function up(db: Kysely<any>): Promise<void> {
  const millis = db.getExecutor().adapter instanceof PostgresAdapter ? 'bigint' : 'integer'
  await db.schema
    .createTable('vote_orders')
    .addColumn('target_doc', 'text', (c) => c.primaryKey().references('documents.name'))
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id'))
    .addColumn('lead_ids', 'text', (c) => c.notNull())
    // Null when the command line set it.
    .addColumn('set_by', 'text', (c) => c.references('participants.id'))
    .addColumn('set_at', millis, (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vote_orders').execute()
}
