import { Hono } from 'hono'
import { parsePresence, type BadgeCheckInRequest, type ProxyRequest, type RoomCheckInRequest } from '../../shared/requests/ballot-requests.ts'
import { requireSession } from '../auth/require-session.ts'
import { checkInByCode } from '../commands/attendance/check-in-by-code.ts'
import { checkInWithRoomCode } from '../commands/attendance/check-in-with-room-code.ts'
import { markPresence } from '../commands/attendance/mark-presence.ts'
import { recordProxy } from '../commands/attendance/record-proxy.ts'
import { renewRoomCode } from '../commands/attendance/renew-room-code.ts'
import { revokeProxy } from '../commands/attendance/revoke-proxy.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond, respondEmpty } from '../http/respond.ts'
import { attendanceDesk, myCheckIn } from '../presenters/attendance-desk.ts'
import { jsonBody, requireString, valid, validParams } from '../validate.ts'

const proxyBody = jsonBody((body): ProxyRequest => ({ giverId: requireString(body, 'giverId', 64), holderId: requireString(body, 'holderId', 64) }))
const badgeBody = jsonBody((body): BadgeCheckInRequest => ({ code: requireString(body, 'code', 300) }))
const roomCodeBody = jsonBody((body): RoomCheckInRequest => ({ roomCode: requireString(body, 'roomCode', 20) }))

/** `/api/congresses/:id/…`: the check-in desk, self check-in with the room's code, and proxies. */
export function attendanceRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/attendance', ...session, async (c) => respond(c, await attendanceDesk(deps, c.var.actor, { congressId: c.req.param('id') })))
    .put('/:id/attendance/:pid', ...session, jsonBody((body) => valid(parsePresence(body))), async (c) =>
      respond(c, await markPresence(deps, c.var.actor, { congressId: c.req.param('id'), participantId: c.req.param('pid'), present: c.req.valid('json').present })),
    )
    .post('/:id/attendance', ...session, badgeBody, async (c) => respond(c, await checkInByCode(deps, c.var.actor, { congressId: c.req.param('id'), ...c.req.valid('json') })))
    .get('/:id/check-in', ...session, async (c) => respond(c, await myCheckIn(deps, c.var.actor, { congressId: c.req.param('id') })))
    .post('/:id/check-in', ...session, roomCodeBody, async (c) => respond(c, await checkInWithRoomCode(deps, c.var.actor, { congressId: c.req.param('id'), ...c.req.valid('json') })))
    .post('/:id/room-code', ...session, async (c) => respond(c, await renewRoomCode(deps, c.var.actor, { congressId: c.req.param('id') })))
    .post('/:id/proxies', ...session, proxyBody, async (c) => respond(c, await recordProxy(deps, c.var.actor, { congressId: c.req.param('id'), ...c.req.valid('json') }), 201))
    .delete('/:id/proxies/:giverId', ...session, async (c) => respondEmpty(c, await revokeProxy(deps, c.var.actor, { congressId: c.req.param('id'), giverId: c.req.param('giverId') })))
}
