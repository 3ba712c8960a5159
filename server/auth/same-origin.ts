import type { MiddlewareHandler } from 'hono'
import { fail } from '../domain-error.ts'

/** The request headers that tell where a browser request comes from. */
export interface OriginHeaders {
  readonly origin?: string | null
  readonly host?: string | null
  readonly secFetchSite?: string | null
}

/**
 * Whether a browser sent this request from another site (or another origin of ours): such a
 * request must not act with the session cookie the browser attaches by itself. Sec-Fetch-Site
 * when the browser sends it, else Origin against the Host and PUBLIC_URL; a request with neither
 * comes from no browser page, so from no other site.
 */
export function isCrossOrigin(headers: OriginHeaders, publicUrl = process.env.PUBLIC_URL): boolean {
  const site = headers.secFetchSite?.toLowerCase()
  if (site) return site !== 'same-origin' && site !== 'none'
  if (!headers.origin) return false
  if (headers.origin === 'null') return true
  let origin: URL
  try {
    origin = new URL(headers.origin)
  } catch {
    return true
  }
  if (publicUrl && new URL(publicUrl).origin === origin.origin) return false
  return origin.host !== headers.host
}

/**
 * Refuses writes (any method but GET, HEAD, OPTIONS) that a browser sent from another site: the
 * session cookie is SameSite=Lax already; this also covers sibling subdomains and login CSRF.
 */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const headers = { origin: c.req.header('origin'), host: c.req.header('host'), secFetchSite: c.req.header('sec-fetch-site') }
      if (isCrossOrigin(headers)) throw fail('forbidden', { reason: 'cross_site' }, 'Requête envoyée depuis un autre site : refusée.')
    }
    await next()
  }
}
