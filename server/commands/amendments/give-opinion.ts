import type { BureauOpinion } from '../../../shared/amendments/bureau-opinion.ts'
import { auditActorOf, command, type CommandActor } from '../command.ts'
import { labelOf, loadAmendment, requireStep, type AmendmentDeps } from './amendment-rows.ts'

/**
 * The bureau gives its opinion on an amendment waiting for its vote (favourable, unfavourable, the
 * assembly's wisdom, or a request to withdraw), with an optional comment; a later opinion replaces
 * it, and the log keeps each.
 */
export function giveOpinion(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string; opinion: BureauOpinion; comment: string }) {
  const { amendmentId, opinion, comment } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.opinion')
    requireStep(row, 'opinion')
    await steps.transaction(async (tx) => {
      const given = { opinion, comment, given_by: auditActorOf(actor)?.id ?? null, given_at: tx.now }
      await tx.trx
        .insertInto('amendment_opinions')
        .values({ amendment_id: row.id, ...given })
        .onConflict((oc) => oc.column('amendment_id').doUpdateSet(given))
        .execute()
      await tx.audit(row.congress_id, 'amendment.opinion', { amendmentId: row.id, label: await labelOf(tx.trx, row), opinion, comment })
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { opinion, comment }
  })
}
