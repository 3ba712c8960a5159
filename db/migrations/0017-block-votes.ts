import type { Kysely } from 'kysely'

// Frozen in time: never import application types here. A ballot may put several proposals to one
// vote (*vote en bloc*): the ballot's row names the first, and this table every one of them, in
// the order the bureau listed them. The outcome applies to each.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ballot_block_members')
    .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id').onDelete('cascade'))
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballot_block_members_pk', ['ballot_id', 'proposal_id'])
    .execute()
  await db.schema.createIndex('ballot_block_members_proposal').on('ballot_block_members').column('proposal_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ballot_block_members').execute()
}
