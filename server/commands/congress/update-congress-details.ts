import type { CongressDetailsRequest } from '../../../shared/requests/congress-requests.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { requireCongress } from './congress-rows.ts'
import { requireVotedStructureKept } from './structure-rows.ts'

/** The bureau changes the congress's title, edition, date, place, co-signers needed or time zone. */
export function updateCongressDetails(deps: CommandDeps, actor: CommandActor, input: { congressId: string; details: CongressDetailsRequest }) {
  const { congressId, details } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'structure.edit')
    return steps.transaction(async (tx) => {
      const { minCosigners, timeZone, ...columns } = details
      const set = { ...columns, ...(minCosigners === undefined ? {} : { min_cosigners: minCosigners }), ...(timeZone === undefined ? {} : { time_zone: timeZone }) }
      await requireCongress(tx.trx, congressId)
      await tx.trx.updateTable('congresses').set(set).where('id', '=', congressId).execute()
      await requireVotedStructureKept(tx.trx, congressId)
      await tx.audit(congressId, 'congress.updated', { ...details })
      tx.afterCommit(() => deps.hub.structureChanged(congressId))
      return { ok: true as const }
    })
  })
}
