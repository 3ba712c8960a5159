import type { Phase } from '../phases.ts'
import type { ErrorKinds } from './error-kind.ts'

/** Failures any route can meet: input, sign-in, the permissions table, limits. */
export interface CommonErrorParams {
  /** A body, a query or a path parameter is not what the route takes; `details` names the fields. */
  bad_request: { readonly field?: string }
  /** Rows of an import are wrong; `details` names each line and field. */
  invalid_rows: { readonly count: number }
  unauthenticated: {}
  /** No live participant has this code (unknown, revoked or mistyped). */
  invalid_code: {}
  /**
   * `congress`: the session belongs to another congress; `role`: the role never may; `cross_site`:
   * a write sent from another site.
   */
  forbidden: { readonly reason: 'congress' | 'role' | 'cross_site' }
  /** The congress's current phase does not allow it (another phase would). */
  phase_forbids: { readonly phase: Phase }
  payload_too_large: { readonly maxBytes: number }
  /** No such address in the API. */
  route_not_found: {}
  /** The shared count of sign-in or room code attempts (Redis) cannot be reached: refused, try again soon. */
  rate_limit_unavailable: {}
  internal: {}
}

export const commonErrorKinds = {
  bad_request: 'invalid',
  invalid_rows: 'invalid',
  unauthenticated: 'unauthenticated',
  invalid_code: 'unauthenticated',
  forbidden: 'forbidden',
  phase_forbids: 'conflict',
  payload_too_large: 'too_large',
  route_not_found: 'not_found',
  rate_limit_unavailable: 'unavailable',
  internal: 'failed',
} as const satisfies ErrorKinds<CommonErrorParams>
