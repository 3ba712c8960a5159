import { readFileSync, readdirSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { acceptedEncodings } from '../../server/static-client.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

// The real build (tests/global-setup.ts runs it): the copies are the ones vite.config.ts writes.
const clientDir = fileURLToPath(new URL('../../dist/client', import.meta.url))

describe('the built client, compressed for the hall’s Wi-Fi', () => {
  let plenum: TestServer
  const scripts = readdirSync(join(clientDir, 'assets')).filter((name) => name.endsWith('.js'))
  // The biggest script: the one a phone waits for.
  const script = scripts.sort((a, b) => readFileSync(join(clientDir, 'assets', b)).length - readFileSync(join(clientDir, 'assets', a)).length)[0]!
  const raw = readFileSync(join(clientDir, 'assets', script))
  const url = () => `${plenum.baseUrl}/assets/${script}`

  beforeAll(async () => {
    plenum = await startTestServer({ clientDir })
  })
  afterAll(async () => {
    await plenum.close()
  })

  /** A request through node:http, which does not decode: the bytes as they came on the wire. */
  const rawRequest = async (path: string, headers: Record<string, string>, method = 'GET') => {
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const req = request(path, { method, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
      req.end()
    })
  }

  test('the build wrote brotli and gzip copies of every script and style: a third or less of a script, and of a style sheet over 4 kB', () => {
    const texts = readdirSync(join(clientDir, 'assets')).filter((name) => /\.(?:js|css)$/.test(name))
    expect(texts.length).toBeGreaterThan(0)
    for (const name of texts) {
      const size = readFileSync(join(clientDir, 'assets', name)).length
      if (size < 1024) continue
      // A small style sheet (the editor's, 2.5 kB) has less to share: its copies still save at least a tenth, the plugin's rule.
      const bound = name.endsWith('.js') || size > 4096 ? size / 3 : size * 0.9
      expect(readFileSync(join(clientDir, 'assets', `${name}.br`)).length, name).toBeLessThan(bound)
      expect(readFileSync(join(clientDir, 'assets', `${name}.gz`)).length, name).toBeLessThan(bound)
    }
  })

  test('a script asked with br comes back in brotli, and decodes to the file’s bytes', async () => {
    const response = await rawRequest(url(), { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(response.headers['vary']).toBe('Accept-Encoding')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(Number(response.headers['content-length'])).toBe(response.body.length)
    expect(response.body.length).toBeLessThan(raw.length / 3)
    expect(brotliDecompressSync(response.body).equals(raw)).toBe(true)
  })

  test('asked with gzip only, gzip; with nothing, or with both refused, the raw file', async () => {
    const gzip = await rawRequest(url(), { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).equals(raw)).toBe(true)

    for (const acceptEncoding of [undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const plain = await rawRequest(url(), acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding })
      expect(plain.headers['content-encoding'], acceptEncoding).toBeUndefined()
      expect(plain.headers['vary']).toBe('Accept-Encoding')
      expect(plain.body.equals(raw), acceptEncoding).toBe(true)
    }
    // A client that decodes by itself (fetch, as a browser) gets the same script.
    const viaFetch = await fetch(url(), { headers: { 'accept-encoding': 'br' } })
    expect(Buffer.from(await viaFetch.arrayBuffer()).equals(raw)).toBe(true)
  })

  test('HEAD tells the size of the copy it would send, with no body; a copy the browser has gets a 304', async () => {
    const head = await rawRequest(url(), { 'accept-encoding': 'br' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers['content-encoding']).toBe('br')
    expect(head.body.length).toBe(0)
    const full = await rawRequest(url(), { 'accept-encoding': 'br' })
    expect(Number(head.headers['content-length'])).toBe(full.body.length)

    const etag = String(full.headers['etag'])
    const again = await rawRequest(url(), { 'accept-encoding': 'br', 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers['etag']).toBe(etag)
    expect(again.headers['vary']).toBe('Accept-Encoding')
    // The gzip copy is another representation: the brotli tag does not stand for it.
    const gzip = await rawRequest(url(), { 'accept-encoding': 'gzip', 'if-none-match': etag })
    expect(gzip.status).toBe(200)
    expect(gzip.headers['content-encoding']).toBe('gzip')

    const lastModified = String(full.headers['last-modified'])
    expect((await rawRequest(url(), { 'accept-encoding': 'br', 'if-modified-since': lastModified })).status).toBe(304)
  })

  test('the app’s page for any address is compressed too, not cached without asking, and keeps its security headers', async () => {
    const page = await rawRequest(`${plenum.baseUrl}/congresses/abc/amendments`, { 'accept-encoding': 'br' })
    expect(page.status).toBe(200)
    expect(page.headers['content-encoding']).toBe('br')
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(brotliDecompressSync(page.body).equals(readFileSync(join(clientDir, 'index.html')))).toBe(true)
    for (const response of [page, await rawRequest(url(), { 'accept-encoding': 'br' })]) {
      expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'")
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['x-frame-options']).toBe('DENY')
    }
    const revalidated = await rawRequest(`${plenum.baseUrl}/congresses/abc/amendments`, { 'accept-encoding': 'br', 'if-none-match': String(page.headers['etag']) })
    expect(revalidated.status).toBe(304)
  })

  test('the copies are not addressable themselves, nor is anything outside the build', async () => {
    const copy = await rawRequest(`${url()}.br`, {})
    expect(copy.headers['content-type']).toBe('text/html; charset=utf-8')
    for (const path of ['/assets/..%2f..%2fpackage.json', '/%2e%2e/package.json', '/assets/%5c..%5cindex.html']) {
      const response = await rawRequest(`${plenum.baseUrl}${path}`, {})
      expect(String(response.headers['content-type']), path).toBe('text/html; charset=utf-8')
      expect(response.body.toString(), path).not.toContain('"name": "plenum"')
    }
  })

  test('Accept-Encoding is read with its weights and wildcard', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')]).toEqual(['gzip', 'deflate', 'br', 'zstd'])
    expect(acceptedEncodings('br;q=0, gzip;q=0.5').has('br')).toBe(false)
    expect(acceptedEncodings('br;q=0, gzip;q=0.5').has('gzip')).toBe(true)
    expect([...acceptedEncodings('*')].sort()).toEqual(['br', 'gzip'])
    expect([...acceptedEncodings('*, br;q=0')]).toEqual(['gzip'])
    expect(acceptedEncodings(undefined).size).toBe(0)
  })
})
