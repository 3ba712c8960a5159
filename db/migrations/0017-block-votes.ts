import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application types here. A ballot may put several proposals, or
// several amendments, to one vote (*vote en bloc*): the ballot's row names the first, and this
// table every one of them, in the order the bureau listed them. The outcome applies to each.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ballot_block_members')
    .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.references('proposals.id'))
    .addColumn('amendment_id', 'text', (c) => c.references('amendments.id'))
    .addPrimaryKeyConstraint('ballot_block_members_pk', ['ballot_id', 'position'])
    .addCheckConstraint('plenum: a block member is one proposal or one amendment', sql.raw(`("proposal_id" IS NULL) <> ("amendment_id" IS NULL)`))
    .execute()
  await db.schema.createIndex('ballot_block_members_proposal').on('ballot_block_members').column('proposal_id').execute()
  await db.schema.createIndex('ballot_block_members_amendment').on('ballot_block_members').column('amendment_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ballot_block_members').execute()
}
