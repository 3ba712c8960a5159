import type { Kysely } from 'kysely'
import type { BallotRow, Database } from '../../db/schema.ts'
import type { MyBallotView } from '../../shared/api-types.ts'
import { byName } from '../../shared/text/french-order.ts'
import { loadBallot } from '../commands/ballots/ballot-rows.ts'
import { query, type CommandActor } from '../commands/command.ts'
import { ballotView, type BallotPresenterDeps, type BallotViewDeps } from './ballot-view.ts'

/** `GET /api/ballots/:bid/me`: the voter's screen, their own vote and one per proxy they carry. */
export function myBallot(deps: BallotPresenterDeps, actor: CommandActor, input: { ballotId: string }) {
  return query(deps, actor, async (steps) => {
    const row = await loadBallot(deps, input.ballotId)
    await steps.authorize(row.congress_id, 'congress.read')
    return myBallotView(deps, actor, row)
  })
}

/** The rights the actor holds in this ballot's fixed list, their own first, then in French order of names. */
async function myBallotView(deps: BallotViewDeps, actor: CommandActor, row: BallotRow): Promise<MyBallotView> {
  const rights = await deps.db
    .selectFrom('ballot_voters')
    .innerJoin('participants', 'participants.id', 'ballot_voters.represented_id')
    .leftJoin('ballot_participations', (join) =>
      join.onRef('ballot_participations.ballot_id', '=', 'ballot_voters.ballot_id').onRef('ballot_participations.represented_id', '=', 'ballot_voters.represented_id'),
    )
    .select(['ballot_voters.represented_id', 'participants.name', 'ballot_participations.represented_id as votedFor', 'ballot_participations.cast_at'])
    .where('ballot_voters.ballot_id', '=', row.id)
    .where('ballot_voters.holder_id', '=', actor.participantId)
    .execute()
  const views = rights
    .map((r) => ({ representedId: r.represented_id, name: r.name, self: r.represented_id === actor.participantId, voted: r.votedFor !== null, castAt: r.cast_at ?? null }))
    .sort((a, b) => Number(b.self) - Number(a.self) || byName(a, b))
  return { ballot: await ballotView(deps, row, actor.role), rights: views, noRightReason: views.length > 0 || row.opened_at === null ? null : await noRightReason(deps.db, actor) }
}

async function noRightReason(db: Kysely<Database>, actor: CommandActor): Promise<MyBallotView['noRightReason']> {
  if (actor.role === 'advisor') return 'role'
  const proxy = await db.selectFrom('proxies').select('holder_id').where('giver_id', '=', actor.participantId).executeTakeFirst()
  return proxy ? 'proxy-given' : 'not-present'
}
