import { readBallotBox } from '../../../db/ballot-board.ts'
import { boardChainHead, duplicateReceipts } from '../../../shared/ballots/receipt.ts'
import { tally } from '../../../shared/ballots/tally.ts'
import { fail } from '../../domain-error.ts'
import { ballotRule, subjectOf, type BallotPresenterDeps } from '../../presenters/ballot-view.ts'
import { command, type CommandActor } from '../command.ts'
import { advance, loadBallot, requireStatus } from './ballot-rows.ts'
import { reloadedView } from './reloaded-view.ts'

/** Closes the ballot and counts it: the tally and the board's chain head are kept with it. */
export function closeBallot(deps: BallotPresenterDeps, actor: CommandActor, input: { ballotId: string }) {
  const { ballotId: id } = input
  return command(deps, actor, async (steps) => {
    const row = await loadBallot(deps, id)
    await steps.authorize(row.congress_id, 'ballot.manage')
    requireStatus(row, 'open', 'close')
    const rule = ballotRule(row)
    await steps.transaction(async (tx) => {
      // The status moves first: from here the ballot box refuses votes, so the count below is final.
      await advance(tx.trx, row, { status: 'closed', closed_at: tx.now })
      const box = await readBallotBox(tx.trx, id)
      const electorate = { entitled: row.entitled_count ?? 0, present: row.present_count ?? 0, represented: row.represented_count ?? 0 }
      const result = tally(rule, electorate, box.map((b) => b.choice))
      // The box's primary key makes this impossible; a box that had it would not be a board.
      if (duplicateReceipts(box).length > 0) throw fail('board_duplicate_receipts', { ballotId: id }, 'L’urne contient deux fois le même reçu : le scrutin ne peut pas être clos.')
      const chainHead = boardChainHead(box)
      await tx.trx.updateTable('ballots').set({ result: JSON.stringify(result), chain_head: chainHead }).where('id', '=', id).execute()
      const { yes, no, abstain, outcome } = result
      await tx.audit(row.congress_id, 'ballot.closed', { ballotId: id, subject: (await subjectOf(tx.trx, row)).label, yes, no, abstain, outcome, chainHead })
      tx.afterCommit(() => deps.hub.ballotsChanged(row.congress_id, id))
    })
    // A secret ballot's files must not keep the order its votes came in (db/write-history.ts).
    if (rule.secrecy !== 'roll-call') await deps.votes.forgetCastingOrder(id)
    return reloadedView(deps, actor, id)
  })
}
