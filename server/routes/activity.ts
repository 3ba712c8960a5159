import { Hono } from 'hono'
import { authorize } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { hashToken } from '../ids.ts'
import { myActivity } from '../services/activity.ts'
import { validParams } from '../validate.ts'

/** `/api/congresses/:id/me/…`: what a participant sees of their own account. */
export function activityRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/:id/me/activity', validParams, requireSession(deps), authorize(deps, 'activity.own'), async (c) =>
    c.json(await myActivity(deps.db, c.var.actor.participantId, hashToken(c.var.token))),
  )
}
