import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import type { Phase } from '../../../shared/phases.ts'
import { fail } from '../../domain-error.ts'

/** The congress's phase as the database holds it (inside a transaction: the phase the decision meets). */
export async function readPhase(db: Kysely<Database>, congressId: string): Promise<Phase> {
  const row = await db.selectFrom('congresses').select('phase').where('id', '=', congressId).executeTakeFirst()
  if (!row) throw fail('congress_not_found', { congressId }, 'Ce congrès n’existe pas.')
  return row.phase as Phase
}

/** Refuses a congress that does not exist (404 congress_not_found). */
export async function requireCongress(db: Kysely<Database>, congressId: string): Promise<void> {
  await readPhase(db, congressId)
}
