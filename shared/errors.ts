/** Every failure a user can meet, by a code that clients and tests can rely on. */
export type ErrorCode =
  | 'bad_request'
  | 'invalid_rows'
  | 'conflict'
  /** A vote for this person in this ballot is already in the box. */
  | 'already_voted'
  /** The ballot is not open (yet, or any more) by the server's clock. */
  | 'ballot_closed'
  | 'phase_forbids'
  | 'rate_limited'
  | 'invalid_code'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'payload_too_large'
  /** The freeze could not render, sign or write the seal: nothing was frozen, the phase is unchanged. */
  | 'seal_failed'
  /** A text differs from the one its ballot was opened on (changed behind the app): the seal refuses it. */
  | 'voted_text_changed'
  /** A ballot is open: the phase does not change until it is closed. */
  | 'ballot_open'
  /** The text was put to the vote: it no longer changes (no edit, no merge). */
  | 'text_voted'
  | 'internal'

/** One problem of an imported row: the line (or item) and the field. */
export interface ErrorDetail {
  readonly line: number
  readonly field: string
  readonly message: string
}

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details?: readonly ErrorDetail[] }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}
