import type { BallotRule } from '../../../shared/ballots/ballot-rule.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'

/** The bureau sets the congress's template for new ballots (and the proxies' cap at the desk). */
export function setDefaultRule(deps: CommandDeps, actor: CommandActor, input: { congressId: string; rule: BallotRule }) {
  const { congressId, rule } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'ballot.manage')
    return steps.transaction(async (tx): Promise<BallotRule> => {
      await tx.trx.updateTable('congresses').set({ ballot_rule: JSON.stringify(rule) }).where('id', '=', congressId).execute()
      await tx.audit(congressId, 'ballot.default_rule_changed', { rule })
      return rule
    })
  })
}
