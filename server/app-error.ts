import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorCode, ErrorDetail } from '../shared/errors.ts'

/** Codes of the first wave, too coarse for a client to say: each goes as its area becomes commands. */
type LegacyCode = 'already_voted' | 'conflict' | 'not_found' | 'ballot_closed' | 'ballot_open' | 'text_voted' | 'voted_text_changed' | 'seal_failed'

/** Legacy: an expected failure with its status. Replaced by DomainError (domain-error.ts) area by area. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode | LegacyCode,
    message: string,
    readonly details?: readonly ErrorDetail[],
  ) {
    super(message)
    this.name = 'AppError'
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } }
  }
}
