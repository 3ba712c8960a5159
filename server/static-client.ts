import { createHash } from 'node:crypto'
import { createReadStream, readdirSync, readFileSync, statSync, type Stats } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Context, Hono } from 'hono'
import { getMimeType } from 'hono/utils/mime'
import { parse as parseCookies } from 'hono/utils/cookie'
import { appCacheCookie, appScriptName } from '../shared/client-cookies.ts'
import { bootAnswers, bootScript, comesWithApp, preloads, type BootAnswers, type LazyScripts } from './client-boot.ts'
import { policyAllowing } from './security-headers.ts'

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
 * other GET so that a link such as /join/<code> opens the app, which routes it; for a signed-in
 * person, with the answers the page reads first inside it (client-boot.ts).
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
  app.get('*', async (c, next) => {
    const build = currentBuild(root)
    if (!build) return next()
    const cookie = c.req.header('Cookie')
    const get = c.req.method === 'GET'
    const answers = get ? await bootAnswers(app, new URL(c.req.url), cookie) : undefined
    const inside = get && comesWithApp(c.req.path) ? appInside(build, cookie) : undefined
    if (!answers && !inside) return sendFile(c, index, 'no-cache')
    return sendPage(c, build, { answers, links: answers ? preloads(build.lazy, c.req.path, cookie) : [], inside })
  })
}

/** A file of the build carried inside the page: the tag index.html names it with, and the tag that replaces it. */
interface Inside {
  readonly tag: string
  readonly replacement: string
  readonly sha256: string
}

/**
 * What the build's index.html leads to, read once per build (index.html's time): its text, the
 * other scripts by their group's name (vite.config.ts: pages-<hash>.js…), and the app's script and
 * styles to carry inside a page.
 */
interface Build {
  readonly mtimeMs: number
  readonly html: string
  readonly lazy: LazyScripts
  readonly script?: Inside & { readonly name: string }
  readonly style?: Inside
}

let build: Build | undefined

/**
 * The build being served, read again after a build; undefined without index.html. A build being
 * written may name a file not yet (or not wholly) there: then that file is not carried, and what was
 * read is not kept, so that the next request reads again.
 */
function currentBuild(root: string): Build | undefined {
  const stats = fileStats(join(root, 'index.html'))
  if (!stats) return undefined
  if (build?.mtimeMs === stats.mtimeMs) return build
  let complete = true
  const read = (path: string | undefined): string | undefined => {
    const found = path === undefined ? undefined : fileStats(path)
    try {
      const bytes = found ? readFileSync(path!) : undefined
      if (bytes && bytes.length === found!.size) return bytes.toString('utf8')
    } catch {
      // Read below as missing.
    }
    complete = false
    return undefined
  }
  const html = read(join(root, 'index.html'))
  if (html === undefined) return undefined
  const sha256 = (text: string) => createHash('sha256').update(text).digest('base64')
  const [scriptTag, scriptHref] = /<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/.exec(html) ?? []
  const [styleTag, styleHref] = /<link rel="stylesheet"[^>]*\shref="([^"]+)"[^>]*>/.exec(html) ?? []
  const code = scriptHref === undefined ? undefined : read(fileInside(root, scriptHref))
  const css = styleHref === undefined ? undefined : read(fileInside(root, styleHref))
  // Text that could end its element early is not carried inside, nor text the HTML parser would
  // change before the browser checks its digest (a CR becomes LF, a NUL U+FFFD): the page then names the file.
  const unsafe = (text: string, closing: RegExp) => closing.test(text) || /[\r\0]/.test(text)
  const script =
    scriptTag && scriptHref && code !== undefined && !unsafe(code, /<\/script|<!--|<script/i)
      ? { tag: scriptTag, replacement: `<script type="module" data-src="${scriptHref}">${code}</script>`, sha256: sha256(code), name: appScriptName(scriptHref) }
      : undefined
  const style =
    styleTag && styleHref && css !== undefined && !unsafe(css, /<\/style/i) ? { tag: styleTag, replacement: `<style data-href="${styleHref}">${css}</style>`, sha256: sha256(css) } : undefined
  const current = { mtimeMs: stats.mtimeMs, html, lazy: lazyScriptsIn(join(root, 'assets')), script, style }
  if (complete) build = current
  return current
}

/** The build's other scripts and their styles, by their group's name. */
function lazyScriptsIn(assets: string): LazyScripts {
  const files: LazyScripts = {}
  let names: string[] = []
  try {
    names = readdirSync(assets)
  } catch {
    // No assets folder: nothing to name.
  }
  for (const name of names) {
    const [, group, extension] = /^(pages|editor|en)-[\w-]+\.(js|css)$/.exec(name) ?? []
    if (group && extension) files[group as keyof LazyScripts] = { ...files[group as keyof LazyScripts], [extension]: name }
  }
  return files
}

/**
 * The app's script and styles to carry inside the page, for a browser that does not say it has
 * them (client/app-cache.ts sets the cookie once it has): a phone's first visit to the join or vote
 * page then costs one round trip, not two.
 */
function appInside(build: Build, cookie: string | undefined): { readonly script: Inside; readonly style?: Inside } | undefined {
  const { script, style } = build
  if (!script) return undefined
  if (cookie && parseCookies(cookie, appCacheCookie)[appCacheCookie] === script.name) return undefined
  return { script, style }
}

/** The page without anyone's answers, with the app inside, compressed once per build and coding (the join page's first visit). */
const plainPages = new WeakMap<Inside, Map<string, Buffer>>()

/**
 * index.html made for this request: with the answers its page reads first (client-boot.ts) and the
 * scripts it will import at once named in its head, or with the app inside it (appInside), or both.
 * The page is never stored by a cache (no-store) and varies with the cookie. A page with answers is
 * compressed here at a quick brotli level, since it is made for each request; the same page for
 * everyone (no answers) is compressed once, well.
 */
function sendPage(
  c: Context,
  build: Build,
  page: { readonly answers: BootAnswers | undefined; readonly links: readonly string[]; readonly inside: ReturnType<typeof appInside> },
): Response {
  const { script, style } = page.inside ?? {}
  const accepted = acceptedEncodings(c.req.header('Accept-Encoding'))
  const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined
  const make = (best: boolean): Buffer => {
    // Replaced through functions: a replacement string would read `$&` or `$'` in a participant's name as patterns.
    let text = build.html.replace('</head>', () => `${page.links.join('')}</head>`)
    if (page.answers) text = text.replace('</body>', () => `${bootScript(page.answers!)}</body>`)
    for (const inside of [script, style]) if (inside) text = text.replace(inside.tag, () => inside.replacement)
    const html = Buffer.from(text)
    if (encoding === 'br') return brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: best ? 10 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: html.length } })
    return encoding === 'gzip' ? gzipSync(html, { level: best ? 9 : 6 }) : html
  }
  let body: Buffer
  if (script && !page.answers && page.links.length === 0) {
    const bodies = plainPages.get(script) ?? new Map<string, Buffer>()
    plainPages.set(script, bodies)
    body = bodies.get(encoding ?? 'identity') ?? make(true)
    bodies.set(encoding ?? 'identity', body)
  } else {
    body = make(false)
  }
  if (script) c.header('Content-Security-Policy', policyAllowing({ scriptSha256: script.sha256, styleSha256: style?.sha256 }))
  c.header('Content-Type', 'text/html; charset=utf-8')
  c.header('Cache-Control', 'no-store')
  c.header('Vary', 'Accept-Encoding, Cookie')
  if (encoding) c.header('Content-Encoding', encoding)
  c.header('Content-Length', String(body.length))
  return c.body(new Uint8Array(body), 200)
}
