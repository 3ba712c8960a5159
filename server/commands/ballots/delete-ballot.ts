import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { changedMeanwhile, loadBallot, requireStatus } from './ballot-rows.ts'

/** The bureau deletes a draft ballot (and takes it off the projector). */
export function deleteBallot(deps: CommandDeps, actor: CommandActor, input: { ballotId: string }) {
  const { ballotId } = input
  return command(deps, actor, async (steps) => {
    const row = await loadBallot(deps, ballotId)
    await steps.authorize(row.congress_id, 'ballot.manage')
    requireStatus(row, 'draft', 'delete')
    await steps.transaction(async (tx) => {
      const deleted = await tx.trx.deleteFrom('ballots').where('id', '=', ballotId).where('status', '=', 'draft').executeTakeFirst()
      if (deleted.numDeletedRows === 0n) throw changedMeanwhile(ballotId)
      await tx.trx.updateTable('congresses').set({ projected_ballot_id: null }).where('projected_ballot_id', '=', ballotId).execute()
      await tx.audit(row.congress_id, 'ballot.deleted', { ballotId })
      tx.afterCommit(() => deps.hub.ballotsChanged(row.congress_id, ballotId))
    })
  })
}
