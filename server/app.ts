import { floorRoutes } from './routes/floor.ts'
import { historyRoutes } from './routes/history.ts'
import { notificationRoutes } from './routes/notifications.ts'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { DomainError, fail } from './domain-error.ts'
import { statusOf } from './http/error-status.ts'
import { sameOriginWrites } from './auth/same-origin.ts'
import { bodySizeLimit } from './body-size-limit.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { activityRoutes } from './routes/activity.ts'
import { amendmentRoutes, congressAmendmentRoutes, proposalAmendmentRoutes } from './routes/amendments.ts'
import { attendanceRoutes } from './routes/attendance.ts'
import { ballotRoutes, congressBallotRoutes } from './routes/ballots.ts'
import { congressRoutes } from './routes/congresses.ts'
import { eventRoutes } from './routes/events.ts'
import { healthRoutes } from './routes/health.ts'
import { projectorRoutes } from './routes/projector.ts'
import { keyRoutes, sealRoutes } from './routes/seal.ts'
import { sessionRoutes } from './routes/session.ts'
import { securityHeaders } from './security-headers.ts'
import { serveClient } from './static-client.ts'

export function createApp(deps: AppDeps) {
  const api = new Hono<AppEnv>()
    .use(sameOriginWrites())
    .use(bodySizeLimit(256 * 1024))
    .route('/health', healthRoutes())
    .route('/session', sessionRoutes(deps))
    .route('/congresses', congressRoutes(deps))
    .route('/congresses', eventRoutes(deps))
    .route('/congresses', congressAmendmentRoutes(deps))
    .route('/proposals', proposalAmendmentRoutes(deps))
    .route('/amendments', amendmentRoutes(deps))
    .route('/congresses', congressBallotRoutes(deps))
    .route('/congresses', attendanceRoutes(deps))
    .route('/congresses', projectorRoutes(deps))
    .route('/ballots', ballotRoutes(deps))
    .route('/congresses', sealRoutes(deps))
    .route('/congresses', activityRoutes(deps))
    .route('/congresses', floorRoutes(deps))
    .route('/congresses', historyRoutes(deps))
    .route('/congresses', notificationRoutes(deps))
    .route('/keys', keyRoutes(deps))

  const app = new Hono().use(securityHeaders()).route('/api', api)
  app.all('/api/*', () => {
    throw fail('route_not_found', {}, 'Cette adresse de l’API n’existe pas.')
  })
  app.onError((error, c) => {
    if (error instanceof DomainError) return c.json(error.toBody(), statusOf(error.code))
    // Hono's validator refuses a body that is not what its Content-Type says (malformed JSON).
    if (error instanceof HTTPException && error.status === 400) return c.json(fail('bad_request', {}, `Requête mal formée : ${error.message}.`).toBody(), 400)
    console.error(error)
    return c.json({ error: { code: 'internal', message: 'Erreur interne du serveur.' } }, 500)
  })
  if (deps.clientDir) serveClient(app, deps.clientDir)
  return app
}

export type AppType = ReturnType<typeof createApp>
