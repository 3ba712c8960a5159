import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: never import application types here. On PostgreSQL (see 0001): bigint times, bytea.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const millis = pg ? 'bigint' : 'integer'
  // The final state of every document of a frozen congress, as Y.encodeStateAsUpdateV2 wrote it.
  await db.schema
    .createTable('frozen_documents')
    .addColumn('doc_name', 'text', (c) => c.primaryKey().references('documents.name'))
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('state_v2', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('frozen_documents_congress').on('frozen_documents').column('congress_id').execute()

  await db.schema
    .createTable('seals')
    .addColumn('congress_id', 'text', (c) => c.primaryKey().references('congresses.id').onDelete('cascade'))
    .addColumn('frozen_at', millis, (c) => c.notNull())
    .addColumn('manifest_sha256', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('public_key_fingerprint', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('advisor_name', 'text', (c) => c.notNull())
    .addColumn('institution', 'text', (c) => c.notNull())
    .addColumn('delivered_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('created_at', millis, (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['deliveries', 'seals', 'frozen_documents']) await db.schema.dropTable(table).execute()
}
