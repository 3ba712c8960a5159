import { fail } from '../../domain-error.ts'
import { recordPhaseVersions } from '../../history/text-versions.ts'
import { auditActorOf, command, type CommandActor, type CommandDeps } from '../command.ts'
import { readPhase } from './congress-rows.ts'
import type { PhaseChange } from './change-phase.ts'
import { readPhaseUndo } from './phase-moves.ts'

/**
 * The bureau undoes a mistaken phase move, with a reason, while nothing was decided since (the log
 * says so: shared/phase/phase-undo.ts). The congress goes back to the phase it left; the log keeps
 * both the move and its undoing, and the minutes tell both.
 */
export function revertPhase(deps: CommandDeps & Required<Pick<CommandDeps, 'documents'>>, actor: CommandActor, input: { congressId: string; reason: string }) {
  const { congressId, reason } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'phase.change')
    return steps.transaction(async (tx): Promise<PhaseChange> => {
      // Read with the congress's row held: no decision lands between this check and the undo.
      const phase = await readPhase(tx.trx, congressId)
      const { move, undo, decidedAt } = await readPhaseUndo(tx.trx, congressId, phase)
      if (!undo.ok && undo.refusal === 'nothing') throw fail('phase_revert_nothing', { phase }, 'Aucun changement de phase à annuler.')
      if (!undo.ok) {
        const at = new Date(decidedAt ?? tx.now).toISOString()
        throw fail('phase_revert_decided', { from: move!.from, to: move!.to, action: undo.action, at }, 'Une décision a été prise depuis ce changement de phase : il ne s’annule plus.')
      }
      const { from, to } = undo
      await tx.trx.updateTable('congresses').set({ phase: to }).where('id', '=', congressId).execute()
      await tx.audit(congressId, 'phase.reverted', { from, to, reason })
      // As for any phase change: each base text's version as the phase turned.
      await recordPhaseVersions(tx.trx, deps.documents, congressId, to, tx.now, auditActorOf(actor)?.id ?? null)
      tx.afterCommit(() => deps.hub.phaseChanged(congressId, to))
      return { from, to }
    })
  })
}
