import { parse as parseCookies } from 'hono/utils/cookie'

export const sessionCookie = 'plenum_session'
export const sessionLifetimeMs = 14 * 24 * 3600 * 1000

/**
 * The session token of a request: `?token=` first (the sync socket of a client that holds its
 * token), then `Authorization: Bearer`, then the session cookie.
 */
export function readSessionToken(url: URL, headers: { cookie?: string | null; authorization?: string | null }): string | undefined {
  const query = url.searchParams.get('token')
  if (query) return query
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
  if (bearer) return bearer
  const cookie = headers.cookie ? parseCookies(headers.cookie, sessionCookie)[sessionCookie] : undefined
  return cookie || undefined
}
