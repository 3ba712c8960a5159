import { command, type CommandActor } from '../command.ts'
import { readPhase } from '../congress/congress-rows.ts'
import { mergeInTransaction, readMergeAhead } from './amendment-decision.ts'
import { loadAmendment, requireStep, type AmendmentDeps } from './amendment-rows.ts'

/**
 * The bureau merges an adopted amendment it held back for review (it touched lines an already
 * merged amendment changed). Live amendments touching the same lines are marked in their turn.
 */
export function mergeAmendment(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string }) {
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, input.amendmentId)
    await steps.authorize(row.congress_id, 'amendment.decide')
    requireStep(row, 'merge')
    const ahead = await readMergeAhead(deps, row)
    await steps.transaction(async (tx) => {
      // A freeze (or a phase change) may have landed while the diffs were computed: nothing may change a text after its freeze.
      steps.authorizeInPhase(row.congress_id, await readPhase(tx.trx, row.congress_id), 'amendment.decide')
      const touched = await mergeInTransaction(tx, deps, row, ahead)
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, touched))
    })
    return { ok: true as const }
  })
}
