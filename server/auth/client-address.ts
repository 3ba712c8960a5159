/**
 * Who is on the other end of a request. Behind a reverse proxy every request comes from the proxy,
 * so with TRUST_PROXY=1 (and only then: anyone can send these headers) the client is the address
 * the proxy appended last to X-Forwarded-For, and the scheme is the proxy's X-Forwarded-Proto.
 */
export interface ForwardedHeaders {
  readonly forwardedFor?: string | null
  readonly forwardedProto?: string | null
}

export function trustsProxy(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true'
}

/** The last hop of X-Forwarded-For when a proxy is trusted (the one our proxy saw), else the socket's peer. */
export function clientAddress(socketAddress: string | undefined, headers: ForwardedHeaders, env: NodeJS.ProcessEnv = process.env): string {
  if (trustsProxy(env)) {
    const hops = (headers.forwardedFor ?? '').split(',').map((hop) => hop.trim()).filter(Boolean)
    const last = hops.at(-1)
    if (last) return last
  }
  return socketAddress ?? 'unknown'
}

/** Whether people reach Plenum over HTTPS: PUBLIC_URL says so, or the request, or a trusted proxy. */
export function servedOverHttps(requestUrl: string, headers: ForwardedHeaders, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.PUBLIC_URL?.toLowerCase().startsWith('https:')) return true
  if (new URL(requestUrl).protocol === 'https:') return true
  if (!trustsProxy(env)) return false
  const proto = (headers.forwardedProto ?? '').split(',').map((p) => p.trim().toLowerCase()).filter(Boolean).at(-1)
  return proto === 'https'
}
