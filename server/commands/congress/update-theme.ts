import type { ThemeChangeRequest } from '../../../shared/requests/congress-requests.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { moveTo, renumber, requireTheme, requireVotedStructureKept, themeIds } from './structure-rows.ts'

/** The bureau renames a question or moves it; moving renumbers the proposals. */
export function updateTheme(deps: CommandDeps, actor: CommandActor, input: { congressId: string; themeId: string; change: ThemeChangeRequest }) {
  const { congressId, themeId, change } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'structure.edit')
    return steps.transaction(async (tx) => {
      await requireTheme(tx.trx, congressId, themeId)
      if (change.title !== undefined) await tx.trx.updateTable('themes').set({ title: change.title }).where('id', '=', themeId).execute()
      if (change.position !== undefined) {
        const ordered = moveTo(await themeIds(tx.trx, congressId), themeId, change.position)
        for (const [index, id] of ordered.entries()) await tx.trx.updateTable('themes').set({ position: index + 1 }).where('id', '=', id).execute()
        await renumber(tx.trx, congressId)
      }
      await requireVotedStructureKept(tx.trx, congressId)
      await tx.audit(congressId, 'theme.updated', { themeId, ...change })
      tx.afterCommit(() => deps.hub.structureChanged(congressId))
      return { ok: true as const }
    })
  })
}
