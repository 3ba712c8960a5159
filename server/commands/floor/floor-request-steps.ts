import { fail } from '../../domain-error.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { endCurrentSpeech, loadFloor, loadRequest, moveRequest, onItem, requireDebate } from './floor-rows.ts'

// The steps of a request for the floor after it was asked: withdrawn by who asked, given and
// ended by the bureau. Each is logged and announced.

/** Who asked withdraws their request while it waits. Another person's request is not found. */
export function withdrawFloorRequest(deps: CommandDeps, actor: CommandActor, input: { congressId: string; requestId: string }) {
  const { congressId, requestId } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'floor.ask')
    const row = await loadRequest(deps.db, congressId, requestId)
    if (row.participant_id !== actor.participantId) throw fail('floor_request_not_found', { requestId }, 'Cette demande de parole n’existe pas.')
    await steps.transaction(async (tx) => {
      await moveRequest(tx, row, 'waiting', 'withdrawn')
      await tx.audit(congressId, 'floor.withdrawn', { requestId })
      tx.afterCommit(() => deps.hub.floorChanged(congressId))
    })
    return { ok: true as const }
  })
}

/** The bureau gives the floor to a waiting request on the item under debate; whoever spoke finishes. */
export function giveFloor(deps: CommandDeps, actor: CommandActor, input: { congressId: string; requestId: string }) {
  const { congressId, requestId } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'floor.run')
    const row = await loadRequest(deps.db, congressId, requestId)
    await steps.transaction(async (tx) => {
      // A request on an item no longer under debate waits for that item to come back.
      if (!onItem(row, requireDebate(await loadFloor(tx.trx, congressId), congressId))) {
        throw fail('floor_request_status', { requestId, status: row.status }, 'Cette demande de parole porte sur un autre sujet que celui en discussion.')
      }
      await endCurrentSpeech(tx, congressId)
      await moveRequest(tx, row, 'waiting', 'speaking', { started_at: tx.now })
      await tx.audit(congressId, 'floor.given', { requestId, participantId: row.participant_id, stance: row.stance })
      tx.afterCommit(() => deps.hub.floorChanged(congressId))
    })
    return { ok: true as const }
  })
}

/** The bureau ends a speech: the turn is recorded with its length, for the minutes. */
export function endSpeech(deps: CommandDeps, actor: CommandActor, input: { congressId: string; requestId: string }) {
  const { congressId, requestId } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'floor.run')
    const row = await loadRequest(deps.db, congressId, requestId)
    await steps.transaction(async (tx) => {
      await moveRequest(tx, row, 'speaking', 'spoken', { ended_at: tx.now })
      await tx.audit(congressId, 'floor.ended', { requestId, seconds: Math.round((tx.now - (row.started_at ?? tx.now)) / 1000) })
      tx.afterCommit(() => deps.hub.floorChanged(congressId))
    })
    return { ok: true as const }
  })
}
