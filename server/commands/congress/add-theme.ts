import type { NewThemeRequest } from '../../../shared/requests/congress-requests.ts'
import { newId } from '../../ids.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { requireVotedStructureKept, themeIds } from './structure-rows.ts'

/** The bureau adds a question, last. */
export function addTheme(deps: CommandDeps, actor: CommandActor, input: { congressId: string } & NewThemeRequest) {
  const { congressId, title } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'structure.edit')
    return steps.transaction(async (tx) => {
      const id = newId()
      const position = (await themeIds(tx.trx, congressId)).length + 1
      await tx.trx.insertInto('themes').values({ id, congress_id: congressId, title, position }).execute()
      await requireVotedStructureKept(tx.trx, congressId)
      await tx.audit(congressId, 'theme.added', { themeId: id, title, position })
      tx.afterCommit(() => deps.hub.structureChanged(congressId))
      return { id }
    })
  })
}
