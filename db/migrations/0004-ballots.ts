import { PostgresAdapter, sql, type Kysely, type CreateTableBuilder } from 'kysely'

// Frozen in time: never import application types here. On PostgreSQL (see 0001): bigint times, bytea,
// and no WITHOUT ROWID (a SQLite clause). PostgreSQL keeps rows in its heap in the order they were
// written: there, the vote store's shuffled batches are what hide the order of votes.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const millis = pg ? 'bigint' : 'integer'
  const bytes = pg ? 'bytea' : 'blob'
  const withoutRowid = <T extends string>(table: CreateTableBuilder<T, any>) => (pg ? table : table.modifyEnd(sql`WITHOUT ROWID`))
  await db.schema.alterTable('congresses').addColumn('ballot_rule', 'text').execute()
  await db.schema.alterTable('congresses').addColumn('room_code', 'text').execute()
  await db.schema.alterTable('congresses').addColumn('projected_ballot_id', 'text').execute()
  await db.schema.alterTable('congresses').addColumn('motion_outcome', 'text').execute()
  await db.schema.alterTable('proposals').addColumn('outcome', 'text').execute()
  await db.schema.alterTable('proposals').addColumn('outcome_ballot_id', 'text').execute()

  await db.schema
    .createTable('attendance')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id').onDelete('cascade'))
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('checked_in_at', millis, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('proxies')
    .addColumn('giver_id', 'text', (c) => c.primaryKey().references('participants.id').onDelete('cascade'))
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('holder_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('created_at', millis, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('proxies_holder').on('proxies').column('holder_id').execute()

  await db.schema
    .createTable('ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('opened_at', millis)
    .addColumn('closes_at', millis)
    .addColumn('closed_at', millis)
    .addColumn('published_at', millis)
    .addColumn('entitled_count', 'integer')
    .addColumn('present_count', 'integer')
    .addColumn('represented_count', 'integer')
    .addColumn('result', 'text')
    .addColumn('chain_head', 'text')
    .execute()
  await db.schema.createIndex('ballots_congress').on('ballots').columns(['congress_id', 'created_at']).execute()
  // One ballot open at a time per congress: the room votes on one question.
  await sql`CREATE UNIQUE INDEX ballots_one_open ON ballots (congress_id) WHERE status = 'open'`.execute(db)

  // The list of votes, fixed when the ballot opens: who is represented, and who casts it.
  await db.schema
    .createTable('ballot_voters')
    .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id').onDelete('cascade'))
    .addColumn('represented_id', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballot_voters_pk', ['ballot_id', 'represented_id'])
    .$call(withoutRowid)
    .execute()
  await db.schema.createIndex('ballot_voters_holder').on('ballot_voters').columns(['ballot_id', 'holder_id']).execute()

  // Who voted. The primary key, not application code, makes a second vote impossible. No time, no
  // rowid (rows sort by participant id): nothing here orders or dates a vote.
  await db.schema
    .createTable('ballot_participations')
    .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id').onDelete('cascade'))
    .addColumn('represented_id', 'text', (c) => c.notNull())
    .addColumn('client_vote_hash', 'text', (c) => c.notNull())
    // The receipt, encrypted under a key only the voter's clientVoteId gives: a retry gets it back,
    // a reader of the database cannot use it to find the vote.
    .addColumn('receipt_box', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('ballot_participations_pk', ['ballot_id', 'represented_id'])
    .$call(withoutRowid)
    .execute()

  // What was chosen, keyed by the random receipt: no time, no rowid, no order shared with the above.
  await db.schema
    .createTable('ballot_box')
    .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id').onDelete('cascade'))
    .addColumn('receipt', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    // Roll-call ballots only: whom the vote represents. Null in secret ballots.
    .addColumn('represented_id', 'text')
    .addPrimaryKeyConstraint('ballot_box_pk', ['ballot_id', 'receipt'])
    .$call(withoutRowid)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['ballot_box', 'ballot_participations', 'ballot_voters', 'ballots', 'proxies', 'attendance']) await db.schema.dropTable(table).execute()
  for (const column of ['outcome_ballot_id', 'outcome']) await db.schema.alterTable('proposals').dropColumn(column).execute()
  for (const column of ['motion_outcome', 'projected_ballot_id', 'room_code', 'ballot_rule']) await db.schema.alterTable('congresses').dropColumn(column).execute()
}
