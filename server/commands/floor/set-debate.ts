import { fail } from '../../domain-error.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { endCurrentSpeech, saveFloor } from './floor-rows.ts'

/**
 * The bureau puts a text under debate (or none), or one amendment of it with those debated together
 * with it (its discussion commune): the list of speakers is that item's. Whoever had the floor on
 * the previous item finishes.
 */
export function setDebate(deps: CommandDeps, actor: CommandActor, input: { congressId: string; docName: string | null; amendmentId?: string | null }) {
  const { congressId, docName } = input
  const amendmentId = docName === null ? null : (input.amendmentId ?? null)
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'floor.run')
    if (docName !== null) {
      const doc = await deps.db.selectFrom('documents').select('name').where('name', '=', docName).where('congress_id', '=', congressId).executeTakeFirst()
      if (!doc) throw fail('floor_text_not_found', { docName }, 'Ce texte n’existe pas dans ce congrès.')
    }
    if (amendmentId !== null) {
      // An amendment of that text, or a sub-amendment of one of them.
      const amendment = await deps.db
        .selectFrom('amendments')
        .leftJoin('amendments as parent', 'parent.id', 'amendments.parent_id')
        .select(['amendments.target_doc', 'parent.target_doc as parentTarget'])
        .where('amendments.id', '=', amendmentId)
        .where('amendments.congress_id', '=', congressId)
        .where('amendments.rewording', '=', 0)
        .executeTakeFirst()
      if (!amendment || (amendment.target_doc !== docName && amendment.parentTarget !== docName)) {
        throw fail('floor_amendment_not_found', { amendmentId }, 'Cet amendement ne porte pas sur le texte en discussion.')
      }
    }
    await steps.transaction(async (tx) => {
      await endCurrentSpeech(tx, congressId)
      await saveFloor(tx, congressId, { debate_doc: docName, debate_amendment: amendmentId })
      await tx.audit(congressId, 'floor.debate', { docName, ...(amendmentId ? { amendmentId } : {}) })
      tx.afterCommit(() => deps.hub.floorChanged(congressId))
    })
    return { debateDoc: docName, debateAmendment: amendmentId }
  })
}
