import type { NotificationListView } from '../../shared/notifications/notification-kinds.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { readNotifications } from './notification-list.ts'

/**
 * POST /api/congresses/:id/notifications/read: everything up to `upTo` is read, for this person on
 * every device (their other pages' badges follow). The pointer only moves forward: a device that
 * read less, later, takes nothing back. Not a decision of the congress: no log entry, and no
 * decision's transaction either, which would queue behind the congress's lock with the votes (a
 * ballot's opening notifies every voter, who open their badge while voting): one statement that
 * moves the pointer only forward.
 */
export function markNotificationsRead(deps: Pick<CommandDeps, 'db' | 'hub' | 'clock'>, actor: CommandActor, input: { congressId: string; upTo: number }) {
  const { congressId, upTo } = input
  return query(deps, actor, async (steps): Promise<NotificationListView> => {
    await steps.authorize(congressId, 'congress.read')
    const { participantId } = actor
    if (participantId === '') return { items: [], unread: 0 }
    const moved = await deps.db
      .insertInto('notification_reads')
      .values({ participant_id: participantId, read_up_to: upTo })
      .onConflict((oc) => oc.column('participant_id').doUpdateSet({ read_up_to: upTo }).where('notification_reads.read_up_to', '<', upTo))
      .executeTakeFirst()
    if (Number(moved.numInsertedOrUpdatedRows ?? 0) > 0) deps.hub.notified(congressId, [participantId])
    return readNotifications(deps.db, congressId, participantId)
  })
}
