import { type AmendmentErrorParams, amendmentErrorKinds } from './errors/amendment-errors.ts'
import { type BallotErrorParams, ballotErrorKinds } from './errors/ballot-errors.ts'
import { type CommonErrorParams, commonErrorKinds } from './errors/common-errors.ts'
import { type CongressErrorParams, congressErrorKinds } from './errors/congress-errors.ts'
import type { ErrorKind } from './errors/error-kind.ts'
import { type FloorErrorParams, floorErrorKinds } from './errors/floor-errors.ts'
import { type HistoryErrorParams, historyErrorKinds } from './errors/history-errors.ts'
import { type SealErrorParams, sealErrorKinds } from './errors/seal-errors.ts'
import { isFieldProblem, type FieldProblem } from './parsed.ts'

export type { ErrorKind } from './errors/error-kind.ts'

/**
 * Every failure a user can meet, by a code that clients and tests can rely on, with the parameters
 * a client needs to say it in its own language (client/i18n/errors/). Each area declares its codes
 * in shared/errors/<area>-errors.ts.
 */
export type ErrorParams = CommonErrorParams & CongressErrorParams & AmendmentErrorParams & BallotErrorParams & SealErrorParams & FloorErrorParams & HistoryErrorParams
export type ErrorCode = keyof ErrorParams

/** One error as data: its code and that code's parameters, side by side ({code:'ballot_closed', ballotId}). */
export type ErrorInfo = { readonly [K in ErrorCode]: { readonly code: K } & Readonly<ErrorParams[K]> }[ErrorCode]
export type ErrorOf<K extends ErrorCode> = Extract<ErrorInfo, { code: K }>

export const errorKinds: { readonly [K in ErrorCode]: ErrorKind } = {
  ...commonErrorKinds,
  ...congressErrorKinds,
  ...amendmentErrorKinds,
  ...ballotErrorKinds,
  ...sealErrorKinds,
  ...floorErrorKinds,
  ...historyErrorKinds,
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorKinds, value)
}

/** One problem of the input: the field, and for imported rows the line. */
export type ErrorDetail = FieldProblem

/**
 * The body of every failed answer. `message` is the server's French sentence, for API users; the
 * client says the code in the reader's language.
 */
export interface ErrorBody {
  readonly error: ErrorInfo & { readonly message: string; readonly details?: readonly ErrorDetail[] }
}

/** An ErrorBody with a code this client knows and well-formed details (a newer server's code is not one). */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const { error } = value
  if (typeof error !== 'object' || error === null || !('code' in error) || !isErrorCode(error.code)) return false
  if (!('message' in error) || typeof error.message !== 'string') return false
  return !('details' in error) || error.details === undefined || (Array.isArray(error.details) && error.details.every(isFieldProblem))
}
