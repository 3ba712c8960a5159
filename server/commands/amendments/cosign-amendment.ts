import { fail } from '../../domain-error.ts'
import { command, type CommandActor } from '../command.ts'
import { labelOf, loadAmendment, requireEditable, statusRefusal, type AmendmentDeps } from './amendment-rows.ts'

/** A delegate asks to co-sign; the author accepts (accept-cosigner.ts), and the co-signer then co-edits. */
export function cosignAmendment(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string }) {
  const { amendmentId } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.cosign')
    if (row.author_id === actor.participantId) throw fail('cosigner_is_author', { amendmentId }, 'L’auteur ne cosigne pas son propre amendement.')
    requireEditable(row, 'cosign')
    // A rewording is the bureau's proposal to an author: nobody else puts their name to it.
    if (row.rewording === 1) throw statusRefusal(row, 'cosign')
    await steps.transaction(async (tx) => {
      const inserted = await tx.trx
        .insertInto('amendment_cosigners')
        .values({ amendment_id: amendmentId, participant_id: actor.participantId, signed_at: tx.now, accepted_at: null })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
      // Asking twice is asking once.
      if (inserted.numInsertedOrUpdatedRows !== 0n) await tx.audit(row.congress_id, 'amendment.cosigned', { amendmentId, label: await labelOf(tx.trx, row) })
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { ok: true as const }
  })
}
