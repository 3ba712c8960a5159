import type { BallotView } from '../../shared/api-types.ts'
import type { Role } from '../../shared/roles.ts'
import { query, type CommandActor } from '../commands/command.ts'
import { ballotView, type BallotPresenterDeps, type BallotViewDeps } from './ballot-view.ts'

/** The congress's ballots, oldest first, as the role sees them. */
export async function congressBallots(deps: BallotViewDeps, congressId: string, role: Role): Promise<BallotView[]> {
  const rows = await deps.db.selectFrom('ballots').selectAll().where('congress_id', '=', congressId).orderBy('created_at').orderBy('id').execute()
  return Promise.all(rows.map((row) => ballotView(deps, row, role)))
}

/** `GET /api/congresses/:id/ballots`. */
export function listBallots(deps: BallotPresenterDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'congress.read')
    return { ballots: await congressBallots(deps, input.congressId, actor.role) }
  })
}
