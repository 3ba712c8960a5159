import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: never import application types here. On SQLite the SQL below is what it always
// was; PostgreSQL gets its own types where the dialects differ: epoch milliseconds overflow its
// 4-byte integer (bigint), bytes are bytea, an auto-increment key is an identity column, and the
// time defaults are computed with its own functions.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const millis = pg ? 'bigint' : 'integer'
  const bytes = pg ? 'bytea' : 'blob'
  const now = pg ? sql`(CAST(floor(extract(epoch from statement_timestamp()) * 1000) AS bigint))` : sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`
  await db.schema
    .createTable('congresses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('edition', 'integer', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('preamble_doc', 'text', (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('documents')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', bytes, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('document_updates')
    .addColumn('id', pg ? 'bigint' : 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('doc_name', 'text', (c) => c.notNull().references('documents.name').onDelete('cascade'))
    .addColumn('data', bytes, (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('document_updates_doc').on('document_updates').columns(['doc_name', 'id']).execute()

  await db.schema
    .createTable('themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('themes_congress').on('themes').columns(['congress_id', 'position']).execute()

  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_name', 'text', (c) => c.notNull().unique().references('documents.name'))
    .addUniqueConstraint('proposals_congress_number', ['congress_id', 'number'])
    .execute()

  await db.schema
    .createTable('participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('access_code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', millis, (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('participants_congress').on('participants').column('congress_id').execute()

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('expires_at', millis, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sessions_participant').on('sessions').column('participant_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sessions', 'participants', 'proposals', 'themes', 'document_updates', 'documents', 'congresses']) {
    await db.schema.dropTable(table).execute()
  }
}
