import { Hono } from 'hono'
import { parseProjectBallot } from '../../shared/requests/ballot-requests.ts'
import { requireSession } from '../auth/require-session.ts'
import { projectBallot } from '../commands/projector/project-ballot.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { joinQrSvg, showProjector } from '../presenters/projector-view.ts'
import { jsonBody, valid, validParams } from '../validate.ts'

/** `/api/congresses/:id/…`: the projector on the wall, driven by the bureau, and the QR code it shows. */
export function projectorRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/projector', ...session, async (c) => respond(c, await showProjector(deps, c.var.actor, { congressId: c.req.param('id'), requestUrl: c.req.url })))
    .put('/:id/projector', ...session, jsonBody((body) => valid(parseProjectBallot(body))), async (c) =>
      respond(c, await projectBallot(deps, c.var.actor, { congressId: c.req.param('id'), requestUrl: c.req.url, ...c.req.valid('json') })),
    )
    .get('/:id/join-qr.svg', ...session, async (c) => {
      const svg = await joinQrSvg(deps, c.var.actor, { congressId: c.req.param('id'), requestUrl: c.req.url })
      if (!svg.ok) throw svg.error
      return c.body(svg.value, 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'private, max-age=300' })
    })
}
