import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import type { ParticipantInput } from '../../../shared/participants/participant-rows.ts'
import { fail } from '../../domain-error.ts'
import { hashAccessCode, newAccessCode, newId } from '../../ids.ts'
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

/**
 * Registers new people, each with a new access code (kept as its hash): the rows written, and each
 * one's code in clear, to show this once.
 */
export async function insertParticipants(db: Kysely<Database>, congressId: string, people: readonly ParticipantInput[], now: number) {
  const codes = people.map(() => newAccessCode())
  const created = people.map((person, i) => ({
    id: newId(),
    congress_id: congressId,
    name: person.name,
    organisation: person.organisation,
    email: person.email,
    role: person.role,
    access_code_hash: hashAccessCode(codes[i]!),
    created_at: now,
    revoked_at: null,
  }))
  for (let i = 0; i < created.length; i += 200) await db.insertInto('participants').values(created.slice(i, i + 200)).execute()
  return { created, codes }
}
