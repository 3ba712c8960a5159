import { requireNoBallotUnderway } from '../ballots/ballot-rows.ts'
import { command, type CommandActor } from '../command.ts'
import { loadAmendment, requireAuthor, requireStep, setStatus, type AmendmentDeps } from './amendment-rows.ts'

/** The author withdraws the amendment, unless a ballot on it is under way. */
export function withdrawAmendment(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string }) {
  const { amendmentId } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.withdraw')
    requireAuthor(actor, row, 'withdraw')
    requireStep(row, 'withdraw')
    await requireNoBallotUnderway(deps.db, amendmentId)
    await steps.transaction(async (tx) => {
      await setStatus(tx, row, 'withdrawn', 'amendment.withdrawn')
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { ok: true as const }
  })
}
