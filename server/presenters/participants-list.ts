import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { byName } from '../../shared/text/french-order.ts'
import { participantColumns, presentParticipant } from './participant-view.ts'

/** The congress's participants in French order of names (not the database's collation), for the bureau: never a code. */
export function presentParticipants(deps: CommandDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'participants.manage')
    const rows = await deps.db.selectFrom('participants').select(participantColumns).where('congress_id', '=', input.congressId).execute()
    return { participants: rows.sort(byName).map(presentParticipant) }
  })
}
