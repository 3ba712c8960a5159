import { forkChanges } from '../../../shared/amendments/fork.ts'
import { fail } from '../../domain-error.ts'
import { measuresOffLoop, resultDigest } from '../../services/amendment-lines.ts'
import { isVotedText } from '../../services/voted-texts.ts'
import { command, type CommandActor } from '../command.ts'
import { readPhase } from '../congress/congress-rows.ts'
import { changedMeanwhile, labelOf, loadAmendment, requireAuthor, statusRefusal, type AmendmentDeps } from './amendment-rows.ts'

/**
 * The author of an amendment answers the rewording the bureau proposed (*rectification*). Accepted,
 * the rewording's changes merge into the amendment's text, which is then *rectifié* (logged as
 * `amendment.rectified`); declined, the rewording is rejected and the amendment keeps its words.
 */
export function answerRewording(deps: AmendmentDeps, actor: CommandActor, input: { rewordingId: string; accept: boolean; seen?: string }) {
  return command(deps, actor, async (steps) => {
    const rewording = await loadAmendment(deps.db, input.rewordingId)
    // The author's own say over their amendment while the assembly has it, as a withdrawal is.
    await steps.authorize(rewording.congress_id, 'amendment.withdraw')
    if (rewording.rewording !== 1 || rewording.parent_id === null) throw fail('not_a_rewording', { amendmentId: rewording.id }, 'Ce n’est pas une rectification proposée par le bureau à cet amendement.')
    const parent = await loadAmendment(deps.db, rewording.parent_id)
    requireAuthor(actor, parent, 'answer_rewording')
    if (rewording.status !== 'submitted') throw statusRefusal(rewording, 'answer_rewording')
    if (parent.status !== 'submitted' && parent.status !== 'admissible') throw statusRefusal(parent, 'answer_rewording')
    // Read outside the transaction: a read stores what the rooms still hold, which a rollback must not undo.
    const state = input.accept ? await deps.documents.read(rewording.doc_name) : undefined
    if (input.accept && !state) throw fail('amendment_text_missing', { docName: rewording.doc_name }, 'Le texte de la rectification est introuvable.')
    const before = input.accept ? await deps.documents.read(parent.doc_name) : undefined
    // The author accepts the words they read: the bureau may still have been writing.
    if (input.accept && resultDigest((await measuresOffLoop(deps.documents, rewording)).result) !== input.seen) {
      throw fail('rewording_changed', { amendmentId: rewording.id }, 'La rectification vient de changer : relisez-la avant de l’accepter.')
    }
    await steps.transaction(async (tx) => {
      steps.authorizeInPhase(parent.congress_id, await readPhase(tx.trx, parent.congress_id), 'amendment.withdraw')
      const still = await tx.trx.selectFrom('amendments').select('status').where('id', '=', parent.id).executeTakeFirstOrThrow()
      if (still.status !== parent.status) throw changedMeanwhile(parent.id)
      const labels = { label: await labelOf(tx.trx, parent), rewordingId: rewording.id, rewordingLabel: await labelOf(tx.trx, rewording) }
      if (!state) {
        const declined = await tx.trx.updateTable('amendments').set({ status: 'rejected', updated_at: tx.now }).where('id', '=', rewording.id).where('status', '=', 'submitted').executeTakeFirst()
        if (declined.numUpdatedRows === 0n) throw changedMeanwhile(rewording.id)
        await tx.audit(parent.congress_id, 'amendment.rewording_declined', { amendmentId: parent.id, ...labels })
      } else {
        // Put to the vote, the amendment's text does not change any more.
        if (await isVotedText(tx.trx, parent.doc_name)) throw fail('text_voted', { docName: parent.doc_name, amendmentId: parent.id, attempted: 'merge' }, 'Cet amendement a été mis aux voix : son texte ne change plus.')
        const accepted = await tx.trx
          .updateTable('amendments')
          .set({ status: 'merged', merged_onto: before ?? null, merged_at: tx.now, updated_at: tx.now })
          .where('id', '=', rewording.id)
          .where('status', '=', 'submitted')
          .executeTakeFirst()
        if (accepted.numUpdatedRows === 0n) throw changedMeanwhile(rewording.id)
        await tx.trx.updateTable('amendments').set({ rectified_at: tx.now, updated_at: tx.now }).where('id', '=', parent.id).execute()
        await tx.audit(parent.congress_id, 'amendment.rectified', { amendmentId: parent.id, ...labels })
        // Last: nothing awaits between this write and the commit, so no other write joins it.
        await deps.documents.applyInTransaction(parent.doc_name, forkChanges(state, rewording.fork_vector), tx)
      }
      tx.afterCommit(() => deps.hub.amendmentsChanged(parent.congress_id, [parent.doc_name, rewording.doc_name]))
    })
    return { ok: true as const, rectified: input.accept }
  })
}
