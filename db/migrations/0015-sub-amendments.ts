import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: never import application types here. An amendment may now amend an amendment:
// `parent_id` names it (a sub-amendment, *sous-amendement*, voted before its parent and merged into
// it). A sub-amendment with `rewording` = 1 is the bureau's proposed rewording, which the parent's
// author accepts rather than the assembly votes; `rectified_at` is when the parent took one.
export async function up(db: Kysely<any>): Promise<void> {
  const millis = db.getExecutor().adapter instanceof PostgresAdapter ? 'bigint' : 'integer'
  await db.schema.alterTable('amendments').addColumn('parent_id', 'text', (c) => c.references('amendments.id')).execute()
  await db.schema.alterTable('amendments').addColumn('rewording', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('amendments').addColumn('rectified_at', millis).execute()
  await db.schema.createIndex('amendments_parent').on('amendments').column('parent_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('amendments_parent').execute()
  await db.schema.alterTable('amendments').dropColumn('rectified_at').execute()
  await db.schema.alterTable('amendments').dropColumn('rewording').execute()
  await db.schema.alterTable('amendments').dropColumn('parent_id').execute()
}
