import type { Transaction } from 'kysely'
import { readBallotBox } from '../../../db/ballot-board.ts'
import type { BallotRow, Database } from '../../../db/schema.ts'
import type { RoomVoteView } from '../../../shared/api-types.ts'
import { byNameThenId, castOf, countsOfNames, rightsOf, roomCountExcess, type RoomVote } from '../../../shared/ballots/room-count.ts'
import { countChoices, tally } from '../../../shared/ballots/tally.ts'
import type { ChoiceCounts } from '../../../shared/ballots/tally-types.ts'
import type { RoomCountRequest } from '../../../shared/requests/ballot-requests.ts'
import { fail } from '../../domain-error.ts'
import { ballotRule, subjectOf, type BallotPresenterDeps } from '../../presenters/ballot-view.ts'
import { command, type CommandActor } from '../command.ts'
import { advance, loadBallot, requireStatus } from './ballot-rows.ts'
import { reloadedView } from './reloaded-view.ts'

/**
 * The bureau enters what it counted in the room (show of hands, or paper) for a closed ballot not
 * yet published: numbers for a secret ballot, names for a roll-call one. Only once closed, so the
 * phones' figures are final: the room's are checked against them (together they fit in the votes
 * the list allows; no name counted in the room voted on a phone, nor can any more). The result is
 * counted again, phones and room together, under the ballot's rule; a new count replaces the last,
 * and the log keeps each.
 */
export function recordRoomCount(deps: BallotPresenterDeps, actor: CommandActor, input: { ballotId: string } & RoomCountRequest) {
  const { ballotId } = input
  return command(deps, actor, async (steps) => {
    const row = await loadBallot(deps, ballotId)
    await steps.authorize(row.congress_id, 'ballot.manage')
    requireStatus(row, 'closed', 'count_in_room')
    const rule = ballotRule(row)
    const byName = 'names' in input
    if (byName !== (rule.secrecy === 'roll-call')) {
      throw fail(
        'room_count_form',
        { ballotId, secrecy: rule.secrecy },
        rule.secrecy === 'roll-call' ? 'Un scrutin public se compte en salle nom par nom.' : 'Un scrutin secret se compte en salle par nombres seulement, sans noms.',
      )
    }
    await steps.transaction(async (tx) => {
      const { trx } = tx
      // The ballot's row first: two counts entered at once run one after the other, and a
      // publication since the read above is seen (changed meanwhile).
      await advance(trx, row, { status: 'closed' })
      const names = 'names' in input ? await namedVotes(trx, row, input.names) : null
      const room: ChoiceCounts = 'counts' in input ? input.counts : countsOfNames(names ?? [])
      const box = await readBallotBox(trx, ballotId)
      const choices = box.map((b) => b.choice)
      const electronic = countChoices(choices)
      const electorate = { entitled: row.entitled_count ?? 0, present: row.present_count ?? 0, represented: row.represented_count ?? 0 }
      if (roomCountExcess(electorate, box.length, room) > 0) {
        const figures = { ballotId, electronic: box.length, room: castOf(room), rights: rightsOf(electorate) }
        throw fail(
          'room_count_exceeds_electorate',
          figures,
          `Décompte refusé : ${figures.electronic} vote(s) sur les appareils et ${figures.room} en salle dépassent les ${figures.rights} voix des présents et représentés. Recomptez.`,
        )
      }
      const result = tally(rule, electorate, choices, room)
      await trx.deleteFrom('room_counts').where('ballot_id', '=', ballotId).execute()
      await trx.insertInto('room_counts').values({ ballot_id: ballotId, yes: room.yes, no: room.no, abstain: room.abstain, recorded_at: tx.now }).execute()
      for (let i = 0; names && i < names.length; i += 500) {
        const chunk = names.slice(i, i + 500)
        await trx.insertInto('room_votes').values(chunk.map((n) => ({ ballot_id: ballotId, participant_id: n.participantId, choice: n.choice }))).execute()
      }
      await trx.updateTable('ballots').set({ result: JSON.stringify(result) }).where('id', '=', ballotId).execute()
      const { yes, no, abstain, outcome } = result
      await tx.audit(row.congress_id, 'ballot.room_counted', {
        ballotId,
        subject: (await subjectOf(trx, row)).label,
        room: { yes: room.yes, no: room.no, abstain: room.abstain },
        names,
        electronic,
        yes,
        no,
        abstain,
        outcome,
      })
      tx.afterCommit(() => deps.hub.ballotsChanged(row.congress_id, ballotId))
    })
    return reloadedView(deps, actor, ballotId)
  })
}

/**
 * The names counted in the room, each on the ballot's list and none who voted on a phone (the box
 * is closed: none can any more). In name order, as the seal lists them.
 */
async function namedVotes(trx: Transaction<Database>, row: BallotRow, votes: readonly RoomVote[]): Promise<RoomVoteView[]> {
  const ids = votes.map((v) => v.participantId)
  const onList = new Set<string>()
  const voted = new Set<string>()
  const names = new Map<string, string>()
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    for (const r of await trx.selectFrom('ballot_voters').select('represented_id').where('ballot_id', '=', row.id).where('represented_id', 'in', chunk).execute()) onList.add(r.represented_id)
    for (const r of await trx.selectFrom('ballot_participations').select('represented_id').where('ballot_id', '=', row.id).where('represented_id', 'in', chunk).execute()) voted.add(r.represented_id)
    for (const r of await trx.selectFrom('participants').select(['id', 'name']).where('congress_id', '=', row.congress_id).where('id', 'in', chunk).execute()) names.set(r.id, r.name)
  }
  for (const vote of votes) {
    const { participantId } = vote
    if (!onList.has(participantId)) {
      throw fail('room_voter_not_on_list', { ballotId: row.id, participantId }, 'Une personne comptée en salle ne vote pas dans ce scrutin : elle n’était ni présente ni représentée à son ouverture.')
    }
    if (voted.has(participantId)) {
      const name = names.get(participantId) ?? ''
      throw fail('room_voter_already_voted', { ballotId: row.id, participantId, name }, `${name} a déjà voté sur un appareil : une seule voix par personne.`)
    }
  }
  return votes.map((v) => ({ participantId: v.participantId, name: names.get(v.participantId) ?? '', choice: v.choice })).sort(byNameThenId)
}
