import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono } from 'hono'
import { AppError } from '../app-error.ts'
import { deleteCookie, setCookie } from 'hono/cookie'
import { requireSession } from '../auth/require-session.ts'
import { sessionCookie, sessionLifetimeMs } from '../auth/credentials.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { jsonBody, requireString } from '../validate.ts'
import { closeSession, openSession } from '../services/sessions.ts'

export function sessionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/', jsonBody((body) => requireString(body, 'code', 64)), async (c) => {
      const address = getConnInfo(c).remote.address ?? 'unknown'
      const wait = deps.loginLimit.retryAfter(address, deps.clock())
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)))
        throw new AppError(429, 'rate_limited', 'Trop de codes erronés depuis cette adresse. Réessayez dans quelques minutes.')
      }
      const code = c.req.valid('json')
      let session
      try {
        session = await openSession(deps.db, code, deps.clock())
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_code') deps.loginLimit.failed(address, deps.clock())
        throw error
      }
      deps.loginLimit.succeeded(address)
      setCookie(c, sessionCookie, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: sessionLifetimeMs / 1000,
      })
      return c.json(session)
    })
    .get('/', requireSession(deps), (c) => {
      const { participantId, name, role, congressId } = c.var.actor
      return c.json({ participant: { id: participantId, name, role, congressId } })
    })
    .delete('/', requireSession(deps), async (c) => {
      await closeSession(deps.db, c.var.token)
      deleteCookie(c, sessionCookie, { path: '/' })
      return c.body(null, 204)
    })
}
