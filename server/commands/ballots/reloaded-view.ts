import type { BallotView } from '../../../shared/api-types.ts'
import { ballotView, type BallotViewDeps } from '../../presenters/ballot-view.ts'
import type { CommandActor } from '../command.ts'

/** The ballot as a command left it: what the bureau's screen shows next. */
export async function reloadedView(deps: BallotViewDeps, actor: CommandActor, ballotId: string): Promise<BallotView> {
  const row = await deps.db.selectFrom('ballots').selectAll().where('id', '=', ballotId).executeTakeFirstOrThrow()
  return ballotView(deps, row, actor.role)
}
