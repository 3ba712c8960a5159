import { createMiddleware } from 'hono/factory'
import type { Actor } from '../../shared/permissions.ts'
import { refusal, type Action } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { fail } from '../domain-error.ts'
import type { AppDeps, AppEnv } from '../env.ts'

/**
 * Throws unless the permissions table allows `action` to the actor's role in the congress's
 * current phase: 403 for another congress or a role that never may, 409 for a phase that forbids.
 */
export function requireAllowed(deps: Pick<AppDeps, 'hub'>, actor: Actor, congressId: string, action: Action): void {
  requireAllowedInPhase(actor, congressId, deps.hub.phaseOf(congressId), action)
}

/** The same, against a phase the caller read (from the database, inside a decision's transaction). */
export function requireAllowedInPhase(actor: Actor, congressId: string, phase: Phase, action: Action): void {
  if (actor.congressId !== congressId) throw fail('forbidden', { reason: 'congress' }, 'Votre code d’accès ne concerne pas ce congrès.')
  const refused = refusal({ role: actor.role, phase, action })
  if (refused === 'phase') throw fail('phase_forbids', { phase }, 'La phase actuelle du congrès ne le permet pas.')
  if (refused === 'role') throw fail('forbidden', { reason: 'role' }, 'Votre rôle ne le permet pas.')
}

/** `requireAllowed` as middleware, for routes whose `:id` is the congress. Run after requireSession. */
export function authorize(deps: AppDeps, action: Action) {
  return createMiddleware<AppEnv>(async (c, next) => {
    requireAllowed(deps, c.var.actor, c.req.param('id') ?? '', action)
    await next()
  })
}
