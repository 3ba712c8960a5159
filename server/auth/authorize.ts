import { createMiddleware } from 'hono/factory'
import { refusal, type Action } from '../../shared/permissions.ts'
import { AppError } from '../app-error.ts'
import type { AppDeps, AppEnv } from '../env.ts'

/**
 * Lets the request through only if the permissions table allows `action` to the session's role
 * in the congress's current phase. The congress is the route's `:id`. Run after requireSession.
 */
export function authorize(deps: AppDeps, action: Action) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { actor } = c.var
    const congressId = c.req.param('id')
    if (!congressId || actor.congressId !== congressId) {
      throw new AppError(403, 'forbidden', 'Votre code d’accès ne concerne pas ce congrès.')
    }
    const phase = deps.hub.phaseOf(congressId)
    const refused = refusal({ role: actor.role, phase, action })
    if (refused === 'phase') throw new AppError(409, 'phase_forbids', 'La phase actuelle du congrès ne le permet pas.')
    if (refused === 'role') throw new AppError(403, 'forbidden', 'Votre rôle ne le permet pas.')
    await next()
  })
}
