import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'

// Frozen in time. Until now the first reader of a congress's room code drew it, so reading the
// check-in desk or the projector wrote to the database; a congress now gets its code when it is
// created, and this gives one to every congress that has none yet.
export async function up(db: Kysely<any>): Promise<void> {
  const missing = await db.selectFrom('congresses').select('id').where('room_code', 'is', null).execute()
  for (const { id } of missing) {
    await db.updateTable('congresses').set({ room_code: String(randomInt(1_000_000)).padStart(6, '0') }).where('id', '=', id).execute()
  }
}

export async function down(): Promise<void> {
  // A drawn code is a code like any other: going back keeps it.
}
