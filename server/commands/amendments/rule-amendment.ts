import { requireNoBallotUnderway } from '../ballots/ballot-rows.ts'
import { command, type CommandActor } from '../command.ts'
import { loadAmendment, requireStep, setStatus, type AmendmentDeps } from './amendment-rows.ts'

/** The bureau rules the amendment admissible or not, with its reason; a ruling may be corrected. */
export function ruleAmendment(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string; admissible: boolean; reason: string }) {
  const { amendmentId, admissible, reason } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.rule')
    requireStep(row, 'rule')
    await requireNoBallotUnderway(deps.db, amendmentId)
    await steps.transaction(async (tx) => {
      await setStatus(tx, row, admissible ? 'admissible' : 'inadmissible', 'amendment.ruled', { admissible, reason }, reason)
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { ok: true as const }
  })
}
