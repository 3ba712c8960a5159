import { fail } from '../../domain-error.ts'
import { command, type CommandActor } from '../command.ts'
import { labelOf, loadAmendment, requireEditable, type AmendmentDeps } from './amendment-rows.ts'

/**
 * The invitee accepts the author's invitation (invite-cosigner.ts): the invitation is gone, and
 * they co-sign, accepted at once (the author asked for them), so they co-edit and count.
 */
export function acceptCosignInvitation(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string }) {
  const { amendmentId } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.cosign')
    requireEditable(row, 'cosign')
    const participantId = actor.participantId
    await steps.transaction(async (tx) => {
      const taken = await tx.trx.deleteFrom('amendment_cosign_invitations').where('amendment_id', '=', amendmentId).where('participant_id', '=', participantId).executeTakeFirst()
      if (taken.numDeletedRows === 0n) throw fail('cosign_invitation_not_found', { amendmentId }, 'Aucune invitation à cosigner cet amendement ne vous attend.')
      await tx.trx
        .insertInto('amendment_cosigners')
        .values({ amendment_id: amendmentId, participant_id: participantId, signed_at: tx.now, accepted_at: tx.now })
        .onConflict((oc) => oc.columns(['amendment_id', 'participant_id']).doUpdateSet({ accepted_at: tx.now }))
        .execute()
      await tx.audit(row.congress_id, 'amendment.cosign_invitation_accepted', { amendmentId, label: await labelOf(tx.trx, row), participantId })
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { ok: true as const }
  })
}
