import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { listAudit } from '../services/audit.ts'

/** The congress's log, oldest first, for the bureau. */
export function presentAuditList(deps: CommandDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'audit.read')
    return { entries: await listAudit(deps.db, input.congressId) }
  })
}
