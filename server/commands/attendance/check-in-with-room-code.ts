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
    await steps.authorize(congressId, 'attendance.self')
    // Taken before the code is compared, in one step with the check: tries sent together cannot all pass.
    const wait = await deps.roomCodeLimit.take(participantId, deps.clock())
    if (wait > 0) {
      const retryAfterSeconds = Math.ceil(wait / 1000)
      throw fail('room_code_limited', { retryAfterSeconds }, `Trop de codes erronés : réessayez dans ${retryAfterSeconds} secondes.`)
    }
    if (input.roomCode.replace(/\s/g, '') !== (await roomCode(deps.db, congressId))) {
      throw fail('room_code_mismatch', {}, 'Ce n’est pas le code affiché dans la salle.')
    }
    // The right code gives its try back before anything else can fail.
    await deps.roomCodeLimit.succeeded(participantId)
    await setPresence(deps, steps, congressId, participantId, true, 'room-code')
    return { present: true }
  })
}
