import { amendmentReadOnlyReason } from '../../../shared/permissions.ts'
import { fail } from '../../domain-error.ts'
import { command, type CommandActor } from '../command.ts'
import { authorshipOf, loadAmendment, statusRefusal, type AmendmentDeps } from './amendment-rows.ts'

/** The exposé des motifs: whoever may edit the amendment's text (canEditAmendment) rewrites it. */
export function updateJustification(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string; justification: string }) {
  const { amendmentId, justification } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.file')
    const reason = amendmentReadOnlyReason(actor, deps.hub.phaseOf(row.congress_id), await authorshipOf(deps.db, row))
    if (reason === 'closed') throw statusRefusal(row, 'edit')
    if (reason) throw fail('not_an_editor', { amendmentId }, 'Seuls les auteurs de l’amendement peuvent modifier son exposé des motifs.')
    await steps.transaction(async (tx) => {
      // Guarded on the status read: a ruling that landed meanwhile closed it.
      const result = await tx.trx.updateTable('amendments').set({ justification, updated_at: tx.now }).where('id', '=', amendmentId).where('status', '=', row.status).executeTakeFirst()
      if (result.numUpdatedRows === 0n) throw fail('amendment_changed_meanwhile', { amendmentId }, 'L’amendement vient de changer : rechargez la page.')
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { ok: true as const }
  })
}
