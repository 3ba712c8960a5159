import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { newRoomCode } from '../../ids.ts'

/** The bureau draws a new room code (the old one was seen outside the room). */
export function renewRoomCode(deps: CommandDeps, actor: CommandActor, input: { congressId: string }) {
  const { congressId } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'attendance.manage')
    const code = newRoomCode()
    return steps.transaction(async (tx) => {
      await tx.trx.updateTable('congresses').set({ room_code: code }).where('id', '=', congressId).execute()
      await tx.audit(congressId, 'attendance.room_code_renewed', {})
      tx.afterCommit(() => deps.hub.attendanceChanged(congressId))
      return { roomCode: code }
    })
  })
}
