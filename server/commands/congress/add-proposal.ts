import { lockWithinTransaction } from '../../../db/transaction-lock.ts'
import { formatDocName } from '../../../shared/docs/doc-name.ts'
import { createDocState, paragraphsToContent } from '../../../shared/editor/doc-state.ts'
import type { NewProposalRequest } from '../../../shared/requests/congress-requests.ts'
import { newId } from '../../ids.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { renumber, requireTheme, requireVotedStructureKept } from './structure-rows.ts'

/** The bureau adds a proposal, with an empty text, last in its question. */
export function addProposal(deps: CommandDeps, actor: CommandActor, input: { congressId: string } & NewProposalRequest) {
  const { congressId, themeId, title } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'structure.edit')
    return steps.transaction(async (tx) => {
      await requireTheme(tx.trx, congressId, themeId)
      const id = newId()
      const docName = formatDocName({ congressId, kind: 'proposal', id })
      // Two proposals added at once would both take the next number.
      await lockWithinTransaction(tx.trx, 'proposal-numbers', congressId)
      const last = await tx.trx.selectFrom('proposals').select((eb) => eb.fn.max('number').as('max')).where('congress_id', '=', congressId).executeTakeFirst()
      await tx.trx.insertInto('documents').values({ name: docName, congress_id: congressId, kind: 'proposal', state: createDocState(paragraphsToContent([''])), updated_at: tx.now }).execute()
      await tx.trx.insertInto('proposals').values({ id, congress_id: congressId, theme_id: themeId, number: (last?.max ?? 0) + 1, title, doc_name: docName }).execute()
      await renumber(tx.trx, congressId)
      await requireVotedStructureKept(tx.trx, congressId)
      await tx.audit(congressId, 'proposal.added', { proposalId: id, themeId, title })
      tx.afterCommit(() => deps.hub.structureChanged(congressId))
      return { id }
    })
  })
}
