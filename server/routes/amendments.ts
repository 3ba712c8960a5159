import { Hono } from 'hono'
import { validator } from 'hono/validator'
import { parseDecision, parseJustification, parseRuling, parseStatusFilter } from '../../shared/amendments/amendment-input.ts'
import { AppError } from '../app-error.ts'
import { authorize, requireAllowed } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { jsonBody, valid, validParams } from '../validate.ts'
import { getAmendment, listAmendments } from '../services/amendment-views.ts'
import {
  acceptCosigner,
  cosignAmendment,
  decideAmendment,
  fileAmendment,
  mergeAmendment,
  removeCosigner,
  ruleAmendment,
  submitAmendment,
  updateJustification,
  withdrawAmendment,
} from '../services/amendments.ts'

const statusQuery = validator('query', (query: Record<string, string | string[]>) => {
  const status = query.status
  return valid(parseStatusFilter(Array.isArray(status) ? status.join(',') : status))
})
const optionalJustification = jsonBody((body) => valid(parseJustification(body, false)))

/** `/api/congresses/:id/…`: the congress's amendments, and filing on its preamble. */
export function congressAmendmentRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/amendments', ...session, authorize(deps, 'congress.read'), statusQuery, async (c) =>
      c.json({ amendments: await listAmendments(deps, c.req.param('id'), { statuses: c.req.valid('query') }) }),
    )
    .post('/:id/preamble/amendments', ...session, optionalJustification, async (c) => {
      return c.json(await fileAmendment(deps, c.var.actor, { preambleOf: c.req.param('id') }, c.req.valid('json')), 201)
    })
}

/** `/api/proposals/:id/amendments`: filing on a proposal, and its amendments. */
export function proposalAmendmentRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .post('/:pid/amendments', ...session, optionalJustification, async (c) => {
      return c.json(await fileAmendment(deps, c.var.actor, { proposalId: c.req.param('pid') }, c.req.valid('json')), 201)
    })
    .get('/:pid/amendments', ...session, statusQuery, async (c) => {
      const { actor } = c.var
      requireAllowed(deps, actor, actor.congressId, 'congress.read')
      const proposal = await deps.db.selectFrom('proposals').select('doc_name').where('id', '=', c.req.param('pid')).where('congress_id', '=', actor.congressId).executeTakeFirst()
      if (!proposal) throw new AppError(404, 'not_found', 'Cette proposition n’existe pas.')
      return c.json({ amendments: await listAmendments(deps, actor.congressId, { targetDoc: proposal.doc_name, statuses: c.req.valid('query') }) })
    })
}

/** `/api/amendments/:aid/…`: one amendment's life, each step checked against its role, phase and authors. */
export function amendmentRoutes(deps: AppDeps) {
  const ok = { ok: true as const }
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:aid', ...session, async (c) => {
      const { actor } = c.var
      requireAllowed(deps, actor, actor.congressId, 'congress.read')
      return c.json(await getAmendment(deps, actor.congressId, c.req.param('aid')))
    })
    .patch('/:aid', ...session, jsonBody((body) => valid(parseJustification(body, true))), async (c) => {
      await updateJustification(deps, c.var.actor, c.req.param('aid'), c.req.valid('json'))
      return c.json(ok)
    })
    .post('/:aid/submit', ...session, async (c) => {
      await submitAmendment(deps, c.var.actor, c.req.param('aid'))
      return c.json(ok)
    })
    .post('/:aid/withdraw', ...session, async (c) => {
      await withdrawAmendment(deps, c.var.actor, c.req.param('aid'))
      return c.json(ok)
    })
    .post('/:aid/cosign', ...session, async (c) => {
      await cosignAmendment(deps, c.var.actor, c.req.param('aid'))
      return c.json(ok)
    })
    .post('/:aid/cosigners/:pid/accept', ...session, async (c) => {
      await acceptCosigner(deps, c.var.actor, c.req.param('aid'), c.req.param('pid'))
      return c.json(ok)
    })
    .delete('/:aid/cosigners/:pid', ...session, async (c) => {
      await removeCosigner(deps, c.var.actor, c.req.param('aid'), c.req.param('pid'))
      return c.json(ok)
    })
    .post('/:aid/ruling', ...session, jsonBody((body) => valid(parseRuling(body))), async (c) => {
      const { admissible, reason } = c.req.valid('json')
      await ruleAmendment(deps, c.var.actor, c.req.param('aid'), admissible, reason)
      return c.json(ok)
    })
    .post('/:aid/decision', ...session, jsonBody((body) => valid(parseDecision(body))), async (c) => {
      return c.json({ status: await decideAmendment(deps, c.var.actor, c.req.param('aid'), c.req.valid('json')) })
    })
    .post('/:aid/merge', ...session, async (c) => {
      await mergeAmendment(deps, c.var.actor, c.req.param('aid'))
      return c.json(ok)
    })
}
