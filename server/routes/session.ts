import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono } from 'hono'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { SignInRequest } from '../../shared/requests/congress-requests.ts'
import { clientAddress, servedOverHttps } from '../auth/client-address.ts'
import { sessionCookie, sessionLifetimeMs } from '../auth/credentials.ts'
import { deviceLabel } from '../auth/device-label.ts'
import { requireSession } from '../auth/require-session.ts'
import { closeSession } from '../commands/session/close-session.ts'
import { openSession } from '../commands/session/open-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond, respondEmpty } from '../http/respond.ts'
import { jsonBody, requireString } from '../validate.ts'

const forwarded = (c: Context) => ({ forwardedFor: c.req.header('x-forwarded-for'), forwardedProto: c.req.header('x-forwarded-proto') })
const signInBody = jsonBody((body): SignInRequest => ({ code: requireString(body, 'code', 64) }))

/** `/api/session`: sign in with a code (in the body, never the URL), who am I, sign out. */
export function sessionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/', signInBody, async (c) => {
      const attempt = { address: clientAddress(getConnInfo(c).remote.address, forwarded(c)), code: c.req.valid('json').code }
      const session = await openSession(deps, { attempt, device: deviceLabel(c.req.header('user-agent')) })
      if (session.ok) {
        setCookie(c, sessionCookie, session.value.token, {
          httpOnly: true,
          sameSite: 'Lax',
          path: '/',
          secure: servedOverHttps(c.req.url, forwarded(c)),
          maxAge: sessionLifetimeMs / 1000,
        })
      } else if ('retryAfterSeconds' in session.error.info) {
        c.header('Retry-After', String(session.error.info.retryAfterSeconds))
      }
      return respond(c, session)
    })
    .get('/', requireSession(deps), (c) => {
      const { participantId, name, role, congressId } = c.var.actor
      return c.json({ participant: { id: participantId, name, role, congressId } })
    })
    .delete('/', requireSession(deps), async (c) => {
      const closed = await closeSession(deps, c.var.actor, { token: c.var.token })
      if (closed.ok) deleteCookie(c, sessionCookie, { path: '/', secure: servedOverHttps(c.req.url, forwarded(c)) })
      return respondEmpty(c, closed)
    })
}
