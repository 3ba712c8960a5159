import type { Kysely } from 'kysely'

// Frozen in time: never import application types here. The item under debate may be narrowed from
// a text to the amendments debated together with one of them (a *discussion commune*):
// `debate_amendment` names that amendment, on the floor and on each request for the floor.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('floor_settings').addColumn('debate_amendment', 'text', (c) => c.references('amendments.id')).execute()
  await db.schema.alterTable('floor_requests').addColumn('debate_amendment', 'text', (c) => c.references('amendments.id')).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('floor_requests').dropColumn('debate_amendment').execute()
  await db.schema.alterTable('floor_settings').dropColumn('debate_amendment').execute()
}
