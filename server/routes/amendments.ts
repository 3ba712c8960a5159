import { Hono, type Context } from 'hono'
import { parseDecision, parseJustification, parseRuling, parseStatusFilter } from '../../shared/amendments/amendment-input.ts'
import { AppError } from '../app-error.ts'
import { authorize, requireAllowed } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { readJsonObject, valid } from '../request-body.ts'
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

const statuses = (c: Context<AppEnv>) => valid(parseStatusFilter(c.req.query('status')))

/** `/api/congresses/:id/…`: the congress's amendments, and filing on its preamble. */
export function congressAmendmentRoutes(deps: AppDeps) {
  const session = requireSession(deps)
  return new Hono<AppEnv>()
    .get('/:id/amendments', session, authorize(deps, 'congress.read'), async (c) =>
      c.json({ amendments: await listAmendments(deps, c.req.param('id'), { statuses: statuses(c) }) }),
    )
    .post('/:id/preamble/amendments', session, async (c) => {
      const justification = valid(parseJustification(await readJsonObject(c), false))
      return c.json(await fileAmendment(deps, c.var.actor, { preambleOf: c.req.param('id') }, justification), 201)
    })
}

/** `/api/proposals/:id/amendments`: filing on a proposal, and its amendments. */
export function proposalAmendmentRoutes(deps: AppDeps) {
  const session = requireSession(deps)
  return new Hono<AppEnv>()
    .post('/:pid/amendments', session, async (c) => {
      const justification = valid(parseJustification(await readJsonObject(c), false))
      return c.json(await fileAmendment(deps, c.var.actor, { proposalId: c.req.param('pid') }, justification), 201)
    })
    .get('/:pid/amendments', session, async (c) => {
      const { actor } = c.var
      requireAllowed(deps, actor, actor.congressId, 'congress.read')
      const proposal = await deps.db.selectFrom('proposals').select('doc_name').where('id', '=', c.req.param('pid')).where('congress_id', '=', actor.congressId).executeTakeFirst()
      if (!proposal) throw new AppError(404, 'not_found', 'Cette proposition n’existe pas.')
      return c.json({ amendments: await listAmendments(deps, actor.congressId, { targetDoc: proposal.doc_name, statuses: statuses(c) }) })
    })
}

/** `/api/amendments/:aid/…`: one amendment's life, each step checked against its role, phase and authors. */
export function amendmentRoutes(deps: AppDeps) {
  const ok = { ok: true as const }
  return new Hono<AppEnv>()
    .use(requireSession(deps))
    .get('/:aid', async (c) => {
      const { actor } = c.var
      requireAllowed(deps, actor, actor.congressId, 'congress.read')
      return c.json(await getAmendment(deps, actor.congressId, c.req.param('aid')))
    })
    .patch('/:aid', async (c) => {
      const justification = valid(parseJustification(await readJsonObject(c), true))
      await updateJustification(deps, c.var.actor, c.req.param('aid'), justification)
      return c.json(ok)
    })
    .post('/:aid/submit', async (c) => {
      await submitAmendment(deps, c.var.actor, c.req.param('aid'))
      return c.json(ok)
    })
    .post('/:aid/withdraw', async (c) => {
      await withdrawAmendment(deps, c.var.actor, c.req.param('aid'))
      return c.json(ok)
    })
    .post('/:aid/cosign', async (c) => {
      await cosignAmendment(deps, c.var.actor, c.req.param('aid'))
      return c.json(ok)
    })
    .post('/:aid/cosigners/:pid/accept', async (c) => {
      await acceptCosigner(deps, c.var.actor, c.req.param('aid'), c.req.param('pid'))
      return c.json(ok)
    })
    .delete('/:aid/cosigners/:pid', async (c) => {
      await removeCosigner(deps, c.var.actor, c.req.param('aid'), c.req.param('pid'))
      return c.json(ok)
    })
    .post('/:aid/ruling', async (c) => {
      const { admissible, reason } = valid(parseRuling(await readJsonObject(c)))
      await ruleAmendment(deps, c.var.actor, c.req.param('aid'), admissible, reason)
      return c.json(ok)
    })
    .post('/:aid/decision', async (c) => {
      const outcome = valid(parseDecision(await readJsonObject(c)))
      return c.json({ status: await decideAmendment(deps, c.var.actor, c.req.param('aid'), outcome) })
    })
    .post('/:aid/merge', async (c) => {
      await mergeAmendment(deps, c.var.actor, c.req.param('aid'))
      return c.json(ok)
    })
}
