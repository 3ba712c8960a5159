import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { RoomCountView } from '../../shared/api-types.ts'
import type { Secrecy } from '../../shared/ballots/ballot-rule.ts'
import { byNameThenId } from '../../shared/ballots/room-count.ts'

type Db = Kysely<Database> | Transaction<Database>

/** A ballot's count in the room, if the bureau entered one: the numbers, and for a roll-call ballot the names (byNameThenId). */
export async function readRoomCount(db: Db, ballotId: string, secrecy: Secrecy): Promise<RoomCountView | null> {
  const count = await db.selectFrom('room_counts').selectAll().where('ballot_id', '=', ballotId).executeTakeFirst()
  if (!count) return null
  const names =
    secrecy === 'roll-call'
      ? await db
          .selectFrom('room_votes')
          .innerJoin('participants', 'participants.id', 'room_votes.participant_id')
          .select(['room_votes.participant_id as participantId', 'participants.name', 'room_votes.choice'])
          .where('room_votes.ballot_id', '=', ballotId)
          .execute()
      : null
  return { yes: count.yes, no: count.no, abstain: count.abstain, names: names?.sort(byNameThenId) ?? null, recordedAt: count.recorded_at }
}
