import type { ParticipationView } from '../../shared/api-types.ts'
import { byName } from '../../shared/text/french-order.ts'
import { loadBallot } from '../commands/ballots/ballot-rows.ts'
import { query, type CommandActor } from '../commands/command.ts'
import { ballotRule, type BallotPresenterDeps } from './ballot-view.ts'

/** `GET /api/ballots/:bid/participation`: how many voted; for a roll-call ballot, who has not yet. */
export function ballotParticipation(deps: BallotPresenterDeps, actor: CommandActor, input: { ballotId: string }) {
  return query(deps, actor, async (steps): Promise<ParticipationView> => {
    const row = await loadBallot(deps, input.ballotId)
    await steps.authorize(row.congress_id, 'ballot.manage')
    const counts = await deps.votes.counts(row.id)
    if (ballotRule(row).secrecy !== 'roll-call') return { ...counts, notVoted: null }
    const missing = await deps.db
      .selectFrom('ballot_voters')
      .innerJoin('participants as represented', 'represented.id', 'ballot_voters.represented_id')
      .innerJoin('participants as holder', 'holder.id', 'ballot_voters.holder_id')
      .leftJoin('ballot_participations', (join) =>
        join.onRef('ballot_participations.ballot_id', '=', 'ballot_voters.ballot_id').onRef('ballot_participations.represented_id', '=', 'ballot_voters.represented_id'),
      )
      .select(['represented.id', 'represented.name', 'holder.name as holderName', 'ballot_voters.holder_id'])
      .where('ballot_voters.ballot_id', '=', row.id)
      .where('ballot_participations.represented_id', 'is', null)
      .execute()
    return { ...counts, notVoted: missing.sort(byName).map((m) => ({ id: m.id, name: m.name, holderName: m.holder_id === m.id ? null : m.holderName })) }
  })
}
