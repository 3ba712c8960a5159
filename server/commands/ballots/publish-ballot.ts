import { CorruptColumnError, decodeTally } from '../../../db/json-columns.ts'
import type { AmendmentRow } from '../../../db/schema.ts'
import type { Decision } from '../../../shared/ballots/decision.ts'
import type { AppDeps } from '../../env.ts'
import { subjectOf, type BallotPresenterDeps } from '../../presenters/ballot-view.ts'
import { isVotedText } from '../../services/voted-texts.ts'
import { mergeInTransaction, mergesOnAdoption, readMergeAhead, recordDecision, type MergeAhead } from '../amendments/amendment-decision.ts'
import { loadAmendment, requireStep } from '../amendments/amendment-rows.ts'
import { command, type CommandActor } from '../command.ts'
import { readPhase } from '../congress/congress-rows.ts'
import { advance, blockMembers, changedMeanwhile, decidedProposals, loadBallot, requireStatus } from './ballot-rows.ts'
import { reloadedView } from './reloaded-view.ts'
import { cutInTransaction, readCutAhead } from './division-rows.ts'

export type PublishDeps = BallotPresenterDeps & Pick<AppDeps, 'documents'>

/**
 * Publishes a closed ballot's result, and with it the decision it carries: a proposal's or the
 * motion's outcome; an amendment adopted (merged at once when it can be) or rejected. One
 * transaction: if the merge fails, the ballot stays closed and the amendment as it was.
 */
export function publishBallot(deps: PublishDeps, actor: CommandActor, input: { ballotId: string }) {
  const { ballotId } = input
  return command(deps, actor, async (steps) => {
    const row = await loadBallot(deps, ballotId)
    const congressId = row.congress_id
    await steps.authorize(congressId, 'ballot.manage')
    requireStatus(row, 'closed', 'publish')
    // Closing stores the tally in the same transaction: a closed ballot without one was changed behind the app.
    const tally = decodeTally(row.result)
    if (!tally) throw new CorruptColumnError('ballots.result', `ballot ${row.id} is closed but has no tally`)
    const { outcome } = tally
    const decided: Decision | null = outcome === 'adopted' || outcome === 'rejected' ? outcome : null
    // The amendments it decides: its own, or a block's every one (each on its own text).
    const amendments: { row: AmendmentRow; ahead?: MergeAhead }[] = []
    if (decided && row.subject_kind === 'amendment' && row.subject_id) {
      const members = await blockMembers(deps.db, row.id)
      for (const id of members.length > 0 ? members : [row.subject_id]) {
        const amendment = await loadAmendment(deps.db, id)
        await steps.authorize(amendment.congress_id, 'amendment.decide')
        requireStep(amendment, decided === 'adopted' ? 'adopt' : 'reject')
        // Its target put to the vote meanwhile: it stays adopted, unmerged.
        const merges = decided === 'adopted' && mergesOnAdoption(amendment) && !(await isVotedText(deps.db, amendment.target_doc))
        amendments.push({ row: amendment, ahead: merges ? await readMergeAhead(deps, amendment) : undefined })
      }
    }
    // A part rejected is cut from its text before the vote on the whole.
    const cut = decided === 'rejected' ? await readCutAhead(deps, row) : undefined
    await steps.transaction(async (tx) => {
      // A freeze may have landed while the texts were read: nothing is decided after it.
      const phase = await readPhase(tx.trx, congressId)
      steps.authorizeInPhase(congressId, phase, 'ballot.manage')
      // A count in the room entered meanwhile changes the result: publish the one the bureau saw, or none.
      const current = await tx.trx.selectFrom('ballots').select('result').where('id', '=', row.id).executeTakeFirst()
      if (current?.result !== row.result) throw changedMeanwhile(row.id)
      await advance(tx.trx, row, { status: 'published', published_at: tx.now })
      // A block's outcome is each of its proposals'.
      const proposals = decided ? await decidedProposals(tx.trx, row) : []
      if (decided && proposals.length > 0) await tx.trx.updateTable('proposals').set({ outcome: decided, outcome_ballot_id: ballotId }).where('id', 'in', proposals).execute()
      if (decided && row.subject_kind === 'motion') await tx.trx.updateTable('congresses').set({ motion_outcome: decided }).where('id', '=', congressId).execute()
      const subject = (await subjectOf(tx.trx, row)).label
      await tx.audit(congressId, 'ballot.published', { ballotId, subject, outcome })
      if (cut) await cutInTransaction(tx, deps, row, cut, subject)
      for (const { row: amendment, ahead } of decided ? amendments : []) {
        await recordDecision(tx, amendment, decided!, ballotId)
        let touched = [amendment.doc_name]
        if (ahead && !(await isVotedText(tx.trx, amendment.target_doc))) {
          steps.authorizeInPhase(congressId, phase, 'amendment.decide')
          touched = await mergeInTransaction(tx, deps, amendment, ahead)
        }
        const docNames = touched
        tx.afterCommit(() => deps.hub.amendmentsChanged(congressId, docNames))
      }
      tx.afterCommit(() => deps.hub.ballotsChanged(congressId, ballotId))
    })
    return reloadedView(deps, actor, ballotId)
  })
}
