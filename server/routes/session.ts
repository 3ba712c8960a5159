import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono } from 'hono'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { AppError } from '../app-error.ts'
import { clientAddress, servedOverHttps } from '../auth/client-address.ts'
import { sessionCookie, sessionLifetimeMs } from '../auth/credentials.ts'
import { deviceLabel } from '../auth/device-label.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { jsonBody, requireString } from '../validate.ts'
import { closeSession, openSession } from '../services/sessions.ts'

const forwarded = (c: Context) => ({ forwardedFor: c.req.header('x-forwarded-for'), forwardedProto: c.req.header('x-forwarded-proto') })

/** `/api/session`: sign in with a code (in the body, never the URL), who am I, sign out. */
export function sessionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/', jsonBody((body) => requireString(body, 'code', 64)), async (c) => {
      const code = c.req.valid('json')
      const attempt = { address: clientAddress(getConnInfo(c).remote.address, forwarded(c)), code }
      const tooMany = (wait: number) => {
        c.header('Retry-After', String(Math.ceil(wait / 1000)))
        return new AppError(429, 'rate_limited', 'Trop de codes erronés. Réessayez dans quelques minutes.')
      }
      const wait = deps.loginLimit.retryAfter(attempt, deps.clock())
      if (wait > 0) throw tooMany(wait)
      let session
      try {
        session = await openSession(deps.db, code, deviceLabel(c.req.header('user-agent')), deps.clock())
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'invalid_code')) throw error
        const addressWait = deps.loginLimit.failed(attempt, deps.clock())
        throw addressWait > 0 ? tooMany(addressWait) : error
      }
      deps.loginLimit.succeeded(attempt)
      setCookie(c, sessionCookie, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: servedOverHttps(c.req.url, forwarded(c)),
        maxAge: sessionLifetimeMs / 1000,
      })
      return c.json(session)
    })
    .get('/', requireSession(deps), (c) => {
      const { participantId, name, role, congressId } = c.var.actor
      return c.json({ participant: { id: participantId, name, role, congressId } })
    })
    .delete('/', requireSession(deps), async (c) => {
      const tokenHash = await closeSession(deps.db, c.var.token, deps.clock())
      // After the commit: this session's sockets and event streams close now, not at their next check.
      deps.hub.sessionClosed(c.var.actor.congressId, tokenHash)
      deleteCookie(c, sessionCookie, { path: '/', secure: servedOverHttps(c.req.url, forwarded(c)) })
      return c.body(null, 204)
    })
}
