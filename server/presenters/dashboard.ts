import type { Kysely, Transaction } from 'kysely'
import { transactionsShareTheConnection } from '../../db/database-handle.ts'
import type { Database } from '../../db/schema.ts'
import { countRoles, type DashboardView } from '../../shared/dashboard/dashboard-view.ts'
import { roles, votingRoles } from '../../shared/roles.ts'
import { attendanceEntries } from '../commands/attendance/attendance-rows.ts'
import { oneTurnTransaction, query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { readPhaseUndo } from '../commands/congress/phase-moves.ts'
import type { AppDeps } from '../env.ts'
import { congressPresence } from './congress-presence.ts'
import { readFreezeCheck } from './freeze-check.ts'

type DashboardDeps = CommandDeps & Pick<AppDeps, 'presence'>

/**
 * `GET /api/congresses/:id/dashboard`: the bureau's overview (shared/dashboard/dashboard-view.ts).
 * Everything from the database is read in one snapshot, so the counts agree with each other; who is
 * online (the hub's, not the database's) is read before it.
 */
export function presentDashboard(deps: DashboardDeps, actor: CommandActor, input: { readonly congressId: string }) {
  const { congressId } = input
  return query(deps, actor, async (steps): Promise<DashboardView> => {
    await steps.authorize(congressId, 'audit.read')
    const presence = await congressPresence(deps, congressId)
    return inOneSnapshot(deps.db, async (trx) => {
      const [outstanding, people, participation, rights] = await Promise.all([
        readFreezeCheck(trx, congressId),
        attendanceEntries(trx, congressId),
        trx
          .selectFrom('ballot_participations')
          .innerJoin('ballots', 'ballots.id', 'ballot_participations.ballot_id')
          .select(['ballot_participations.ballot_id', (eb) => eb.fn.countAll<number | string>().as('count')])
          .where('ballots.congress_id', '=', congressId)
          .where('ballots.status', 'in', ['open', 'closed'])
          .groupBy('ballot_participations.ballot_id')
          .execute(),
        trx
          .selectFrom('ballot_voters')
          .innerJoin('ballots', 'ballots.id', 'ballot_voters.ballot_id')
          .select(['ballot_voters.ballot_id', (eb) => eb.fn.countAll<number | string>().as('count')])
          .where('ballots.congress_id', '=', congressId)
          .where('ballots.status', 'in', ['open', 'closed'])
          .groupBy('ballot_voters.ballot_id')
          .execute(),
      ])
      const { move, undo } = await readPhaseUndo(trx, congressId, outstanding.phase)
      const voted = new Map(participation.map((p) => [p.ballot_id, Number(p.count)]))
      const entitled = new Map(rights.map((p) => [p.ballot_id, Number(p.count)]))
      return {
        phase: outstanding.phase,
        proposalsNotVoted: outstanding.proposalsNotVoted,
        amendmentsPending: outstanding.amendmentsPending,
        ballots: outstanding.ballotsPending.map((b) => ({ ...b, voted: voted.get(b.id) ?? 0, rights: entitled.get(b.id) ?? 0 })),
        present: countRoles(votingRoles, people.filter((p) => p.present)),
        entitled: countRoles(votingRoles, people),
        proxies: people.filter((p) => p.proxyTo !== null).length,
        online: countRoles(roles, presence.online),
        lastMove: move && move.action === 'phase.changed' ? { from: move.from, to: move.to, at: new Date(move.at).toISOString(), by: move.by, undoable: undo.ok } : null,
      }
    })
  })
}

/**
 * One snapshot: on SQLite a transaction within one turn of the event loop (nothing else writes on
 * its one connection meanwhile); on PostgreSQL a repeatable-read transaction.
 */
function inOneSnapshot<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (transactionsShareTheConnection(db)) return oneTurnTransaction(db, work)
  return db.transaction().setIsolationLevel('repeatable read').execute(work)
}
