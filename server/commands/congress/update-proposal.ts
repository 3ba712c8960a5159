import type { ProposalChangeRequest } from '../../../shared/requests/congress-requests.ts'
import { fail } from '../../domain-error.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { moveTo, renumber, requireTheme, requireVotedStructureKept } from './structure-rows.ts'

/** The bureau renames a proposal, or moves it within its question or to another; moving renumbers. */
export function updateProposal(deps: CommandDeps, actor: CommandActor, input: { congressId: string; proposalId: string; change: ProposalChangeRequest }) {
  const { congressId, proposalId, change } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'structure.edit')
    return steps.transaction(async (tx) => {
      const { trx } = tx
      const proposal = await trx.selectFrom('proposals').select(['id', 'theme_id']).where('id', '=', proposalId).where('congress_id', '=', congressId).executeTakeFirst()
      if (!proposal) throw fail('proposal_not_found', { proposalId }, 'Cette proposition n’existe pas.')
      if (change.title !== undefined) await trx.updateTable('proposals').set({ title: change.title }).where('id', '=', proposalId).execute()
      if (change.themeId !== undefined || change.position !== undefined) {
        const themeId = change.themeId ?? proposal.theme_id
        await requireTheme(trx, congressId, themeId)
        const siblings = (await trx.selectFrom('proposals').select('id').where('theme_id', '=', themeId).where('id', '!=', proposalId).orderBy('number').execute()).map((p) => p.id)
        const ordered = moveTo([...siblings, proposalId], proposalId, change.position ?? siblings.length + 1)
        await trx.updateTable('proposals').set({ theme_id: themeId }).where('id', '=', proposalId).execute()
        await renumber(trx, congressId, new Map([[themeId, ordered]]))
      }
      await requireVotedStructureKept(trx, congressId)
      await tx.audit(congressId, 'proposal.updated', { proposalId, ...change })
      tx.afterCommit(() => deps.hub.structureChanged(congressId))
      return { ok: true as const }
    })
  })
}
