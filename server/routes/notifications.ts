import { Hono } from 'hono'
import { parseNotificationsRead } from '../../shared/requests/notification-requests.ts'
import type { NotificationsReadRequest } from '../../shared/requests/notification-requests.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { markNotificationsRead } from '../notifications/mark-read.ts'
import { myNotifications } from '../notifications/notification-list.ts'
import { jsonBody, valid, validParams } from '../validate.ts'

/** `/api/congresses/:id/notifications`: mine, and how far I have read them. */
export function notificationRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/notifications', ...session, async (c) => respond(c, await myNotifications(deps, c.var.actor, { congressId: c.req.param('id') })))
    .post('/:id/notifications/read', ...session, jsonBody((body): NotificationsReadRequest => valid(parseNotificationsRead(body))), async (c) =>
      respond(c, await markNotificationsRead(deps, c.var.actor, { congressId: c.req.param('id'), upTo: c.req.valid('json').upTo })),
    )
}
