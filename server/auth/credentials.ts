import { parse as parseCookies } from 'hono/utils/cookie'

export const sessionCookie = 'plenum_session'
export const sessionLifetimeMs = 14 * 24 * 3600 * 1000

/** A session token and where the request carried it: the cookie is the one a browser adds by itself. */
export interface Credential {
  readonly token: string
  readonly via: 'query' | 'bearer' | 'cookie'
}

/**
 * The credential of a request: a non-empty `?token=` first (sync sockets only, where a client such
 * as the stock y-websocket provider cannot set a header), then `Authorization: Bearer`, then the
 * session cookie. An empty or blank `?token=` is no credential: the cookie then is, and callers
 * apply the cross-site check that goes with it. HTTP routes take no token from the URL (`query:
 * false`): a URL ends up in logs, histories and shared links.
 */
export function readCredential(url: URL, headers: { cookie?: string | null; authorization?: string | null }, options: { query?: boolean } = {}): Credential | undefined {
  const query = options.query === false ? undefined : url.searchParams.get('token')?.trim()
  if (query) return { token: query, via: 'query' }
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
  if (bearer) return { token: bearer, via: 'bearer' }
  const cookie = headers.cookie ? parseCookies(headers.cookie, sessionCookie)[sessionCookie] : undefined
  return cookie ? { token: cookie, via: 'cookie' } : undefined
}

/** The session token of an HTTP request: a Bearer header or the cookie, never the URL (see readCredential). */
export function readSessionToken(url: URL, headers: { cookie?: string | null; authorization?: string | null }): string | undefined {
  return readCredential(url, headers, { query: false })?.token
}
