import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/** The answers inside a signed-in page's HTML (server/client-boot.ts), as the page's data block holds them. */
function bootOf(html: string): Record<string, unknown> | undefined {
  const block = /<script type="application\/json" id="plenum-boot">([\s\S]*?)<\/script>/.exec(html)?.[1]
  return block === undefined ? undefined : (JSON.parse(block) as Record<string, unknown>)
}

/**
 * The page carries its first answers only for the person whose cookie it is: never stored by a cache,
 * varying with the cookie, and no text of theirs can close the data block (a name with </script>).
 */
describe('a page with its first answers inside', () => {
  let plenum: TestServer
  let person: Signed
  let dollars: Signed

  beforeAll(async () => {
    plenum = await startTestServer({ clientDir })
    const bureau = (await plenum.login()).token
    ;[person, dollars] = (await importAndSignIn(plenum, bureau, [
      { name: 'Zoé </script><script>alert(1)</script><!--', role: 'attendee' },
      // What String.replace reads in a replacement string: the text before, the match, a dollar.
      { name: 'Dupont $` et $& et $$ fils', role: 'attendee' },
    ])) as [Signed, Signed]
  })
  afterAll(async () => {
    await plenum?.close()
  })

  const page = (path: string, cookie?: string) => fetch(`${plenum.baseUrl}${path}`, { headers: cookie ? { cookie } : {} })

  test('signed in: the session and the congress inside, no-store, varying with the cookie, the name unable to close the block', async () => {
    const response = await page(`/congresses/${plenum.seed.congressId}/vote`, `plenum_session=${person.token}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('vary')).toContain('Cookie')
    const html = await response.text()
    expect(html).not.toContain('<script>alert(1)')
    expect(html.match(/<\/script>/g)?.length).toBe(2) // the app's module and the data block, nothing more
    const boot = bootOf(html)!
    expect((boot['/api/session'] as { participant: { name: string } }).participant.name).toBe(person.name)
    expect(boot[`/api/congresses/${plenum.seed.congressId}`]).toMatchObject({ id: plenum.seed.congressId })
    expect(boot[`/api/congresses/${plenum.seed.congressId}/ballots`]).toBeDefined()
  })

  test('a name with dollar signs is carried as it is, and the page stays one page', async () => {
    const html = await (await page(`/congresses/${plenum.seed.congressId}/vote`, `plenum_session=${dollars.token}`)).text()
    expect((bootOf(html)!['/api/session'] as { participant: { name: string } }).participant.name).toBe('Dupont $` et $& et $$ fils')
    expect(html.match(/<plenum-app/g)?.length).toBe(1)
    expect(html.match(/<\/script>/g)?.length).toBe(2)
  })

  test('without a session, or with a dead one, the plain page (cacheable, no answers)', async () => {
    for (const cookie of [undefined, 'plenum_session=not-a-session']) {
      const response = await page(`/congresses/${plenum.seed.congressId}`, cookie)
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(bootOf(await response.text())).toBeUndefined()
    }
  })

  test('a first visit to the join or vote page carries the app’s script and styles inside, allowed by their digests alone; a browser that keeps them gets the plain page', async () => {
    const policyOf = (response: Response) =>
      new Map((response.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
    const digest = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    for (const path of ['/join', `/congresses/${plenum.seed.congressId}/vote`]) {
      const response = await page(path)
      const html = await response.text()
      const [, scriptHref, code] = /<script type="module" data-src="(\/assets\/[\w-]+\.js)">([\s\S]*?)<\/script>/.exec(html) ?? []
      const [, styleHref, css] = /<style data-href="(\/assets\/[\w-]+\.css)">([\s\S]*?)<\/style>/.exec(html) ?? []
      expect(scriptHref, path).toBeDefined()
      expect(code).toBe(await (await page(scriptHref!)).text())
      expect(css).toBe(await (await page(styleHref!)).text())
      expect(policyOf(response).get('script-src')).toEqual(["'self'", digest(code!)])
      expect(policyOf(response).get('style-src')).toEqual(["'self'", digest(css!)])
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('vary')).toContain('Cookie')

      // The cookie names the file this browser keeps (client/app-cache.ts): the page names it too.
      const name = scriptHref!.slice('/assets/'.length)
      const kept = await page(path, `plenum_app=${name}`)
      const plain = await kept.text()
      expect(plain).toContain(`<script type="module" crossorigin src="${scriptHref}"></script>`)
      expect(plain).not.toContain('data-src=')
      expect(policyOf(kept).get('script-src')).toEqual(["'self'"])
      // A file of an earlier build is no use: the page carries the app again.
      expect(await (await page(path, 'plenum_app=index-0ld8u1ld.js')).text()).toContain(`data-src="${scriptHref}"`)
    }
    // Every other page names the app's script: the bureau's laptop keeps it in its cache.
    expect(await (await page(`/congresses/${plenum.seed.congressId}`)).text()).not.toContain('data-src=')
  })
})
