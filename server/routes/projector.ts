import { Hono } from 'hono'
import QRCode from 'qrcode'
import type { ProjectorView } from '../../shared/api-types.ts'
import { AppError } from '../app-error.ts'
import { authorize, requireAllowed } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv, SessionActor } from '../env.ts'
import { publicBase } from '../public-url.ts'
import { jsonBody, validParams } from '../validate.ts'
import { roomCode } from '../services/attendance.ts'
import { ballotView } from '../services/ballot-views.ts'

/** Where a phone in the room goes to vote: what the projector's QR code encodes. */
const joinUrl = (requestUrl: string, congressId: string) => `${publicBase(requestUrl)}/congresses/${encodeURIComponent(congressId)}/vote`

async function projectorView(deps: AppDeps, actor: SessionActor, congressId: string, requestUrl: string): Promise<ProjectorView> {
  const congress = await deps.db.selectFrom('congresses').select(['title', 'projected_ballot_id']).where('id', '=', congressId).executeTakeFirst()
  if (!congress) throw new AppError(404, 'not_found', 'Ce congrès n’existe pas.')
  const row = congress.projected_ballot_id ? await deps.db.selectFrom('ballots').selectAll().where('id', '=', congress.projected_ballot_id).executeTakeFirst() : undefined
  return {
    congressTitle: congress.title,
    ballot: row ? await ballotView(deps, row, actor.role) : null,
    joinUrl: joinUrl(requestUrl, congressId),
    roomCode: await roomCode(deps.db, congressId),
  }
}

const projectedBody = jsonBody((body) => {
  const { ballotId } = body
  if (ballotId !== null && typeof ballotId !== 'string') throw new AppError(400, 'bad_request', 'Champ « ballotId » : l’identifiant d’un scrutin, ou null.')
  return ballotId
})

/** `/api/congresses/:id/…`: the projector on the wall, driven by the bureau, and the QR code it shows. */
export function projectorRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/projector', ...session, authorize(deps, 'projector.show'), async (c) => c.json(await projectorView(deps, c.var.actor, c.req.param('id'), c.req.url)))
    .put('/:id/projector', ...session, projectedBody, async (c) => {
      const congressId = c.req.param('id')
      requireAllowed(deps, c.var.actor, congressId, 'projector.show')
      const ballotId = c.req.valid('json')
      if (ballotId !== null) {
        const ballot = await deps.db.selectFrom('ballots').select('id').where('id', '=', ballotId).where('congress_id', '=', congressId).executeTakeFirst()
        if (!ballot) throw new AppError(404, 'not_found', 'Ce scrutin n’existe pas.')
      }
      await deps.db.updateTable('congresses').set({ projected_ballot_id: ballotId }).where('id', '=', congressId).execute()
      deps.hub.projectorChanged(congressId, ballotId)
      return c.json(await projectorView(deps, c.var.actor, congressId, c.req.url))
    })
    .get('/:id/join-qr.svg', ...session, authorize(deps, 'congress.read'), async (c) => {
      const svg = await QRCode.toString(joinUrl(c.req.url, c.req.param('id')), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'private, max-age=300' })
    })
}
