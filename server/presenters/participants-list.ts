import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { participantColumns, presentParticipant } from './participant-view.ts'

/** The congress's participants by name, for the bureau: never a code. */
export function presentParticipants(deps: CommandDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'participants.manage')
    const rows = await deps.db.selectFrom('participants').select(participantColumns).where('congress_id', '=', input.congressId).orderBy('name').execute()
    return { participants: rows.map(presentParticipant) }
  })
}
