// A phone's first visit to the vote page on the hall's Wi-Fi: a fresh Chromium context (nothing
// cached) already signed in, from the address bar to the *Pour* button of an open ballot, on
// Chromium's emulated Fast 3G and Slow 3G, and on loopback with no throttling (the bare ceiling:
// what the page costs without the network). Run alone: `npx tsx tests/bench/phone-first-visit.ts`.
import type { Browser } from 'playwright-core'
import type { SessionView } from '../../shared/api-types.ts'
import { plenumApi, plenumCongress, plenumPhase } from './plenum-setup.ts'
import { startPlenum, type PlenumServer } from './servers.ts'
import { median } from './stats.ts'

/**
 * DevTools' presets, as Chromium defines them (bytes per second; latency added to every request):
 * Fast 3G is 1.6 Mb/s × 0.9 down, 750 kb/s × 0.9 up, 150 ms × 3.75; Slow 3G 500 kb/s × 0.8 both
 * ways, 400 ms × 5.
 */
export const networks = {
  'Fast 3G': { latency: 562.5, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 },
  'Slow 3G': { latency: 2000, downloadThroughput: (500e3 / 8) * 0.8, uploadThroughput: (500e3 / 8) * 0.8 },
  loopback: undefined,
} as const

export type NetworkName = keyof typeof networks

export interface FirstVisit {
  /** From navigation to the *Pour* button visible, in ms: median of the runs. */
  readonly ms: number
  /**
   * Bytes the phone had received when the button showed (headers and bodies, as sent), in kB.
   */
  readonly kB: number
}

/**
 * Run in the page before its own scripts: notes the time (ms since the navigation started) of the
 * first animation frame in which the *Pour* button is visible. Playwright's own wait only says when
 * it is there: after its first second it looks every 500 ms, which would round the figure up by as
 * much (the bench's tool, not the page, would be the bottleneck). A string: a function here would
 * reach the page as compiled by tsx, with helpers the page does not have.
 */
const notePourShown = `(() => {
  const look = () => {
    const pour = [...document.querySelectorAll('button')].find((button) => button.textContent.trim() === 'Pour' && button.checkVisibility())
    if (pour) window.pourShownAt = performance.now()
    else requestAnimationFrame(look)
  }
  requestAnimationFrame(look)
})()`

/** One first visit: the page's time to *Pour* and what came over the wire until then. */
async function visit(browser: Browser, server: PlenumServer, token: string, url: string, network: NetworkName): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  try {
    await context.addCookies([{ name: 'plenum_session', value: token, url: server.baseUrl }])
    const page = await context.newPage()
    await page.addInitScript({ content: notePourShown })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    const conditions = networks[network]
    if (conditions) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions })
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
    await page.getByRole('button', { name: 'Pour', exact: true }).waitFor({ state: 'visible', timeout: 120_000 })
    // What had arrived when it showed: the page and every file finished by then (headers and bodies, as sent).
    const shown = await page.evaluate(() => {
      const at = (window as { pourShownAt?: number }).pourShownAt
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[]
      return at === undefined ? undefined : { ms: at, bytes: entries.filter((e) => e.responseEnd <= at).reduce((sum, e) => sum + e.transferSize, 0) }
    })
    if (!shown) throw new Error('Pour showed, but not in an animation frame the page noted')
    return shown
  } finally {
    await context.close()
  }
}

/** The vote page's first visit on each network, `runs` times each (a fresh context every time). */
export async function phoneFirstVisit(server: PlenumServer, runs = 3): Promise<Record<NetworkName, FirstVisit>> {
  const { launchChromium } = await import('../helpers/browser.ts')
  const setup = await plenumCongress(server)
  await plenumPhase(server, setup, 'voting')
  const { participants } = await plenumApi<{ participants: { id: string; code: string }[] }>(server, setup.bureau, 'POST', `/congresses/${setup.congress.id}/participants`, [
    { name: 'Votante chronométrée', organisation: 'Banc d’essai', role: 'attendee' },
  ])
  const voter = participants[0]!
  const { token } = await plenumApi<SessionView>(server, undefined, 'POST', '/session', { code: voter.code })
  await plenumApi(server, setup.bureau, 'PUT', `/congresses/${setup.congress.id}/attendance/${voter.id}`, { present: true })
  // A proposal's ballot: the page shows its text too (after the button, see ballot-subject.ts).
  const ballot = await plenumApi<{ id: string }>(server, setup.bureau, 'POST', '/ballots', {
    congressId: setup.congress.id,
    subject: { kind: 'proposal', id: setup.congress.proposals[0]!.id },
    rule: {},
  })
  await plenumApi(server, setup.bureau, 'POST', `/ballots/${ballot.id}/open`)
  const url = `${server.baseUrl}/congresses/${setup.congress.id}/vote`
  const browser = await launchChromium()
  try {
    const result = {} as Record<NetworkName, FirstVisit>
    for (const network of Object.keys(networks) as NetworkName[]) {
      const visits = []
      for (let i = 0; i < runs; i++) visits.push(await visit(browser, server, token, url, network))
      result[network] = { ms: median(visits.map((v) => v.ms)), kB: median(visits.map((v) => v.bytes)) / 1024 }
    }
    return result
  } finally {
    await browser.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startPlenum()
  try {
    const result = await phoneFirstVisit(server, Number(process.env.BENCH_RUNS ?? 3))
    for (const [network, { ms, kB }] of Object.entries(result)) console.log(`${network}: Pour visible after ${ms.toFixed(0)} ms, ${kB.toFixed(0)} kB received`)
  } finally {
    await server.stop()
  }
}
