import type { Kysely } from 'kysely'

// Frozen in time: never import application types here.
export async function up(db: Kysely<any>): Promise<void> {
  // The texts a ballot put to the vote, each with the digest of its paragraphs when the ballot
  // opened: a proposal's, an amendment's, or for the motion the preamble's and every proposal's.
  // A text listed here is locked; the seal compares each with what it renders.
  await db.schema
    .createTable('ballot_texts')
    .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id').onDelete('cascade'))
    .addColumn('doc_name', 'text', (c) => c.notNull().references('documents.name'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballot_texts_pk', ['ballot_id', 'doc_name'])
    .execute()
  await db.schema.createIndex('ballot_texts_doc').on('ballot_texts').column('doc_name').execute()
  // What else a ballot put to the vote: the place of its texts, as the seal prints it (for the
  // motion the congress's details and the whole structure: questions and proposals, their titles,
  // numbers and order; for a proposal its title, number and question), in canonical JSON with its
  // digest. Structure changes that would alter it are refused; the seal compares it again.
  await db.schema
    .createTable('ballot_structures')
    .addColumn('ballot_id', 'text', (c) => c.primaryKey().references('ballots.id').onDelete('cascade'))
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ballot_structures').execute()
  await db.schema.dropTable('ballot_texts').execute()
}
