import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import { notDecisions, phaseMoveActions, phaseUndo, type LoggedMove, type PhaseUndo } from '../../../shared/phase/phase-undo.ts'
import { isPhase, type Phase } from '../../../shared/phases.ts'

export interface LastMove extends LoggedMove {
  readonly seq: number
  readonly at: number
  readonly by: string
}

/** The congress's last phase move from its log (a change or an undo), or null. */
export async function lastPhaseMove(db: Kysely<Database>, congressId: string): Promise<LastMove | null> {
  const row = await db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'action', 'payload', 'actor_name'])
    .where('congress_id', '=', congressId)
    .where('action', 'in', [...phaseMoveActions])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  const { from, to } = JSON.parse(row.payload) as { from?: unknown; to?: unknown }
  if (typeof from !== 'string' || typeof to !== 'string' || !isPhase(from) || !isPhase(to)) return null
  const action = row.action === 'phase.reverted' ? 'phase.reverted' : 'phase.changed'
  return { seq: Number(row.seq), at: Number(row.at), by: row.actor_name, action, from, to }
}

/** Whether the last move can be undone now: the move, and the actions logged after it (distinct is enough). */
export async function readPhaseUndo(db: Kysely<Database>, congressId: string, phase: Phase): Promise<{ readonly move: LastMove | null; readonly undo: PhaseUndo; readonly decidedAt: number | null }> {
  const move = await lastPhaseMove(db, congressId)
  // The first entry after the move that is a decision, if any: enough to refuse.
  const since = move
    ? await db
        .selectFrom('audit_log')
        .select(['action', 'at'])
        .where('congress_id', '=', congressId)
        .where('seq', '>', move.seq)
        .where('action', 'not in', [...notDecisions])
        .orderBy('seq')
        .limit(1)
        .execute()
    : []
  return { move, undo: phaseUndo(phase, move, since.map((s) => s.action)), decidedAt: since[0] ? Number(since[0].at) : null }
}
