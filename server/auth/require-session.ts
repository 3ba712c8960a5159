import { createMiddleware } from 'hono/factory'
import { fail } from '../domain-error.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { actorForToken } from './actor.ts'
import { readSessionToken } from './credentials.ts'

/** Lets the request through only with a live session; the actor is then `c.var.actor`. */
export function requireSession(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = readSessionToken(new URL(c.req.url), {
      cookie: c.req.header('cookie'),
      authorization: c.req.header('authorization'),
    })
    const actor = await actorForToken(deps.sessions, token, deps.clock())
    if (!token || !actor) throw fail('unauthenticated', {}, 'Connectez-vous avec votre code d’accès.')
    c.set('actor', actor)
    c.set('token', token)
    await next()
  })
}
