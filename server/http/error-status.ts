import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { errorKinds, type ErrorCode, type ErrorKind } from '../../shared/errors.ts'

const statusOfKind: { readonly [K in ErrorKind]: ContentfulStatusCode } = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  failed: 500,
  unavailable: 503,
}

/** The one mapping from an error code to an HTTP status: through the code's kind. */
export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return statusOfKind[errorKinds[code]]
}
