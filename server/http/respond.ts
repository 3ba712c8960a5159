import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { JSONValue } from 'hono/utils/types'
import type { Result } from '../../shared/result.ts'
import type { DomainError } from '../domain-error.ts'

/**
 * A route's last step: the command's view as JSON, or its error thrown to app.onError, which
 * answers with the code's status (error-status.ts) and its ErrorBody. Typed so that hc<AppType>
 * sees the view.
 */
export function respond<C extends Context, T extends JSONValue | object, S extends ContentfulStatusCode = 200>(c: C, result: Result<T, DomainError>, status?: S) {
  if (!result.ok) throw result.error
  return c.json(result.value, status ?? (200 as S))
}

/** For commands that answer nothing: 204. */
export function respondEmpty<C extends Context>(c: C, result: Result<unknown, DomainError>) {
  if (!result.ok) throw result.error
  return c.body(null, 204)
}
