import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: never import application types here.
export async function up(db: Kysely<any>): Promise<void> {
  // When a vote was cast with someone's right: on the participation only (who voted, never what),
  // so that a voter who finds their vote already cast is told when. ms since epoch, the time of the
  // group commit that stored it; null for votes cast before this migration. bigint on PostgreSQL (see 0001).
  await db.schema.alterTable('ballot_participations').addColumn('cast_at', db.getExecutor().adapter instanceof PostgresAdapter ? 'bigint' : 'integer').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ballot_participations').dropColumn('cast_at').execute()
}
