import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: never import application types here. The bureau's opinion (avis) on an
// amendment, one per amendment, replaced when the bureau changes it (each one is in the log).
export async function up(db: Kysely<any>): Promise<void> {
  const millis = db.getExecutor().adapter instanceof PostgresAdapter ? 'bigint' : 'integer'
  await db.schema
    .createTable('amendment_opinions')
    .addColumn('amendment_id', 'text', (c) => c.primaryKey().references('amendments.id').onDelete('cascade'))
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    // Null when the command line gave it.
    .addColumn('given_by', 'text', (c) => c.references('participants.id'))
    .addColumn('given_at', millis, (c) => c.notNull())
    .addCheckConstraint('plenum: unknown amendment_opinions.opinion value', sql.raw(`"opinion" IN ('favorable', 'unfavorable', 'wisdom', 'withdrawal_requested')`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('amendment_opinions').execute()
}
