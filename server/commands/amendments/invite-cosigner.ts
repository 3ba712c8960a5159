import { fail } from '../../domain-error.ts'
import { command, type CommandActor } from '../command.ts'
import { labelOf, loadAmendment, requireAuthor, requireEditable, statusRefusal, type AmendmentDeps } from './amendment-rows.ts'

/**
 * The author invites a delegate to co-sign (the other way round from cosign-amendment.ts, where the
 * delegate asks): the invitee is notified (server/notifications/, from the log entry) and accepts
 * from there (accept-cosign-invitation.ts), which makes them an accepted co-signer at once.
 */
export function inviteCosigner(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string; participantId: string }) {
  const { amendmentId, participantId } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.file')
    requireAuthor(actor, row, 'invite_cosigner')
    requireEditable(row, 'change_cosigners')
    if (row.rewording === 1) throw statusRefusal(row, 'cosign')
    if (participantId === row.author_id) throw fail('cosigner_is_author', { amendmentId }, 'L’auteur ne cosigne pas son propre amendement.')
    await steps.transaction(async (tx) => {
      // A delegate of this congress whose code stands: the bureau rules on amendments, it does not co-sign them.
      const invitee = await tx.trx.selectFrom('participants').select('id').where('id', '=', participantId).where('congress_id', '=', row.congress_id).where('role', '=', 'delegate').where('revoked_at', 'is', null).executeTakeFirst()
      if (!invitee) throw fail('cosign_invitee_invalid', { amendmentId, participantId, reason: 'not_a_delegate' }, 'Seul un délégué de ce congrès peut être invité à cosigner.')
      const signs = await tx.trx.selectFrom('amendment_cosigners').select('participant_id').where('amendment_id', '=', amendmentId).where('participant_id', '=', participantId).executeTakeFirst()
      const inserted = signs
        ? undefined
        : await tx.trx.insertInto('amendment_cosign_invitations').values({ amendment_id: amendmentId, participant_id: participantId, invited_at: tx.now }).onConflict((oc) => oc.doNothing()).executeTakeFirst()
      if (!inserted || inserted.numInsertedOrUpdatedRows === 0n) {
        throw fail('cosign_invitee_invalid', { amendmentId, participantId, reason: 'already_signs' }, 'Cette personne cosigne déjà cet amendement, l’a déjà demandé ou y est déjà invitée.')
      }
      await tx.audit(row.congress_id, 'amendment.cosign_invited', { amendmentId, label: await labelOf(tx.trx, row), participantId })
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { ok: true as const }
  })
}
