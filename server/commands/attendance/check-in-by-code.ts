import type { AttendanceEntryView } from '../../../shared/api-types.ts'
import { votingRoles } from '../../../shared/roles.ts'
import { fail } from '../../domain-error.ts'
import { hashAccessCode } from '../../ids.ts'
import { codeFromScan } from '../../services/join-link.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { attendanceEntries, setPresence } from './attendance-rows.ts'

/** The desk scans or types the personal code on someone's badge (or its join link), looked up by its hash. */
export function checkInByCode(deps: CommandDeps, actor: CommandActor, input: { congressId: string; code: string }) {
  const { congressId } = input
  return command(deps, actor, async (steps): Promise<AttendanceEntryView> => {
    await steps.authorize(congressId, 'attendance.manage')
    const row = await deps.db
      .selectFrom('participants')
      .select('id')
      .where('congress_id', '=', congressId)
      .where('access_code_hash', '=', hashAccessCode(codeFromScan(input.code)))
      .where('role', 'in', votingRoles)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (!row) throw fail('badge_code_unknown', {}, 'Aucun participant votant de ce congrès n’a ce code.')
    await setPresence(deps, steps, congressId, row.id, true, 'desk')
    const [entry] = await attendanceEntries(deps.db, congressId, row.id)
    return entry!
  })
}
