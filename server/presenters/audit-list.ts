import type { AuditListView } from '../../shared/api-types.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { listAudit } from '../services/audit.ts'
import { auditRefs } from './audit-refs.ts'

/** The congress's log, oldest first, for the bureau, with the names its sentences need. */
export function presentAuditList(deps: CommandDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps): Promise<AuditListView> => {
    await steps.authorize(input.congressId, 'audit.read')
    const entries = await listAudit(deps.db, input.congressId)
    return { entries, refs: await auditRefs(deps.db, input.congressId, entries) }
  })
}
