import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { checkPhaseChange, isPhase, type Phase } from '../../shared/phases.ts'
import { AppError } from '../app-error.ts'
import { appendAudit } from './audit.ts'
import type { AuditActor } from './participants.ts'

const refusals = {
  same_phase: 'Le congrès est déjà dans cette phase.',
  one_way: 'Le gel et la remise de la motion se font par le scellement, pas par un changement de phase.',
  sealed: 'La motion est gelée : sa phase ne change plus.',
} as const

export async function currentPhase(db: Kysely<Database>, congressId: string): Promise<Phase> {
  const row = await db.selectFrom('congresses').select('phase').where('id', '=', congressId).executeTakeFirst()
  if (!row) throw new AppError(404, 'not_found', 'Ce congrès n’existe pas.')
  return isPhase(row.phase) ? row.phase : 'setup'
}

/** Moves the congress to another open phase, and records who did it. */
export async function changePhase(db: Kysely<Database>, congressId: string, to: Phase, actor: AuditActor, now: number): Promise<{ from: Phase; to: Phase }> {
  return db.transaction().execute(async (trx) => {
    const from = await currentPhase(trx, congressId)
    const refusal = checkPhaseChange(from, to)
    if (refusal) throw new AppError(409, 'conflict', refusals[refusal])
    // A ballot's text and list were fixed when it opened: the phase waits for it to close, so no
    // text can be reopened for writing while it is being voted.
    const open = await trx.selectFrom('ballots').select('id').where('congress_id', '=', congressId).where('status', '=', 'open').executeTakeFirst()
    if (open) throw new AppError(409, 'ballot_open', 'Un scrutin est ouvert : clôturez-le avant de changer de phase.')
    await trx.updateTable('congresses').set({ phase: to }).where('id', '=', congressId).execute()
    await appendAudit(trx, { congressId, actor, action: 'phase.changed', payload: { from, to } }, now)
    return { from, to }
  })
}
