import type { ProjectBallotRequest } from '../../../shared/requests/ballot-requests.ts'
import { fail } from '../../domain-error.ts'
import { projectorView } from '../../presenters/projector-view.ts'
import type { BallotPresenterDeps } from '../../presenters/ballot-view.ts'
import { command, type CommandActor } from '../command.ts'

/** The bureau puts a ballot on the wall (or none). Not in the decision log: it decides nothing. */
export function projectBallot(deps: BallotPresenterDeps, actor: CommandActor, input: { congressId: string; requestUrl: string } & ProjectBallotRequest) {
  const { congressId, ballotId } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'projector.show')
    if (ballotId !== null) {
      const ballot = await deps.db.selectFrom('ballots').select('id').where('id', '=', ballotId).where('congress_id', '=', congressId).executeTakeFirst()
      if (!ballot) throw fail('ballot_not_found', { ballotId }, 'Ce scrutin n’existe pas.')
    }
    await steps.transaction(async (tx) => {
      await tx.trx.updateTable('congresses').set({ projected_ballot_id: ballotId }).where('id', '=', congressId).execute()
      tx.afterCommit(() => deps.hub.projectorChanged(congressId, ballotId))
    })
    return projectorView(deps, actor, congressId, input.requestUrl)
  })
}
