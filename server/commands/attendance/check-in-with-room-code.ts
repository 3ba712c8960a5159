import { fail } from '../../domain-error.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { roomCode, setPresence } from './attendance-rows.ts'

/** A participant in the room checks themselves in with the code the projector shows. */
export function checkInWithRoomCode(deps: CommandDeps, actor: CommandActor, input: { congressId: string; roomCode: string }) {
  const { congressId } = input
  return command(deps, actor, async (steps) => {
    steps.authorize(congressId, 'attendance.self')
    if (input.roomCode.replace(/\s/g, '') !== (await roomCode(deps.db, congressId))) throw fail('room_code_mismatch', {}, 'Ce n’est pas le code affiché dans la salle.')
    await setPresence(deps, steps, congressId, actor.participantId, true, 'room-code')
    return { present: true }
  })
}
