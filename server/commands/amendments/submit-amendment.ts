import { fail } from '../../domain-error.ts'
import { command, type CommandActor } from '../command.ts'
import { loadCongress } from '../congress/congress-rows.ts'
import { authorshipOf, loadAmendment, requireAuthor, requireStep, setStatus, type AmendmentDeps } from './amendment-rows.ts'

/** The author puts the amendment to the bureau, once it has the co-signers the congress asks for. */
export function submitAmendment(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string }) {
  const { amendmentId } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.file')
    requireAuthor(actor, row, 'submit')
    requireStep(row, 'submit')
    const congress = await loadCongress(deps.db, row.congress_id)
    const accepted = (await authorshipOf(deps.db, row)).cosigners.filter((c) => c.accepted).length
    if (accepted < congress.min_cosigners) {
      throw fail(
        'cosigners_missing',
        { amendmentId, required: congress.min_cosigners, accepted },
        `Il faut ${congress.min_cosigners} cosignataire(s) accepté(s) pour déposer cet amendement ; il en a ${accepted}.`,
      )
    }
    await steps.transaction(async (tx) => {
      await setStatus(tx, row, 'submitted', 'amendment.submitted')
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { ok: true as const }
  })
}
