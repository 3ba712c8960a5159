import type { AttendanceView } from '../../shared/api-types.ts'
import { byName } from '../../shared/text/french-order.ts'
import { attendanceEntries, roomCode } from '../commands/attendance/attendance-rows.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'

/** `GET /api/congresses/:id/attendance`: the check-in desk's list in French order of names, its counts and the room's code. */
export function attendanceDesk(deps: CommandDeps, actor: CommandActor, input: { congressId: string }) {
  const { congressId } = input
  return query(deps, actor, async (steps): Promise<AttendanceView> => {
    await steps.authorize(congressId, 'attendance.manage')
    const entries = (await attendanceEntries(deps.db, congressId)).sort(byName)
    return { entries, presentCount: entries.filter((e) => e.present).length, entitledCount: entries.length, roomCode: await roomCode(deps.db, congressId) }
  })
}

/** `GET /api/congresses/:id/check-in`: whether the reader is checked in. */
export function myCheckIn(deps: CommandDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'congress.read')
    const row = await deps.db.selectFrom('attendance').select('participant_id').where('participant_id', '=', actor.participantId).executeTakeFirst()
    return { present: row !== undefined }
  })
}
