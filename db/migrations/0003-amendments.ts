import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: never import application types here. On PostgreSQL (see 0001): bigint times, bytea.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const millis = pg ? 'bigint' : 'integer'
  const bytes = pg ? 'bytea' : 'blob'
  await db.schema.alterTable('congresses').addColumn('min_cosigners', 'integer', (c) => c.notNull().defaultTo(0)).execute()

  await db.schema
    .createTable('amendments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    // Null for an amendment to the preamble.
    .addColumn('proposal_id', 'text', (c) => c.references('proposals.id'))
    .addColumn('target_doc', 'text', (c) => c.notNull().references('documents.name'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('doc_name', 'text', (c) => c.notNull().unique().references('documents.name'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('justification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fork_vector', bytes, (c) => c.notNull())
    .addColumn('ruling_reason', 'text')
    .addColumn('conflicts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('merged_onto', bytes)
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .addColumn('merged_at', millis)
    .addUniqueConstraint('amendments_target_number', ['target_doc', 'number'])
    .execute()
  await db.schema.createIndex('amendments_congress').on('amendments').columns(['congress_id', 'target_doc']).execute()

  await db.schema
    .createTable('amendment_cosigners')
    .addColumn('amendment_id', 'text', (c) => c.notNull().references('amendments.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('signed_at', millis, (c) => c.notNull())
    .addColumn('accepted_at', millis)
    .addPrimaryKeyConstraint('amendment_cosigners_pk', ['amendment_id', 'participant_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('amendment_cosigners').execute()
  await db.schema.dropTable('amendments').execute()
  await db.schema.alterTable('congresses').dropColumn('min_cosigners').execute()
}
