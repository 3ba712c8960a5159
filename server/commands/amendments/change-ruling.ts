import { fail } from '../../domain-error.ts'
import { command, type CommandActor } from '../command.ts'
import { loadAmendment, requireStep, type AmendmentDeps } from './amendment-rows.ts'
import { recordRuling, requireNothingStandsOnRuling } from './ruling-rows.ts'

/**
 * The bureau changes its ruling on an amendment (admissible ↔ inadmissible), with a reason, while
 * nothing stands on it (ruling-rows.ts): logged as `amendment.ruling_changed`, naming the ruling and
 * the reason it replaces. A sub-amendment still waiting keeps waiting, as after a first ruling.
 */
export function changeRuling(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string; admissible: boolean; reason: string }) {
  const { amendmentId, admissible, reason } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.rule')
    requireStep(row, 'change_ruling')
    if ((row.status === 'admissible') === admissible) {
      throw fail('ruling_unchanged', { amendmentId, admissible }, `Cet amendement est déjà ${admissible ? 'recevable' : 'irrecevable'}.`)
    }
    await steps.transaction(async (tx) => {
      // The runner checked the phase again against the locked row; a ballot may have been prepared since: read here.
      await requireNothingStandsOnRuling(tx.trx, row)
      await recordRuling(tx, actor, row, { admissible, reason }, 'amendment.ruling_changed', { previousReason: row.ruling_reason })
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, [row.doc_name]))
    })
    return { ok: true as const, status: admissible ? ('admissible' as const) : ('inadmissible' as const) }
  })
}
