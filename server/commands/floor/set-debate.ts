import { fail } from '../../domain-error.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { endCurrentSpeech, saveFloor } from './floor-rows.ts'

/**
 * The bureau puts a text under debate (or none): the list of speakers is that item's. Whoever had
 * the floor on the previous item finishes.
 */
export function setDebate(deps: CommandDeps, actor: CommandActor, input: { congressId: string; docName: string | null }) {
  const { congressId, docName } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'floor.run')
    if (docName !== null) {
      const doc = await deps.db.selectFrom('documents').select('name').where('name', '=', docName).where('congress_id', '=', congressId).executeTakeFirst()
      if (!doc) throw fail('floor_text_not_found', { docName }, 'Ce texte n’existe pas dans ce congrès.')
    }
    await steps.transaction(async (tx) => {
      await endCurrentSpeech(tx, congressId)
      await saveFloor(tx, congressId, { debate_doc: docName })
      await tx.audit(congressId, 'floor.debate', { docName })
      tx.afterCommit(() => deps.hub.floorChanged(congressId))
    })
    return { debateDoc: docName }
  })
}
