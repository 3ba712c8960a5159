import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: never import application types here. A vote by division (*vote par division*):
// a ballot may put a part of a proposal to the vote, kept by its blocks' words and positions (JSON
// lists) and the label the bureau saw ("§ 2, 3"). A part rejected is cut from the text: each cut is kept with the
// digest of the text before and after it, so the seal can follow a voted text to its final words.
export async function up(db: Kysely<any>): Promise<void> {
  const millis = db.getExecutor().adapter instanceof PostgresAdapter ? 'bigint' : 'integer'
  await db.schema
    .createTable('ballot_parts')
    .addColumn('ballot_id', 'text', (c) => c.primaryKey().references('ballots.id').onDelete('cascade'))
    .addColumn('blocks', 'text', (c) => c.notNull())
    // JSON list of where those blocks stood when the part was made (from 0).
    .addColumn('positions', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('text_cuts')
    .addColumn('ballot_id', 'text', (c) => c.primaryKey().references('ballots.id').onDelete('cascade'))
    .addColumn('doc_name', 'text', (c) => c.notNull().references('documents.name'))
    .addColumn('from_sha256', 'text', (c) => c.notNull())
    .addColumn('to_sha256', 'text', (c) => c.notNull())
    .addColumn('cut_at', millis, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('text_cuts_doc').on('text_cuts').columns(['doc_name', 'from_sha256']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('text_cuts').execute()
  await db.schema.dropTable('ballot_parts').execute()
}
