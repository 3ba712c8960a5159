import type { AmendmentStatus } from '../../../shared/amendments/amendment-status.ts'
import type { Decision } from '../../../shared/ballots/decision.ts'
import { isVotedText } from '../../services/voted-texts.ts'
import { requireNoBallotUnderway } from '../ballots/ballot-rows.ts'
import { command, type CommandActor } from '../command.ts'
import { readPhase } from '../congress/congress-rows.ts'
import { mergeInTransaction, mergesOnAdoption, readMergeAhead, recordDecision } from './amendment-decision.ts'
import { loadAmendment, requireStep, type AmendmentDeps } from './amendment-rows.ts'

/**
 * The bureau's decision: rejected; or adopted, which merges it at once (same transaction) unless it
 * touches lines an already merged amendment changed — then it waits for the bureau's review — or
 * its target was put to the vote. Answers the status it ends in.
 */
export function decideAmendment(deps: AmendmentDeps, actor: CommandActor, input: { amendmentId: string; outcome: Decision }) {
  const { amendmentId, outcome } = input
  return command(deps, actor, async (steps) => {
    const row = await loadAmendment(deps.db, amendmentId)
    await steps.authorize(row.congress_id, 'amendment.decide')
    requireStep(row, outcome === 'adopted' ? 'adopt' : 'reject')
    await requireNoBallotUnderway(deps.db, amendmentId)
    const ahead = outcome === 'adopted' && mergesOnAdoption(row) && !(await isVotedText(deps.db, row.target_doc)) ? await readMergeAhead(deps, row) : undefined
    return steps.transaction(async (tx): Promise<{ status: AmendmentStatus }> => {
      steps.authorizeInPhase(row.congress_id, await readPhase(tx.trx, row.congress_id), 'amendment.decide')
      await recordDecision(tx, row, outcome)
      let touched = [row.doc_name]
      let status: AmendmentStatus = outcome
      if (ahead && !(await isVotedText(tx.trx, row.target_doc))) {
        touched = await mergeInTransaction(tx, deps, row, ahead)
        status = 'merged'
      }
      tx.afterCommit(() => deps.hub.amendmentsChanged(row.congress_id, touched))
      return { status }
    })
  })
}
