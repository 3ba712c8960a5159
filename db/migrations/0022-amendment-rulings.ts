import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: never import application types here. Who ruled an amendment admissible or not,
// and when (the last ruling, or its correction): the amendment's page shows it beside the reason.
// Amendments ruled before this migration take both from their last ruling in the decision log.
export async function up(db: Kysely<any>): Promise<void> {
  const millis = db.getExecutor().adapter instanceof PostgresAdapter ? 'bigint' : 'integer'
  // Null when the command line ruled (or for an amendment never ruled).
  await db.schema.alterTable('amendments').addColumn('ruled_by', 'text', (c) => c.references('participants.id')).execute()
  await db.schema.alterTable('amendments').addColumn('ruled_at', millis).execute()
  const rulings = await db.selectFrom('audit_log').select(['actor_id', 'at', 'payload']).where('action', '=', 'amendment.ruled').orderBy('seq').execute()
  for (const entry of rulings as { actor_id: string | null; at: number | string; payload: string }[]) {
    let amendmentId: unknown
    try {
      amendmentId = (JSON.parse(entry.payload) as { amendmentId?: unknown }).amendmentId
    } catch {
      continue
    }
    if (typeof amendmentId !== 'string') continue
    await db.updateTable('amendments').set({ ruled_by: entry.actor_id, ruled_at: Number(entry.at) }).where('id', '=', amendmentId).execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('amendments').dropColumn('ruled_at').execute()
  await db.schema.alterTable('amendments').dropColumn('ruled_by').execute()
}
