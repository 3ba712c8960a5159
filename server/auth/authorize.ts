import type { Actor } from '../../shared/permissions.ts'
import { refusal, type Action } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { fail } from '../domain-error.ts'

/**
 * Throws unless the permissions table allows `action` to the actor's role in the given phase:
 * 403 for another congress or a role that never may, 409 for a phase that forbids.
 * The command runner's steps.authorize is its one caller.
 */
export function requireAllowedInPhase(actor: Actor, congressId: string, phase: Phase, action: Action): void {
  if (actor.congressId !== congressId) throw fail('forbidden', { reason: 'congress' }, 'Votre code d’accès ne concerne pas ce congrès.')
  const refused = refusal({ role: actor.role, phase, action })
  if (refused === 'phase') throw fail('phase_forbids', { phase }, 'La phase actuelle du congrès ne le permet pas.')
  if (refused === 'role') throw fail('forbidden', { reason: 'role' }, 'Votre rôle ne le permet pas.')
}
