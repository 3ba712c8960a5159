import { Hono } from 'hono'
import { parsePhaseChange, parsePhaseRevert } from '../../shared/requests/congress-requests.ts'
import { requireSession } from '../auth/require-session.ts'
import { changePhase } from '../commands/congress/change-phase.ts'
import { revertPhase } from '../commands/congress/revert-phase.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { respondCsv } from '../http/respond-csv.ts'
import { presentAuditCsv } from '../presenters/audit-csv.ts'
import { presentAuditList } from '../presenters/audit-list.ts'
import { presentPresence } from '../presenters/congress-presence.ts'
import { presentCongress } from '../presenters/congress-view.ts'
import { presentDashboard } from '../presenters/dashboard.ts'
import { presentMotion } from '../presenters/motion-view.ts'
import { jsonBody, valid, validParams } from '../validate.ts'
import { participantRoutes } from './participants.ts'
import { recordRoutes } from './record.ts'
import { structureRoutes } from './structure.ts'

const phaseBody = jsonBody((body) => valid(parsePhaseChange(body)))
const revertBody = jsonBody((body) => valid(parsePhaseRevert(body)))

export function congressRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id', ...session, async (c) => respond(c, await presentCongress(deps, c.var.actor, { congressId: c.req.param('id') })))
    .post('/:id/phase', ...session, phaseBody, async (c) => respond(c, await changePhase(deps, c.var.actor, { congressId: c.req.param('id'), phase: c.req.valid('json').phase })))
    .post('/:id/phase/revert', ...session, revertBody, async (c) =>
      respond(c, await revertPhase(deps, c.var.actor, { congressId: c.req.param('id'), reason: c.req.valid('json').reason })),
    )
    .get('/:id/dashboard', ...session, async (c) => respond(c, await presentDashboard(deps, c.var.actor, { congressId: c.req.param('id') })))
    .get('/:id/audit', ...session, async (c) => respond(c, await presentAuditList(deps, c.var.actor, { congressId: c.req.param('id') })))
    .get('/:id/audit.csv', ...session, async (c) => respondCsv(c, await presentAuditCsv(deps, c.var.actor, { congressId: c.req.param('id') }), 'journal-des-decisions.csv'))
    .get('/:id/motion', ...session, async (c) => respond(c, await presentMotion(deps, c.var.actor, { congressId: c.req.param('id') })))
    .get('/:id/presence', ...session, async (c) => respond(c, await presentPresence(deps, c.var.actor, { congressId: c.req.param('id') })))
    .route('/:id/participants', participantRoutes(deps))
    .route('/', recordRoutes(deps))
    .route('/', structureRoutes(deps))
}
