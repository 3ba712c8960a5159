import type { Kysely, Transaction } from 'kysely'
import type { BoardEntryView } from '../shared/api-types.ts'
import type { Choice } from '../shared/ballots/ballot-rule.ts'
import type { Database } from './schema.ts'

/**
 * A ballot's box as the board shows it: every receipt with its choice, its nonce and, for a
 * roll-call ballot, the name it stands for, in receipt order (never in casting order, which would
 * date votes). The close counts it, the board page shows it, the seal writes it.
 */
export async function readBallotBox(db: Kysely<Database> | Transaction<Database>, ballotId: string): Promise<BoardEntryView[]> {
  const rows = await db
    .selectFrom('ballot_box')
    .leftJoin('participants', 'participants.id', 'ballot_box.represented_id')
    .select(['ballot_box.receipt', 'ballot_box.choice', 'ballot_box.nonce', 'participants.name'])
    .where('ballot_box.ballot_id', '=', ballotId)
    .orderBy('ballot_box.receipt')
    .execute()
  // The box's choice column only ever receives a Choice (db/vote-store.ts writes what the vote route checked).
  return rows.map((r) => ({ receipt: r.receipt, choice: r.choice as Choice, nonce: r.nonce, name: r.name ?? null }))
}
