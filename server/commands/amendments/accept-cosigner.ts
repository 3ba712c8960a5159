import { fail } from '../../domain-error.ts'
import { command, type CommandActor } from '../command.ts'
import { labelOf, loadAmendment, requireAuthor, requireEditable, type AmendmentDeps } from './amendment-rows.ts'

/** The author accepts a co-signing request: the co-signer co-edits and counts toward the minimum. */
export function acceptCosigner(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string; participantId: string }) {
  const { amendmentId, participantId } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.file')
    requireAuthor(actor, row, 'accept_cosigner')
    requireEditable(row, 'change_cosigners')
    await steps.transaction(async (tx) => {
      const accepted = await tx.trx
        .updateTable('amendment_cosigners')
        .set({ accepted_at: tx.now })
        .where('amendment_id', '=', amendmentId)
        .where('participant_id', '=', participantId)
        .where('accepted_at', 'is', null)
        .executeTakeFirst()
      if (accepted.numUpdatedRows === 0n) throw fail('cosign_request_not_found', { amendmentId, participantId }, 'Aucune demande de cosignature en attente de ce participant.')
      await tx.audit(row.congress_id, 'amendment.cosigner_accepted', { amendmentId, label: await labelOf(tx.trx, row), participantId })
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { ok: true as const }
  })
}
