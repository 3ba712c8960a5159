import { Hono } from 'hono'
import { parseBallotRule } from '../../shared/ballots/ballot-rule-input.ts'
import { parseBallotRuleChange, parseCastVote, parseNewBallot, parseOpenBallot, parseRoomCount } from '../../shared/requests/ballot-requests.ts'
import { requireSession } from '../auth/require-session.ts'
import { castVote } from '../commands/ballots/cast-vote.ts'
import { closeBallot } from '../commands/ballots/close-ballot.ts'
import { createBallot } from '../commands/ballots/create-ballot.ts'
import { deleteBallot } from '../commands/ballots/delete-ballot.ts'
import { openBallot } from '../commands/ballots/open-ballot.ts'
import { recordRoomCount } from '../commands/ballots/record-room-count.ts'
import { setDefaultRule } from '../commands/ballots/set-default-rule.ts'
import { updateBallotRule } from '../commands/ballots/update-ballot-rule.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond, respondEmpty } from '../http/respond.ts'
import { listBallots } from '../presenters/ballot-list.ts'
import { myBallot } from '../presenters/ballot-mine.ts'
import { ballotParticipation } from '../presenters/ballot-participation.ts'
import { ballotBoard, ballotResult } from '../presenters/ballot-result.ts'
import { resultsCsv } from '../presenters/ballot-results-csv.ts'
import { ballotRuleTemplate } from '../presenters/ballot-rule-template.ts'
import { showBallot } from '../presenters/ballot-view.ts'
import { publishBallot } from '../commands/ballots/publish-ballot.ts'
import { jsonBody, optionalJsonBody, valid, validParams } from '../validate.ts'

/** `/api/ballots/…`: a ballot's life, its votes, and what it shows to whom. */
export function ballotRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .post('/', ...session, jsonBody((body) => valid(parseNewBallot(body))), async (c) => respond(c, await createBallot(deps, c.var.actor, c.req.valid('json')), 201))
    .get('/:bid', ...session, async (c) => respond(c, await showBallot(deps, c.var.actor, { ballotId: c.req.param('bid') })))
    .patch('/:bid', ...session, jsonBody((body) => valid(parseBallotRuleChange(body))), async (c) =>
      respond(c, await updateBallotRule(deps, c.var.actor, { ballotId: c.req.param('bid'), rule: c.req.valid('json').rule })),
    )
    .delete('/:bid', ...session, async (c) => respondEmpty(c, await deleteBallot(deps, c.var.actor, { ballotId: c.req.param('bid') })))
    .post('/:bid/open', ...session, optionalJsonBody((body) => valid(parseOpenBallot(body))), async (c) =>
      respond(c, await openBallot(deps, c.var.actor, { ballotId: c.req.param('bid'), ...c.req.valid('json') })),
    )
    .post('/:bid/close', ...session, async (c) => respond(c, await closeBallot(deps, c.var.actor, { ballotId: c.req.param('bid') })))
    .post('/:bid/publish', ...session, async (c) => respond(c, await publishBallot(deps, c.var.actor, { ballotId: c.req.param('bid') })))
    .put('/:bid/room-count', ...session, jsonBody((body) => valid(parseRoomCount(body))), async (c) =>
      respond(c, await recordRoomCount(deps, c.var.actor, { ballotId: c.req.param('bid'), ...c.req.valid('json') })),
    )
    .post('/:bid/votes', ...session, jsonBody((body) => valid(parseCastVote(body))), async (c) =>
      respond(c, await castVote(deps, c.var.actor, { ballotId: c.req.param('bid'), ...c.req.valid('json') })),
    )
    .get('/:bid/me', ...session, async (c) => respond(c, await myBallot(deps, c.var.actor, { ballotId: c.req.param('bid') })))
    .get('/:bid/participation', ...session, async (c) => respond(c, await ballotParticipation(deps, c.var.actor, { ballotId: c.req.param('bid') })))
    .get('/:bid/result', ...session, async (c) => respond(c, await ballotResult(deps, c.var.actor, { ballotId: c.req.param('bid') })))
    .get('/:bid/board', ...session, async (c) => respond(c, await ballotBoard(deps, c.var.actor, { ballotId: c.req.param('bid') })))
}

/** `/api/congresses/:id/…`: the congress's ballots, their results table, and its default rule. */
export function congressBallotRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/ballots', ...session, async (c) => respond(c, await listBallots(deps, c.var.actor, { congressId: c.req.param('id') })))
    .get('/:id/results.csv', ...session, async (c) => {
      const csv = await resultsCsv(deps, c.var.actor, { congressId: c.req.param('id') })
      if (!csv.ok) throw csv.error
      return c.body(csv.value, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="resultats-des-scrutins.csv"' })
    })
    .get('/:id/ballot-rule', ...session, async (c) => respond(c, await ballotRuleTemplate(deps, c.var.actor, { congressId: c.req.param('id') })))
    .put('/:id/ballot-rule', ...session, jsonBody((body) => valid(parseBallotRule(body))), async (c) =>
      respond(c, await setDefaultRule(deps, c.var.actor, { congressId: c.req.param('id'), rule: c.req.valid('json') })),
    )
}
