import type { Context, MiddlewareHandler, Next } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { fail } from './domain-error.ts'

/**
 * Refuses bodies over `maxSize` bytes with a 413. A declared Content-Length is checked from the
 * header alone (Node's parser never reads past it); only a chunked body goes through Hono's
 * bodyLimit, which must wrap the stream. Hono's middleware reads `c.req.raw.body` first, which
 * makes the Node adapter build a web Request and stream for every call, the cost of a whole
 * vote in a vote storm.
 */
export function bodySizeLimit(maxSize: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw fail('payload_too_large', { maxBytes: maxSize }, 'Requête trop volumineuse.')
  }
  const chunked = bodyLimit({ maxSize, onError: tooLarge })
  return (c: Context, next: Next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const length = c.req.header('content-length')
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return chunked(c, next)
    return Number(length) > maxSize ? tooLarge() : next()
  }
}
