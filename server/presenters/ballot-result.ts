import { readBallotBox } from '../../db/ballot-board.ts'
import type { BallotRow } from '../../db/schema.ts'
import type { BoardView } from '../../shared/api-types.ts'
import { duplicateReceipts } from '../../shared/ballots/receipt.ts'
import type { Role } from '../../shared/roles.ts'
import { loadBallot } from '../commands/ballots/ballot-rows.ts'
import { query, type CommandActor } from '../commands/command.ts'
import { fail } from '../domain-error.ts'
import { ballotRule, ballotView, resultVisible, type BallotPresenterDeps } from './ballot-view.ts'

function requireResultVisible(row: BallotRow, role: Role): void {
  if (resultVisible(row, role)) return
  throw fail('result_not_visible', { ballotId: row.id, status: row.status }, row.status === 'closed' ? 'Le résultat n’est pas encore publié.' : 'Aucun résultat avant la clôture du scrutin.')
}

/** `GET /api/ballots/:bid/result`: the ballot and its counts, once the reader may see them. */
export function ballotResult(deps: BallotPresenterDeps, actor: CommandActor, input: { ballotId: string }) {
  return query(deps, actor, async (steps) => {
    const row = await loadBallot(deps, input.ballotId)
    await steps.authorize(row.congress_id, 'congress.read')
    requireResultVisible(row, actor.role)
    const ballot = await ballotView(deps, row, actor.role)
    return { ballot, result: ballot.result }
  })
}

/** `GET /api/ballots/:bid/board`: every receipt with its choice (and, for roll-call ballots, the name it stands for). */
export function ballotBoard(deps: BallotPresenterDeps, actor: CommandActor, input: { ballotId: string }) {
  return query(deps, actor, async (steps): Promise<BoardView> => {
    const row = await loadBallot(deps, input.ballotId)
    await steps.authorize(row.congress_id, 'congress.read')
    requireResultVisible(row, actor.role)
    const entries = await readBallotBox(deps.db, row.id)
    return { ballotId: row.id, secrecy: ballotRule(row).secrecy, entries, chainHead: row.chain_head ?? '', duplicates: duplicateReceipts(entries) }
  })
}
