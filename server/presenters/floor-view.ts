import type { FloorTurnView, FloorView } from '../../shared/api-types.ts'
import { speakersQueue } from '../../shared/floor/speakers.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { loadFloor } from '../commands/floor/floor-rows.ts'
import { labelOf, loadAmendment } from '../commands/amendments/amendment-rows.ts'

/** The floor as everyone in the congress sees it: the queue in the order shared/floor/speakers.ts gives. */
export function floorView(deps: CommandDeps, actor: CommandActor, input: { congressId: string }) {
  const { congressId } = input
  return query(deps, actor, async (steps): Promise<FloorView> => {
    await steps.authorize(congressId, 'congress.read')
    const floor = await loadFloor(deps.db, congressId)
    const rows =
      floor.debateDoc === null
        ? []
        : await deps.db
            .selectFrom('floor_requests')
            .innerJoin('participants', 'participants.id', 'floor_requests.participant_id')
            .select(['floor_requests.id', 'floor_requests.participant_id', 'participants.name', 'floor_requests.stance', 'floor_requests.status', 'floor_requests.asked_at', 'floor_requests.started_at', 'floor_requests.ended_at'])
            .where('floor_requests.congress_id', '=', congressId)
            .where('floor_requests.debate_doc', '=', floor.debateDoc)
            .where((eb) => (floor.debateAmendment === null ? eb('floor_requests.debate_amendment', 'is', null) : eb('floor_requests.debate_amendment', '=', floor.debateAmendment)))
            .where('floor_requests.status', '!=', 'withdrawn')
            .execute()
    const turn = (row: (typeof rows)[number]): FloorTurnView => ({
      requestId: row.id,
      participantId: row.participant_id,
      name: row.name,
      stance: row.stance,
      askedAt: row.asked_at,
      startedAt: row.started_at,
      endedAt: row.ended_at,
    })
    const spoken = rows.filter((r) => r.status === 'spoken').sort((a, b) => (a.started_at ?? 0) - (b.started_at ?? 0))
    const waiting = rows.filter((r) => r.status === 'waiting')
    const byId = new Map(waiting.map((r) => [r.id, r]))
    const speaking = rows.find((r) => r.status === 'speaking')
    const heard = [...spoken, ...(speaking ? [speaking] : [])].map((r) => ({ participantId: r.participant_id, stance: r.stance }))
    const queue = speakersQueue(
      waiting.map((r) => ({ id: r.id, participantId: r.participant_id, stance: r.stance, askedAt: r.asked_at })),
      heard,
      floor.rules,
    )
    return {
      now: deps.clock(),
      debateDoc: floor.debateDoc,
      debateAmendment: floor.debateAmendment === null ? null : { id: floor.debateAmendment, label: await labelOf(deps.db, await loadAmendment(deps.db, floor.debateAmendment)) },
      speakingSeconds: floor.speakingSeconds,
      rules: floor.rules,
      speaking: speaking ? turn(speaking) : null,
      queue: queue.map((r) => turn(byId.get(r.id)!)),
      spoken: spoken.map(turn),
    }
  })
}
