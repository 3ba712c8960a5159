import type { Kysely } from 'kysely'

// Frozen in time: never import application types here. The congress's time zone (IANA), in which
// the official outputs (minutes, comparative table, results and log CSVs, delivery slip, seal page)
// write their dates in words. Every congress so far met in France.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('congresses').addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Paris')).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('congresses').dropColumn('time_zone').execute()
}
