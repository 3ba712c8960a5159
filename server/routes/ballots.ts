import { Hono } from 'hono'
import { AppError } from '../app-error.ts'
import { authorize, requireAllowed } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { parseBallotRule } from '../../shared/ballots/ballot-rule-input.ts'
import { jsonBody, optionalJsonBody, valid, validParams } from '../validate.ts'
import { ballotResultsCsv } from '../services/ballot-results-csv.ts'
import { board, ballotView, listBallots, loadBallot, myBallot, participation, requireResultVisible } from '../services/ballot-views.ts'
import {
  closeBallot,
  congressRule,
  createBallot,
  deleteBallot,
  maxBallotSeconds,
  openBallot,
  parseSubject,
  publishBallot,
  setCongressRule,
  updateBallotRule,
} from '../services/ballots.ts'
import { castVote, parseVote } from '../services/votes.ts'

function parseDuration(body: Record<string, unknown>): number | undefined {
  const value = body.durationSeconds
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 10 || value > maxBallotSeconds) {
    throw new AppError(400, 'bad_request', `Champ « durationSeconds » : un nombre entier de secondes entre 10 et ${maxBallotSeconds}.`)
  }
  return value
}

/** A change to a draft ballot's rule: some of its fields, checked against the rule they change. */
const rulePatchBody = jsonBody((body) => {
  const { rule } = body
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) throw new AppError(400, 'bad_request', 'Champ « rule » : un objet avec les éléments de la règle à changer.')
  return rule as Record<string, unknown>
})
const newBallotBody = jsonBody((body) => {
  if (typeof body.congressId !== 'string') throw new AppError(400, 'bad_request', 'Champ « congressId » : l’identifiant du congrès.')
  return { congressId: body.congressId, subject: parseSubject(body.subject), rule: body.rule }
})

/** `/api/ballots/…`: a ballot's life, its votes, and what it shows to whom. */
export function ballotRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .post('/', ...session, newBallotBody, async (c) => {
      const { congressId, subject, rule } = c.req.valid('json')
      return c.json(await createBallot(deps, c.var.actor, congressId, subject, rule), 201)
    })
    .get('/:bid', ...session, async (c) => {
      const row = await loadBallot(deps, c.var.actor, c.req.param('bid'))
      requireAllowed(deps, c.var.actor, row.congress_id, 'congress.read')
      return c.json(await ballotView(deps, row, c.var.actor.role))
    })
    .patch('/:bid', ...session, rulePatchBody, async (c) => c.json(await updateBallotRule(deps, c.var.actor, c.req.param('bid'), c.req.valid('json'))))
    .delete('/:bid', ...session, async (c) => {
      await deleteBallot(deps, c.var.actor, c.req.param('bid'))
      return c.body(null, 204)
    })
    .post('/:bid/open', ...session, optionalJsonBody(parseDuration), async (c) => c.json(await openBallot(deps, c.var.actor, c.req.param('bid'), c.req.valid('json'))))
    .post('/:bid/close', ...session, async (c) => c.json(await closeBallot(deps, c.var.actor, c.req.param('bid'))))
    .post('/:bid/publish', ...session, async (c) => c.json(await publishBallot(deps, c.var.actor, c.req.param('bid'))))
    .post('/:bid/votes', ...session, jsonBody(parseVote), async (c) => c.json(await castVote(deps, c.var.actor, c.req.param('bid'), c.req.valid('json'))))
    .get('/:bid/me', ...session, async (c) => {
      const row = await loadBallot(deps, c.var.actor, c.req.param('bid'))
      requireAllowed(deps, c.var.actor, row.congress_id, 'congress.read')
      return c.json(await myBallot(deps, c.var.actor, row))
    })
    .get('/:bid/participation', ...session, async (c) => {
      const row = await loadBallot(deps, c.var.actor, c.req.param('bid'))
      requireAllowed(deps, c.var.actor, row.congress_id, 'ballot.manage')
      return c.json(await participation(deps, row))
    })
    .get('/:bid/result', ...session, async (c) => {
      const row = await loadBallot(deps, c.var.actor, c.req.param('bid'))
      requireAllowed(deps, c.var.actor, row.congress_id, 'congress.read')
      requireResultVisible(row, c.var.actor.role)
      const ballot = await ballotView(deps, row, c.var.actor.role)
      return c.json({ ballot, result: ballot.result })
    })
    .get('/:bid/board', ...session, async (c) => {
      const row = await loadBallot(deps, c.var.actor, c.req.param('bid'))
      requireAllowed(deps, c.var.actor, row.congress_id, 'congress.read')
      requireResultVisible(row, c.var.actor.role)
      return c.json(await board(deps, row))
    })
}

/** `/api/congresses/:id/…`: the congress's ballots, their results table, and its default rule. */
export function congressBallotRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/ballots', ...session, authorize(deps, 'congress.read'), async (c) => c.json({ ballots: await listBallots(deps, c.req.param('id'), c.var.actor.role) }))
    .get('/:id/results.csv', ...session, authorize(deps, 'audit.read'), async (c) => {
      const csv = ballotResultsCsv(await listBallots(deps, c.req.param('id'), c.var.actor.role))
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="resultats-des-scrutins.csv"' })
    })
    .get('/:id/ballot-rule', ...session, authorize(deps, 'congress.read'), async (c) => c.json(await congressRule(deps.db, c.req.param('id'))))
    .put('/:id/ballot-rule', ...session, jsonBody((body) => valid(parseBallotRule(body))), async (c) => c.json(await setCongressRule(deps, c.var.actor, c.req.param('id'), c.req.valid('json'))))
}
