import { createReadStream, statSync, type Stats } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import type { Context, Hono } from 'hono'
import { getMimeType } from 'hono/utils/mime'

/** The copies the build writes beside a text file (vite.config.ts), in the order they are preferred. */
const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const

function fileStats(path: string): Stats | undefined {
  try {
    const stats = statSync(path)
    return stats.isFile() ? stats : undefined
  } catch {
    return undefined
  }
}

/** The codings the request accepts (RFC 9110 §12.5.3): named, or by `*`, and not with q=0. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>()
  const refused = new Set<string>()
  let star = false
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    if (!name) continue
    const q = params.find((p) => p.startsWith('q='))
    const zero = q !== undefined && Number(q.slice(2)) === 0
    if (name === '*') star = !zero
    else (zero ? refused : accepted).add(name)
  }
  if (star) for (const { name } of encodings) if (!refused.has(name)) accepted.add(name)
  return accepted
}

/** Whether the browser's copy (If-None-Match, else If-Modified-Since) is the one we would send. */
function notModified(c: Context, etag: string, stats: Stats): boolean {
  const ifNoneMatch = c.req.header('If-None-Match')
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  }
  const since = Date.parse(c.req.header('If-Modified-Since') ?? '')
  return !Number.isNaN(since) && Math.floor(stats.mtimeMs / 1000) * 1000 <= since
}

/**
 * Sends one file of the build: its brotli or gzip copy when the browser takes it (br first), with
 * `Vary: Accept-Encoding` whenever there is a choice so that a cache keeps the copies apart; a 304
 * when the browser already has it.
 */
function sendFile(c: Context, path: string, cacheControl: string | undefined): Response {
  let stats = fileStats(path)!
  let sent = path
  let encoding: string | undefined
  const copies = encodings.flatMap((e) => {
    const copy = fileStats(path + e.suffix)
    return copy ? [{ ...e, stats: copy }] : []
  })
  const accepted = acceptedEncodings(c.req.header('Accept-Encoding'))
  const chosen = copies.find((copy) => accepted.has(copy.name))
  if (chosen) {
    stats = chosen.stats
    sent = path + chosen.suffix
    encoding = chosen.name
  }
  const headers: Record<string, string> = {
    'Content-Type': getMimeType(path) ?? 'application/octet-stream',
    // One tag per copy: a cache must not answer a gzip request with the brotli bytes' tag.
    ETag: `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`,
    'Last-Modified': stats.mtime.toUTCString(),
  }
  if (encoding) headers['Content-Encoding'] = encoding
  if (copies.length > 0) headers['Vary'] = 'Accept-Encoding'
  if (cacheControl) headers['Cache-Control'] = cacheControl
  for (const [name, value] of Object.entries(headers)) c.header(name, value)
  if (notModified(c, headers.ETag!, stats)) {
    c.header('Content-Type', undefined)
    c.header('Content-Encoding', undefined)
    return c.body(null, 304)
  }
  c.header('Content-Length', String(stats.size))
  if (c.req.method === 'HEAD') return c.body(null, 200)
  return c.body(Readable.toWeb(createReadStream(sent)) as ReadableStream, 200)
}

/** The file the request path names inside `root`, if it is one: no `..`, no encoded tricks. */
function fileInside(root: string, requestPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /(?:^|\/)\.\.?(?:\/|$)/.test(decoded)) return undefined
  const path = resolve(root, `.${decoded}`)
  if (!path.startsWith(root + sep)) return undefined
  // The copies are served through their original's name only.
  if (encodings.some((e) => path.endsWith(e.suffix))) return undefined
  return fileStats(path) ? path : undefined
}

/**
 * Serves the built client: its files, compressed when the browser accepts it, and index.html for any
 * other GET so that a link such as /join/<code> opens the app, which routes it.
 */
export function serveClient(app: Hono<any>, clientDir: string): void {
  const root = resolve(clientDir)
  const index = join(root, 'index.html')
  app.on(['GET', 'HEAD'], '*', (c, next) => {
    const path = fileInside(root, c.req.path)
    if (path === undefined) return next()
    // Vite names assets by content hash: a changed file has a new name.
    return sendFile(c, path, c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : undefined)
  })
  app.get('*', (c, next) => (fileStats(index) ? sendFile(c, index, 'no-cache') : next()))
}
