import { congressRule } from '../commands/ballots/ballot-rows.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'

/** `GET /api/congresses/:id/ballot-rule`: the congress's template for new ballots. */
export function ballotRuleTemplate(deps: CommandDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'congress.read')
    return congressRule(deps.db, input.congressId)
  })
}
