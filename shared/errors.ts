/** Every failure a user can meet, by a code that clients and tests can rely on. */
export type ErrorCode =
  | 'bad_request'
  | 'invalid_code'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'payload_too_large'
  | 'internal'

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}
