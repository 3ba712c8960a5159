import { Hono } from 'hono'
import { isPhase } from '../../shared/phases.ts'
import { AppError } from '../app-error.ts'
import { authorize } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { jsonBody, requireString, validParams } from '../validate.ts'
import { listAudit } from '../services/audit.ts'
import { getCongress } from '../services/congresses.ts'
import { changePhase } from '../commands/congress/change-phase.ts'
import { respond } from '../http/respond.ts'
import { congressPresence } from '../services/presence.ts'
import { participantRoutes } from './participants.ts'
import { structureRoutes } from './structure.ts'

const phaseBody = jsonBody((body) => {
  const phase = requireString(body, 'phase', 20)
  if (!isPhase(phase)) throw new AppError(400, 'bad_request', `Phase inconnue : « ${phase} ».`)
  return { phase }
})

export function congressRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id', ...session, authorize(deps, 'congress.read'), async (c) => c.json(await getCongress(deps.db, c.req.param('id'))))
    .post('/:id/phase', ...session, phaseBody, async (c) => respond(c, await changePhase(deps, c.var.actor, { congressId: c.req.param('id'), phase: c.req.valid('json').phase })))
    .get('/:id/audit', ...session, authorize(deps, 'audit.read'), async (c) => c.json({ entries: await listAudit(deps.db, c.req.param('id')) }))
    .get('/:id/presence', ...session, authorize(deps, 'congress.read'), async (c) => c.json(await congressPresence(deps, c.req.param('id'))))
    .route('/:id/participants', participantRoutes(deps))
    .route('/', structureRoutes(deps))
}
