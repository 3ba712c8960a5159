import type { ErrorBody, ErrorCode, ErrorDetail, ErrorInfo, ErrorParams } from '../shared/errors.ts'

/**
 * An expected failure of a command, a presenter or a check: its code with the parameters a client
 * needs to say it, and a French sentence for API users. Commands return it inside their Result;
 * routes turn it into a status (server/http/error-status.ts) and an ErrorBody.
 */
export class DomainError extends Error {
  constructor(
    readonly info: ErrorInfo,
    message: string,
    readonly details?: readonly ErrorDetail[],
  ) {
    super(message)
    this.name = 'DomainError'
  }

  get code(): ErrorCode {
    return this.info.code
  }

  toBody(): ErrorBody {
    return { error: { ...this.info, message: this.message, ...(this.details ? { details: this.details } : {}) } }
  }
}

/** `throw fail('ballot_closed', { ballotId }, 'Le scrutin est clos.')`: the parameters are checked against the code. */
export function fail<K extends ErrorCode>(code: K, params: ErrorParams[K], message: string, details?: readonly ErrorDetail[]): DomainError {
  return new DomainError({ code, ...params } as ErrorInfo, message, details)
}
