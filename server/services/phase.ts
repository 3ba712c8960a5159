import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { isPhase, type Phase } from '../../shared/phases.ts'
import { AppError } from '../app-error.ts'

export async function currentPhase(db: Kysely<Database>, congressId: string): Promise<Phase> {
  const row = await db.selectFrom('congresses').select('phase').where('id', '=', congressId).executeTakeFirst()
  if (!row) throw new AppError(404, 'not_found', 'Ce congrès n’existe pas.')
  return isPhase(row.phase) ? row.phase : 'setup'
}
