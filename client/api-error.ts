import { isErrorBody, type ErrorDetail, type ErrorInfo } from '../shared/errors.ts'

/**
 * A failed API call: the server's error as data (its code and that code's parameters, which
 * describeError says in the reader's language) and, for a refused input, one detail per field or
 * imported line. `message` is the server's French sentence, for logs only: never show it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly info: ErrorInfo | { readonly code: 'network' },
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message)
  }

  get code(): ErrorInfo['code'] | 'network' {
    return this.info.code
  }
}

/** The server could not be reached at all. */
export const networkError = () => new ApiError(0, { code: 'network' }, 'network')

/** The error of a failed answer, from its ErrorBody; an answer without one (a proxy's page) is an internal error. */
export async function errorOf(response: { readonly status: number; readonly statusText: string; json(): Promise<unknown> }): Promise<ApiError> {
  const data: unknown = await response.json().catch(() => undefined)
  if (!isErrorBody(data)) return new ApiError(response.status, { code: 'internal' }, response.statusText)
  const { message, details, ...info } = data.error
  return new ApiError(response.status, info, message, details)
}
