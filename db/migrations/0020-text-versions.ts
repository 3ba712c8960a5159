import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: never import application types here. Every text's history: a version at each
// phase change, merge, restore and pause in typing. A version stores the Yjs changes since the one
// before it (its delta), never a full copy: version N is rebuilt by applying
// the deltas 1..N in order. Who typed in between is one row per person; who typed since the last
// version is kept per text until the next one takes it.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const millis = pg ? 'bigint' : 'integer'
  const bytes = pg ? 'bytea' : 'blob'
  await db.schema
    .createTable('text_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id'))
    .addColumn('doc_name', 'text', (c) => c.notNull().references('documents.name'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', millis, (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('delta', bytes, (c) => c.notNull())
    // Who made it: the bureau member who merged, restored or moved the phase (null: the command line, or a pause).
    .addColumn('actor_id', 'text', (c) => c.references('participants.id'))
    // A phase change: the phase entered. A merge: the amendment. A restore: the version restored.
    .addColumn('phase', 'text')
    .addColumn('amendment_id', 'text', (c) => c.references('amendments.id'))
    .addColumn('restored_from', 'text', (c) => c.references('text_versions.id'))
    .addUniqueConstraint('text_versions_doc_seq', ['doc_name', 'seq'])
    .addCheckConstraint('plenum: unknown text_versions.event value', sql.raw(`"event" IN ('phase', 'merge', 'restore', 'pause')`))
    .addCheckConstraint('plenum: unknown text_versions.phase value', sql.raw(`"phase" IS NULL OR "phase" IN ('setup', 'drafting', 'amendments', 'voting', 'frozen', 'delivered')`))
    .execute()
  await db.schema
    .createTable('text_version_typists')
    .addColumn('version_id', 'text', (c) => c.notNull().references('text_versions.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addPrimaryKeyConstraint('text_version_typists_pk', ['version_id', 'participant_id'])
    .execute()
  await db.schema
    .createTable('text_typing')
    .addColumn('doc_name', 'text', (c) => c.notNull().references('documents.name'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('typed_at', millis, (c) => c.notNull())
    .addPrimaryKeyConstraint('text_typing_pk', ['doc_name', 'participant_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('text_typing').execute()
  await db.schema.dropTable('text_version_typists').execute()
  await db.schema.dropTable('text_versions').execute()
}
