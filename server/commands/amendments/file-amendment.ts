import { lockWithinTransaction } from '../../../db/transaction-lock.ts'
import type { FiledAmendmentView } from '../../../shared/api-types.ts'
import { amendmentLabel } from '../../../shared/amendments/amendment-status.ts'
import { forkPoint } from '../../../shared/amendments/fork.ts'
import { formatDocName } from '../../../shared/docs/doc-name.ts'
import { fail } from '../../domain-error.ts'
import { newId } from '../../ids.ts'
import { command, type CommandActor } from '../command.ts'
import { readPhase } from '../congress/congress-rows.ts'
import { requireAmendable, resolveTarget, type AmendmentDeps, type AmendmentTarget } from './amendment-rows.ts'

/**
 * Files an amendment: its document starts as a copy of the target's current state, and the state
 * vector of that copy is kept as its fork point. Filed on an amendment, it is a sub-amendment; with
 * `rewording`, the bureau's proposed rewording of that amendment, put at once to its author (it
 * stays editable by the bureau member who filed it until the author answers).
 */
export function fileAmendment(deps: AmendmentDeps, actor: CommandActor, input: { target: AmendmentTarget; justification: string; rewording?: boolean }) {
  const { target, justification } = input
  const rewording = input.rewording === true && 'amendmentId' in target
  const action = rewording ? 'amendment.opinion' : 'amendment.file'
  return command(deps, actor, async (steps) => {
    const { db, documents } = deps
    const { congressId, targetDoc, proposal, parent } = await resolveTarget(db, target)
    await steps.authorize(congressId, action)
    // The copy and its fork point come from the same bytes, so they always agree. Read before the
    // transaction: a read stores what the text's room still holds, which a rollback must not undo.
    const state = await documents.read(targetDoc)
    if (!state) throw fail('amendment_text_missing', { docName: targetDoc }, 'Le texte à amender est introuvable.')
    return steps.transaction(async (tx): Promise<FiledAmendmentView> => {
      // A freeze may have come while the checks above awaited the database: no new text after it.
      steps.authorizeInPhase(congressId, await readPhase(tx.trx, congressId), action)
      if (parent) await requireAmendable(tx.trx, parent.id, rewording ? 'reword' : 'sub_amend')
      // Two filings on one text at once would both take the next number.
      await lockWithinTransaction(tx.trx, 'amendment-numbers', targetDoc)
      const last = await tx.trx.selectFrom('amendments').select((eb) => eb.fn.max('number').as('max')).where('target_doc', '=', targetDoc).executeTakeFirst()
      const number = (last?.max ?? 0) + 1
      const id = newId()
      const docName = formatDocName({ congressId, kind: 'amendment', id })
      await tx.trx.insertInto('documents').values({ name: docName, congress_id: congressId, kind: 'amendment', state, updated_at: tx.now }).execute()
      await tx.trx
        .insertInto('amendments')
        .values({
          id,
          congress_id: congressId,
          proposal_id: proposal?.id ?? null,
          target_doc: targetDoc,
          number,
          doc_name: docName,
          author_id: actor.participantId,
          justification,
          status: rewording ? 'submitted' : 'draft',
          parent_id: parent?.id ?? null,
          rewording: rewording ? 1 : 0,
          fork_vector: forkPoint(state),
          created_at: tx.now,
          updated_at: tx.now,
        })
        .execute()
      const label = amendmentLabel(proposal?.number ?? null, number, parent ? { parentNumber: parent.number, rewording } : undefined)
      await tx.audit(congressId, rewording ? 'amendment.rewording_proposed' : 'amendment.filed', { amendmentId: id, label, targetDoc, ...(parent ? { parentId: parent.id } : {}) })
      tx.afterCommit(() => deps.hub.amendmentsChanged(congressId, parent ? [parent.doc_name] : []))
      return { id, number, label, docName, status: rewording ? 'submitted' : 'draft' }
    })
  })
}
