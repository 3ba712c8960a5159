import { fail } from '../../domain-error.ts'
import { command, type CommandActor } from '../command.ts'
import { labelOf, loadAmendment, requireAuthor, requireEditable, type AmendmentDeps } from './amendment-rows.ts'

/** A co-signer takes back their signature, or the author declines or removes a co-signer. */
export function removeCosigner(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string; participantId: string }) {
  const { amendmentId, participantId } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.cosign')
    if (participantId !== actor.participantId) requireAuthor(actor, row, 'remove_cosigner')
    requireEditable(row, 'change_cosigners')
    await steps.transaction(async (tx) => {
      const removed = await tx.trx.deleteFrom('amendment_cosigners').where('amendment_id', '=', amendmentId).where('participant_id', '=', participantId).executeTakeFirst()
      if (removed.numDeletedRows === 0n) throw fail('cosigner_not_found', { amendmentId, participantId }, 'Ce participant ne cosigne pas cet amendement.')
      await tx.audit(row.congress_id, 'amendment.cosigner_removed', { amendmentId, label: await labelOf(tx.trx, row), participantId })
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { ok: true as const }
  })
}
