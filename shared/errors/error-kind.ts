/**
 * What kind of failure an error code is. The server turns a kind into an HTTP status
 * (server/http/error-status.ts); a client that does not know a code can still tell its kind.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'rate_limited' | 'unavailable' | 'failed'

/** The parameters each code of an area carries, and its kind: one record per area. */
export type ErrorKinds<Params> = { readonly [K in keyof Params]: ErrorKind }
