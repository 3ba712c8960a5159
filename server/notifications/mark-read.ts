import type { NotificationListView } from '../../shared/notifications/notification-kinds.ts'
import { command, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { readNotifications } from './notification-list.ts'

/**
 * POST /api/congresses/:id/notifications/read: everything up to `upTo` is read, for this person on
 * every device (their other pages' badges follow). The pointer only moves forward: a device that
 * read less, later, takes nothing back. Not a decision of the congress: no log entry.
 */
export function markNotificationsRead(deps: Pick<CommandDeps, 'db' | 'hub' | 'clock'>, actor: CommandActor, input: { congressId: string; upTo: number }) {
  const { congressId, upTo } = input
  return command(deps, actor, async (steps): Promise<NotificationListView> => {
    await steps.authorize(congressId, 'congress.read')
    const { participantId } = actor
    if (participantId === '') return { items: [], unread: 0 }
    await steps.transaction(async (tx) => {
      const row = await tx.trx.selectFrom('notification_reads').select('read_up_to').where('participant_id', '=', participantId).executeTakeFirst()
      if (row && Number(row.read_up_to) >= upTo) return
      await tx.trx
        .insertInto('notification_reads')
        .values({ participant_id: participantId, read_up_to: upTo })
        .onConflict((oc) => oc.column('participant_id').doUpdateSet({ read_up_to: upTo }))
        .execute()
      tx.afterCommit(() => deps.hub.notified(congressId, [participantId]))
    })
    return readNotifications(deps.db, congressId, participantId)
  })
}
