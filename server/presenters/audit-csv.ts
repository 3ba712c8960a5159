import type { AuditListView } from '../../shared/api-types.ts'
import { logContext } from '../../shared/audit/log-reading.ts'
import { logActor, logSentence } from '../../shared/audit/log-sentence.ts'
import { frLogSentences } from '../../shared/audit/log-sentences-fr.ts'
import { toCsv } from '../../shared/csv.ts'
import { dateTimeWords, defaultTimeZone } from '../../shared/record/record-dates.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { loadCongress } from '../commands/congress/congress-rows.ts'
import { listAudit } from '../services/audit.ts'
import { auditRefs } from './audit-refs.ts'

/**
 * The log as a French table, one line per entry, oldest first: when (in the congress's time zone),
 * who, what (the sentence the bureau reads), and the action and hash that `plenum audit verify`
 * checks, so a line can be matched to the chain.
 */
export function auditCsv(log: AuditListView, timeZone: string = defaultTimeZone): string {
  const context = logContext(log.entries, log.refs)
  const header = ['N°', 'Date', 'Qui', 'Décision', 'Action', 'Empreinte']
  const rows = log.entries.map((e) => [
    e.seq,
    dateTimeWords(new Date(e.at).toISOString(), timeZone, 'fr'),
    logActor(e, frLogSentences),
    logSentence(e, context, frLogSentences),
    e.action,
    e.hash,
  ])
  return toCsv([header, ...rows])
}

/** `GET /api/congresses/:id/audit.csv`: the same readers as the log (`audit.read`, the bureau). */
export function presentAuditCsv(deps: CommandDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'audit.read')
    const [congress, entries] = await Promise.all([loadCongress(deps.db, input.congressId), listAudit(deps.db, input.congressId)])
    return auditCsv({ entries, refs: await auditRefs(deps.db, input.congressId, entries) }, congress.time_zone)
  })
}
