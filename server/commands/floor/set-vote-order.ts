import { floorAmendments } from '../../../shared/floor/floor-amendments.ts'
import { reorder, runningOrder } from '../../../shared/floor/running-order.ts'
import { fail } from '../../domain-error.ts'
import type { AppDeps } from '../../env.ts'
import { listAmendments } from '../../presenters/amendment-list.ts'
import { resolveTarget, type AmendmentTarget } from '../amendments/amendment-rows.ts'
import { auditActorOf, command, type CommandActor, type CommandDeps } from '../command.ts'

/**
 * The bureau puts the votes on a text in its own order: `order` lists the first amendment of each
 * vote of Plenum's order (shared/floor/running-order.ts), each once, sub-amendments still before
 * their amendment. An empty order goes back to Plenum's. Logged either way: the minutes say who
 * departed from the computed order.
 */
export function setVoteOrder(deps: CommandDeps & Pick<AppDeps, 'documents'>, actor: CommandActor, input: { target: AmendmentTarget; order: readonly string[] }) {
  return command(deps, actor, async (steps) => {
    const { congressId, targetDoc } = await resolveTarget(deps.db, input.target)
    await steps.authorize(congressId, 'floor.order')
    // The votes as they stand, read (with their diffs) before the transaction.
    const views = await listAmendments({ db: deps.db, documents: deps.documents! }, congressId, { targetDoc })
    const labels = new Map(views.map((v) => [v.id, v.label]))
    if (input.order.length > 0) {
      const checked = reorder(runningOrder(floorAmendments(views, targetDoc)), input.order)
      if ('error' in checked) {
        throw fail('vote_order_invalid', { reason: checked.error }, checked.error === 'sub_amendment_after_parent' ? 'Un sous-amendement se vote avant l’amendement qu’il modifie.' : 'Les votes de ce texte ont changé entre-temps : rechargez la page et recommencez.')
      }
    }
    await steps.transaction(async (tx) => {
      if (input.order.length === 0) await tx.trx.deleteFrom('vote_orders').where('target_doc', '=', targetDoc).execute()
      else {
        const row = { congress_id: congressId, lead_ids: JSON.stringify(input.order), set_by: auditActorOf(actor)?.id ?? null, set_at: tx.now }
        await tx.trx
          .insertInto('vote_orders')
          .values({ target_doc: targetDoc, ...row })
          .onConflict((oc) => oc.column('target_doc').doUpdateSet(row))
          .execute()
      }
      await tx.audit(congressId, 'floor.vote_order', { targetDoc, order: input.order.map((id) => labels.get(id) ?? id) })
      tx.afterCommit(() => deps.hub.amendmentsChanged(congressId, [targetDoc]))
    })
    return { order: input.order }
  })
}
