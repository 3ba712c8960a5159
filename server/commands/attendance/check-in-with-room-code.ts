import { fail } from '../../domain-error.ts'
import type { AppDeps } from '../../env.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { roomCode, setPresence } from './attendance-rows.ts'

/**
 * A participant in the room checks themselves in with the code the projector shows. Wrong codes
 * are counted per participant (auth/room-code-limit.ts): past a few, they wait (429 room_code_limited).
 */
export function checkInWithRoomCode(deps: CommandDeps & Pick<AppDeps, 'roomCodeLimit'>, actor: CommandActor, input: { congressId: string; roomCode: string }) {
  const { congressId } = input
  const { participantId } = actor
  return command(deps, actor, async (steps) => {
    const now = deps.clock()
    const wait = await deps.roomCodeLimit.retryAfter(participantId, now)
    if (wait > 0) {
      const retryAfterSeconds = Math.ceil(wait / 1000)
      throw fail('room_code_limited', { retryAfterSeconds }, `Trop de codes erronés : réessayez dans ${retryAfterSeconds} secondes.`)
    }
    await steps.authorize(congressId, 'attendance.self')
    if (input.roomCode.replace(/\s/g, '') !== (await roomCode(deps.db, congressId))) {
      await deps.roomCodeLimit.failed(participantId, now)
      throw fail('room_code_mismatch', {}, 'Ce n’est pas le code affiché dans la salle.')
    }
    await setPresence(deps, steps, congressId, participantId, true, 'room-code')
    await deps.roomCodeLimit.succeeded(participantId)
    return { present: true }
  })
}
