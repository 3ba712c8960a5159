import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: never import application types here. On PostgreSQL (see 0001): bigint times, an
// identity key.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const millis = pg ? 'bigint' : 'integer'
  // Congresses created before phases existed were being drafted.
  await db.schema.alterTable('congresses').addColumn('phase', 'text', (c) => c.notNull().defaultTo('drafting')).execute()
  await db.schema.alterTable('participants').addColumn('revoked_at', millis).execute()
  await db.schema
    .createIndex('participants_congress_email')
    .unique()
    .on('participants')
    .columns(['congress_id', 'email'])
    .where(sql.ref('email'), 'is not', null)
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', pg ? 'bigint' : 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('at', millis, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_congress').on('audit_log').columns(['congress_id', 'seq']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute()
  await db.schema.dropIndex('participants_congress_email').execute()
  await db.schema.alterTable('participants').dropColumn('revoked_at').execute()
  await db.schema.alterTable('congresses').dropColumn('phase').execute()
}
