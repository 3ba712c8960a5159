import { createHash } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkIn, createBallot, setPhase, step } from '../helpers/ballots.ts'
import { hallUrl } from '../helpers/browser.ts'
import { artifacts, closeBrowserCongress, openBrowserCongress } from '../helpers/browser-congress.ts'
import type { Signed } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import type { TestServer } from '../helpers/test-server.ts'

const phoneSize = { width: 390, height: 844 }

/**
 * A phone in the hall, from the hall's host name (plain HTTP, not a secure context): its first visit
 * to the vote page waits for no API answer (they come inside the page), it downloads no English
 * when in French, it lands on the vote page when it signs in during the voting phase, and its "A
 * voté" gives way to the result and the receipt once the ballot is published.
 */
describe('a phone on the hall’s Wi-Fi', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let voters: Signed[]

  beforeAll(async () => {
    ;({ plenum, browser, bureau, people: voters } = await openBrowserCongress([
      { name: 'Alice Martin', role: 'attendee' },
      { name: 'Bruno Salle', role: 'attendee' },
      { name: 'Chloé Délégué', role: 'delegate' },
    ]))
  })
  afterAll(() => closeBrowserCongress({ plenum, browser }))

  const base = () => hallUrl(plenum.baseUrl)
  const votePath = () => `/congresses/${plenum.seed.congressId}/vote`

  /** A fresh phone, listing the API requests and the scripts it makes. */
  async function phone(): Promise<{ context: BrowserContext; page: Page; scripts: string[] }> {
    const context = await browser.newContext({ viewport: phoneSize, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    page.setDefaultTimeout(20_000)
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    return { context, page, scripts }
  }

  test('signing in with a code during the voting phase lands on the vote page; before it, on the congress', async () => {
    await setPhase(plenum, bureau, 'amendments')
    const early = await phone()
    await early.page.goto(`${base()}/join/${voters[1]!.code}`)
    await signedIn(early.page)
    expect(new URL(early.page.url()).pathname).toBe(`/congresses/${plenum.seed.congressId}`)
    await early.context.close()

    await setPhase(plenum, bureau, 'voting')
    for (const voter of [voters[1]!, voters[2]!]) {
      const { context, page } = await phone()
      await page.goto(`${base()}/join/${voter.code}`)
      await signedIn(page)
      expect(new URL(page.url()).pathname).toBe(votePath())
      await page.getByRole('heading', { level: 1, name: 'Voter' }).waitFor()
      await context.close()
    }
  })

  // The tests below run in the voting phase, where the first one leaves the congress.
  test('the first visit to the vote page shows Pour with no API request before it; the page is never stored', async () => {
    await checkIn(plenum, bureau, [voters[0]!.id])
    const ballot = await createBallot(plenum, bureau, { kind: 'motion' })
    await step(plenum, bureau, ballot.id, 'open')
    const { context, page, scripts } = await phone()
    await page.goto(`${base()}/join/${voters[0]!.code}`)
    await signedIn(page)
    scripts.length = 0
    // A new visit, as from the address bar, where no API read is ever answered (the event stream
    // apart): the page shows the ballot from the answers it carries.
    await context.route(/\/api\//, (route) => (route.request().url().endsWith('/events') ? route.continue() : undefined))
    const response = await page.goto(`${base()}${votePath()}`)
    expect(response?.headers()['cache-control']).toBe('no-store')
    await page.getByRole('button', { name: 'Pour', exact: true }).waitFor()
    await page.getByRole('heading', { name: 'Vote sur : Motion' }).waitFor()
    // French: the English messages are not downloaded.
    const english = await Promise.all(scripts.map(async (s) => (await (await fetch(`${plenum.baseUrl}${s}`)).text()).includes('Vote recorded on behalf of')))
    expect(english.filter(Boolean)).toEqual([])
    // Without a session the page carries nothing of anyone's.
    const anonymous = await (await fetch(`${plenum.baseUrl}${votePath()}`)).text()
    expect(anonymous.includes('id="plenum-boot"'), 'a data block in a page without a session').toBe(false)
    await page.screenshot({ path: `${artifacts}phone-first-visit-vote-390.png`, fullPage: true })
    await context.close()
    await step(plenum, bureau, ballot.id, 'close')
  })

  test('the first visit carries the app inside the page (one round trip), which the policy allows by digest; the next visit takes it from the cache', async () => {
    await checkIn(plenum, bureau, [voters[0]!.id])
    const ballot = await createBallot(plenum, bureau, { kind: 'motion' })
    await step(plenum, bureau, ballot.id, 'open')
    const { context, page, scripts } = await phone()
    const blocked: string[] = []
    page.on('console', (message) => (/Content.Security.Policy/i.test(message.text()) ? blocked.push(message.text()) : undefined))
    await context.addCookies([{ name: 'plenum_session', value: voters[0]!.token, url: base() }])
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    const appResponses: { url: string; cached: boolean }[] = []
    cdp.on('Network.responseReceived', ({ response }) => {
      if (/\/assets\/index-[\w-]+\.js$/.test(response.url)) appResponses.push({ url: response.url, cached: Boolean(response.fromDiskCache || (response as { fromMemoryCache?: boolean }).fromMemoryCache) })
    })

    const first = await page.goto(`${base()}${votePath()}`)
    await page.getByRole('button', { name: 'Pour', exact: true }).waitFor()
    const html = await first!.text()
    const inline = /<script type="module" data-src="(\/assets\/index-[\w-]+\.js)">([^]*?)<\/script>/.exec(html)
    expect(inline, 'the app’s script inside the page').not.toBeNull()
    // The very bytes of the built file, and the only script the policy adds beside 'self'.
    const file = await (await fetch(`${plenum.baseUrl}${inline![1]}`)).text()
    expect(inline![2]).toBe(file)
    const policy = String(first!.headers()['content-security-policy'])
    const scriptSources = /script-src ([^;]+)/.exec(policy)![1]!.split(' ')
    expect(scriptSources).toEqual(["'self'", `'sha256-${createHash('sha256').update(file).digest('base64')}'`])
    expect(html).toMatch(/<style data-href="\/assets\/index-[\w-]+\.css">/)
    expect(scripts.filter((s) => /\/assets\/index-/.test(s))).toEqual([])
    expect(blocked).toEqual([])
    // The page the link opens comes in the pages' script, which takes the app that came inside: a
    // second app would fail to define its elements again.
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.locator(`header a[href="/congresses/${plenum.seed.congressId}"]`).first().click()
    await page.getByRole('heading', { level: 2, name: 'Préambule' }).waitFor()
    expect(errors).toEqual([])
    // …with its styles, which come with its script.
    await expect.poll(() => page.evaluate(() => [...document.styleSheets].some((sheet) => /\/assets\/pages-[\w-]+\.css$/.test(sheet.href ?? '')))).toBe(true)

    // Once idle, the page fetches the app's files into the cache and says so; the next page names them.
    await expect.poll(async () => (await context.cookies()).find((c) => c.name === 'plenum_app')?.value, { timeout: 15_000 }).toBe(inline![1]!.slice('/assets/'.length))
    appResponses.length = 0
    const next = await page.goto(`${base()}${votePath()}`)
    await page.getByRole('button', { name: 'Pour', exact: true }).waitFor()
    expect(await next!.text()).toContain(`<script type="module" crossorigin src="${inline![1]}"></script>`)
    expect(appResponses.map((r) => r.cached)).toEqual([true])
    expect(blocked).toEqual([])
    await context.close()
    await step(plenum, bureau, ballot.id, 'close')
  })

  test('"A voté" gives way to the result and the receipt once the ballot is published', async () => {
    await checkIn(plenum, bureau, [voters[0]!.id])
    const ballot = await createBallot(plenum, bureau, { kind: 'motion' })
    await step(plenum, bureau, ballot.id, 'open')
    const { context, page } = await phone()
    await page.goto(`${base()}/join/${voters[0]!.code}`)
    await signedIn(page)
    await page.goto(`${base()}${votePath()}`)
    await page.getByRole('button', { name: 'Pour', exact: true }).click()
    await page.getByRole('button', { name: 'Confirmer' }).click()
    const liveRegion = page.locator('.live-region')
    await expect.poll(() => liveRegion.textContent()).toContain('A voté')
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    await page.getByRole('heading', { name: 'Derniers résultats' }).waitFor()
    await page.getByText('Reçu de mon vote').waitFor()
    expect(await liveRegion.textContent()).toBe('')
    await page.screenshot({ path: `${artifacts}phone-published-receipt-390.png`, fullPage: true })
    await context.close()
  })

  test('English, once chosen, comes in its own script, and is there again at the next visit', async () => {
    const { context, page, scripts } = await phone()
    await page.goto(`${base()}/join/${voters[0]!.code}`)
    await signedIn(page)
    await page.goto(`${base()}${votePath()}`)
    await page.getByRole('heading', { level: 1, name: 'Voter', exact: true }).waitFor()
    const before = scripts.length
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Vote', exact: true }).waitFor()
    expect(scripts.length).toBe(before + 1)
    const errors: string[] = []
    // Chromium's own note on the hall's plain HTTP (the COOP header is ignored there) is not the page's.
    page.on('console', (message) => (message.type() === 'error' && !message.text().includes('Cross-Origin-Opener-Policy') ? errors.push(message.text()) : undefined))
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Vote', exact: true }).waitFor()
    expect(errors).toEqual([])
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    // Named in the page's head, English's script comes beside the app's, not after it.
    expect(await page.locator('head link[rel="modulepreload"][href^="/assets/en-"]').count()).toBe(1)
    await context.close()
  })
})
