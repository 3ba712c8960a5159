import type { FloorStance } from '../../../shared/floor/speakers.ts'
import { fail } from '../../domain-error.ts'
import { newId } from '../../ids.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { loadFloor, onItem, requireDebate } from './floor-rows.ts'

/** A participant asks for the floor on the item under debate: for, against, or on a point of order. */
export function askFloor(deps: CommandDeps, actor: CommandActor, input: { congressId: string; stance: FloorStance }) {
  const { congressId, stance } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'floor.ask')
    return steps.transaction(async (tx) => {
      // Read inside the transaction, which holds the congress's row: two requests sent at once by
      // the same person, or a change of item, are seen here.
      const item = requireDebate(await loadFloor(tx.trx, congressId), congressId)
      const asked = await tx.trx
        .selectFrom('floor_requests')
        .select(['id', 'debate_doc', 'debate_amendment'])
        .where('congress_id', '=', congressId)
        .where('debate_doc', '=', item.doc)
        .where('participant_id', '=', actor.participantId)
        .where('status', 'in', ['waiting', 'speaking'])
        .execute()
      const pending = asked.find((row) => onItem(row, item))
      if (pending) throw fail('floor_already_asked', { requestId: pending.id }, 'Vous êtes déjà inscrit·e sur la liste des orateurs de ce sujet.')
      const id = newId()
      await tx.trx
        .insertInto('floor_requests')
        .values({ id, congress_id: congressId, debate_doc: item.doc, debate_amendment: item.amendment, participant_id: actor.participantId, stance, status: 'waiting', asked_at: tx.now, started_at: null, ended_at: null })
        .execute()
      await tx.audit(congressId, 'floor.asked', { requestId: id, stance, docName: item.doc, ...(item.amendment ? { amendmentId: item.amendment } : {}) })
      tx.afterCommit(() => deps.hub.floorChanged(congressId))
      return { requestId: id }
    })
  })
}
