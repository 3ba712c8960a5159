import { mergeRulePatch } from '../../../shared/ballots/ballot-rule-input.ts'
import type { BallotRulePatch } from '../../../shared/requests/ballot-requests.ts'
import { ballotRule, type BallotPresenterDeps } from '../../presenters/ballot-view.ts'
import { valid } from '../../validate.ts'
import { command, type CommandActor } from '../command.ts'
import { advance, loadBallot, requireStatus } from './ballot-rows.ts'
import { reloadedView } from './reloaded-view.ts'

/** The bureau changes some fields of a draft ballot's rule. */
export function updateBallotRule(deps: BallotPresenterDeps, actor: CommandActor, input: { ballotId: string; rule: BallotRulePatch }) {
  const { ballotId } = input
  return command(deps, actor, async (steps) => {
    const row = await loadBallot(deps, ballotId)
    await steps.authorize(row.congress_id, 'ballot.manage')
    requireStatus(row, 'draft', 'update')
    const rule = valid(mergeRulePatch(ballotRule(row), input.rule))
    await steps.transaction(async (tx) => {
      await advance(tx.trx, row, { rule: JSON.stringify(rule) })
      await tx.audit(row.congress_id, 'ballot.rule_changed', { ballotId, rule })
      tx.afterCommit(() => deps.hub.ballotsChanged(row.congress_id, ballotId))
    })
    return reloadedView(deps, actor, ballotId)
  })
}
