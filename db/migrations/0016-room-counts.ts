import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: never import application types here. A ballot counted in the room (show of
// hands, or paper): the numbers the bureau entered, kept apart from the phones' ballot box; for a
// roll-call ballot, the names counted with their choice, one row each, so the database refuses a
// name counted twice. A new count replaces the last one; the decision log keeps every one.
export async function up(db: Kysely<any>): Promise<void> {
  const millis = db.getExecutor().adapter instanceof PostgresAdapter ? 'bigint' : 'integer'
  await db.schema
    .createTable('room_counts')
    .addColumn('ballot_id', 'text', (c) => c.primaryKey().references('ballots.id').onDelete('cascade'))
    .addColumn('yes', 'integer', (c) => c.notNull())
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('abstain', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', millis, (c) => c.notNull())
    .addCheckConstraint('plenum: negative room_counts count', sql.raw(`"yes" >= 0 AND "no" >= 0 AND "abstain" >= 0`))
    .execute()
  await db.schema
    .createTable('room_votes')
    .addColumn('ballot_id', 'text', (c) => c.notNull().references('room_counts.ballot_id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('choice', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('room_votes_pk', ['ballot_id', 'participant_id'])
    .addCheckConstraint('plenum: unknown room_votes.choice value', sql.raw(`"choice" IN ('yes', 'no', 'abstain')`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('room_votes').execute()
  await db.schema.dropTable('room_counts').execute()
}
