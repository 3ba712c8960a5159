import { Hono } from 'hono'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { hashToken } from '../ids.ts'
import { presentMyActivity } from '../presenters/my-activity.ts'
import { validParams } from '../validate.ts'

/** `/api/congresses/:id/me/…`: what a participant sees of their own account. */
export function activityRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/:id/me/activity', validParams, requireSession(deps), async (c) =>
    respond(c, await presentMyActivity(deps, c.var.actor, { congressId: c.req.param('id'), currentSessionHash: hashToken(c.var.token) })),
  )
}
