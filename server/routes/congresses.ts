import { Hono } from 'hono'
import { AppError } from '../app-error.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { getCongress } from '../services/congresses.ts'

export function congressRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/:id', requireSession(deps), async (c) => {
    const id = c.req.param('id')
    if (c.var.actor.congressId !== id) {
      throw new AppError(403, 'forbidden', 'Votre code d’accès ne concerne pas ce congrès.')
    }
    return c.json(await getCongress(deps.db, id))
  })
}
