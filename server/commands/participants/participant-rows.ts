import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import { fail } from '../../domain-error.ts'
import { participantColumns } from '../../presenters/participant-view.ts'

/** A participant of the congress, as the bureau sees them; 404 participant_not_found. */
export async function participantOf(db: Kysely<Database>, congressId: string, participantId: string) {
  const row = await db.selectFrom('participants').select(participantColumns).where('id', '=', participantId).where('congress_id', '=', congressId).executeTakeFirst()
  if (!row) throw fail('participant_not_found', { participantId }, 'Ce participant n’existe pas.')
  return row
}

/** Ends every session of a participant whose code changed: their sign-ins show when. */
export async function endSessionsOf(db: Kysely<Database>, participantId: string, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('participant_id', '=', participantId).execute()
  await db.updateTable('sign_ins').set({ ended_at: now }).where('participant_id', '=', participantId).where('ended_at', 'is', null).execute()
}
