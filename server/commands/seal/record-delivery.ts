import type { DeliveryView } from '../../../shared/api-types.ts'
import type { DeliveryRequest } from '../../../shared/requests/seal-requests.ts'
import { hashAccessCode, newAccessCode, newId } from '../../ids.ts'
import { joinLink } from '../../services/join-link.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { readPhase } from '../congress/congress-rows.ts'

/**
 * Records that the motion was handed to an advisor, and gives them a code (role advisor) to its
 * read-only page, shown in this answer only. The first delivery moves the congress to `delivered`.
 */
export function recordDelivery(deps: CommandDeps, actor: CommandActor, input: { readonly congressId: string; readonly delivery: DeliveryRequest; readonly joinBase: string }) {
  const { congressId, delivery, joinBase } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'delivery.record')
    const id = newId()
    const participantId = newId()
    const code = newAccessCode()
    return steps.transaction(async (tx): Promise<DeliveryView> => {
      await tx.trx
        .insertInto('participants')
        .values({ id: participantId, congress_id: congressId, name: delivery.advisorName, organisation: delivery.institution, email: null, role: 'advisor', access_code_hash: hashAccessCode(code), created_at: tx.now, revoked_at: null })
        .execute()
      await tx.trx
        .insertInto('deliveries')
        .values({ id, congress_id: congressId, advisor_name: delivery.advisorName, institution: delivery.institution, delivered_on: delivery.date, channel: delivery.channel, participant_id: participantId, created_at: tx.now })
        .execute()
      if ((await readPhase(tx.trx, congressId)) === 'frozen') {
        await tx.trx.updateTable('congresses').set({ phase: 'delivered' }).where('id', '=', congressId).execute()
        tx.afterCommit(() => deps.hub.phaseChanged(congressId, 'delivered'))
      }
      await tx.audit(congressId, 'motion.delivered', { deliveryId: id, ...delivery })
      return { id, ...delivery, code, joinUrl: joinLink(joinBase, code) }
    })
  })
}
