import { requireNoBallotUnderway } from '../ballots/ballot-rows.ts'
import { command, type CommandActor } from '../command.ts'
import { loadAmendment, requireStep, type AmendmentDeps } from './amendment-rows.ts'
import { recordRuling } from './ruling-rows.ts'

/** The bureau rules a submitted amendment admissible or not, with its reason; changing it afterwards is change-ruling.ts. */
export function ruleAmendment(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string; admissible: boolean; reason: string }) {
  const { amendmentId, admissible, reason } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.rule')
    requireStep(row, 'rule')
    await requireNoBallotUnderway(deps.db, amendmentId)
    await steps.transaction(async (tx) => {
      await recordRuling(tx, actor, row, { admissible, reason }, 'amendment.ruled')
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { ok: true as const }
  })
}
