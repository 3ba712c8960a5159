import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { NotificationListView } from '../../shared/notifications/notification-kinds.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { subjectOf } from '../presenters/ballot-view.ts'

/** How many a list shows: the latest. Older ones stay stored (the unread count counts them all). */
const shown = 50

/** GET /api/congresses/:id/notifications: my latest notifications, and how many I have not read. */
export function myNotifications(deps: Pick<CommandDeps, 'db' | 'hub' | 'clock'>, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps): Promise<NotificationListView> => {
    await steps.authorize(input.congressId, 'congress.read')
    return readNotifications(deps.db, input.congressId, actor.participantId)
  })
}

/** One person's notifications in one congress (the command line, who is no one, has none). */
export async function readNotifications(db: Kysely<Database>, congressId: string, participantId: string): Promise<NotificationListView> {
  const readUpTo = await readPointer(db, participantId)
  const [rows, unread] = await Promise.all([
    db.selectFrom('notifications').selectAll().where('participant_id', '=', participantId).where('congress_id', '=', congressId).orderBy('id', 'desc').limit(shown).execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('participant_id', '=', participantId)
      .where('congress_id', '=', congressId)
      .where('id', '>', readUpTo)
      .executeTakeFirst(),
  ])
  // Each ballot's subject as it is now, for the page to say in its language.
  const ballotIds = [...new Set(rows.flatMap((row) => (row.ballot_id ? [row.ballot_id] : [])))]
  const ballots = ballotIds.length === 0 ? [] : await db.selectFrom('ballots').select(['id', 'subject_kind', 'subject_id']).where('id', 'in', ballotIds).execute()
  const subjects = new Map(await Promise.all(ballots.map(async (ballot) => [ballot.id, await subjectOf(db, ballot)] as const)))
  return {
    items: rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind,
      at: new Date(Number(row.at)).toISOString(),
      actorName: row.actor_name,
      label: row.label,
      parentLabel: row.parent_label,
      amendmentId: row.amendment_id,
      ballotId: row.ballot_id,
      subject: (row.ballot_id && subjects.get(row.ballot_id)) || null,
      read: Number(row.id) <= readUpTo,
    })),
    // PostgreSQL counts in bigint, which pg hands over as a string.
    unread: Number(unread?.n ?? 0),
  }
}

export async function readPointer(db: Kysely<Database>, participantId: string): Promise<number> {
  const row = await db.selectFrom('notification_reads').select('read_up_to').where('participant_id', '=', participantId).executeTakeFirst()
  return Number(row?.read_up_to ?? 0)
}
