import type { AttendanceEntryView } from '../../../shared/api-types.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { attendanceEntries, setPresence, votingParticipant } from './attendance-rows.ts'

/** The check-in desk: the bureau marks someone present or gone. */
export function markPresence(deps: CommandDeps, actor: CommandActor, input: { congressId: string; participantId: string; present: boolean }) {
  const { congressId, participantId, present } = input
  return command(deps, actor, async (steps): Promise<AttendanceEntryView> => {
    await steps.authorize(congressId, 'attendance.manage')
    await votingParticipant(deps.db, congressId, participantId)
    await setPresence(deps, steps, congressId, participantId, present, 'desk')
    const [entry] = await attendanceEntries(deps.db, congressId, participantId)
    return entry!
  })
}
