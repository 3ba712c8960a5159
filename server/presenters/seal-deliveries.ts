import type { DeliveryView } from '../../shared/api-types.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'

/** The deliveries of the motion, for the bureau. */
export function sealDeliveries(deps: Pick<CommandDeps, 'db' | 'hub' | 'clock'>, actor: CommandActor, input: { readonly congressId: string }) {
  const { congressId } = input
  return query(deps, actor, async (steps): Promise<{ deliveries: DeliveryView[] }> => {
    await steps.authorize(congressId, 'delivery.record')
    const rows = await deps.db
      .selectFrom('deliveries')
      .innerJoin('participants', 'participants.id', 'deliveries.participant_id')
      .select(['deliveries.id', 'advisor_name', 'institution', 'delivered_on', 'channel'])
      .where('deliveries.congress_id', '=', congressId)
      .orderBy('deliveries.created_at')
      .execute()
    // The advisor's code was shown once, when the delivery was recorded: only its hash is kept.
    return { deliveries: rows.map((r) => ({ id: r.id, advisorName: r.advisor_name, institution: r.institution, date: r.delivered_on, channel: r.channel, code: null, joinUrl: null })) }
  })
}
