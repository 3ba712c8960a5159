import { Hono } from 'hono'
import { AppError } from '../app-error.ts'
import { createLoginRateLimit } from '../auth/login-rate-limit.ts'
import { authorize } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { jsonBody, requireString, validParams } from '../validate.ts'
import { attendance, checkInWithRoomCode, isPresent, markPresence, markPresentByCode, recordProxy, renewRoomCode, revokeProxy } from '../services/attendance.ts'

const presentBody = jsonBody((body) => {
  if (typeof body.present !== 'boolean') throw new AppError(400, 'bad_request', 'Champ « present » : doit valoir true ou false.')
  return body.present
})
const proxyBody = jsonBody((body) => ({ giverId: requireString(body, 'giverId', 64), holderId: requireString(body, 'holderId', 64) }))

/** `/api/congresses/:id/…`: the check-in desk, self check-in with the room's code, and proxies. */
export function attendanceRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  // Six digits are quick to type and quick to guess: a participant gets a few tries a minute.
  const roomCodeTries = createLoginRateLimit({ maxFailures: 5, windowMs: 60_000 })
  return new Hono<AppEnv>()
    .get('/:id/attendance', ...session, async (c) => c.json(await attendance(deps, c.var.actor, c.req.param('id'))))
    .put('/:id/attendance/:pid', ...session, presentBody, async (c) => {
      return c.json(await markPresence(deps, c.var.actor, c.req.param('id'), c.req.param('pid'), c.req.valid('json')))
    })
    .post('/:id/attendance', ...session, jsonBody((body) => requireString(body, 'code', 300)), async (c) => c.json(await markPresentByCode(deps, c.var.actor, c.req.param('id'), c.req.valid('json'))))
    .get('/:id/check-in', ...session, authorize(deps, 'congress.read'), async (c) => c.json({ present: await isPresent(deps.db, c.var.actor.participantId) }))
    .post('/:id/check-in', ...session, jsonBody((body) => requireString(body, 'roomCode', 20)), async (c) => {
      const { participantId } = c.var.actor
      const now = deps.clock()
      const wait = roomCodeTries.retryAfter(participantId, now)
      if (wait > 0) throw new AppError(429, 'rate_limited', `Trop d’essais : réessayez dans ${Math.ceil(wait / 1000)} secondes.`)
      const code = c.req.valid('json')
      try {
        await checkInWithRoomCode(deps, c.var.actor, c.req.param('id'), code)
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_code') roomCodeTries.failed(participantId, now)
        throw error
      }
      roomCodeTries.succeeded(participantId)
      return c.json({ present: true })
    })
    .post('/:id/room-code', ...session, async (c) => c.json({ roomCode: await renewRoomCode(deps, c.var.actor, c.req.param('id')) }))
    .post('/:id/proxies', ...session, proxyBody, async (c) => {
      const { giverId, holderId } = c.req.valid('json')
      await recordProxy(deps, c.var.actor, c.req.param('id'), giverId, holderId)
      return c.json({ giverId, holderId }, 201)
    })
    .delete('/:id/proxies/:giverId', ...session, async (c) => {
      await revokeProxy(deps, c.var.actor, c.req.param('id'), c.req.param('giverId'))
      return c.body(null, 204)
    })
}
