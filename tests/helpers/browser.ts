import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type Page } from 'playwright-core'

/**
 * A host name that is not localhost, resolved by Chromium to 127.0.0.1: a page served from it over
 * plain HTTP is not a secure context (no crypto.subtle, no crypto.randomUUID), as on a hall's Wi-Fi
 * at http://192.168.x.y:3000. Test pages people use from phones from here too, not only from 127.0.0.1.
 */
export const hallHost = 'plenum-hall.test'

/** The same server as `baseUrl` (http://127.0.0.1:PORT), reached as a phone in the hall would. */
export function hallUrl(baseUrl: string): string {
  const url = new URL(baseUrl)
  url.hostname = hallHost
  return url.toString().replace(/\/$/, '')
}

/** Debian's Chromium, never a downloaded one. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--host-resolver-rules=MAP ${hallHost} 127.0.0.1`,
    ],
  })
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

export interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: readonly { readonly target: readonly string[]; readonly failureSummary?: string }[]
}

/**
 * Runs axe-core in the page against WCAG 2.1 A and AA; returns the violations, summarised, and
 * after them every Content-Security-Policy violation the page reported since it was opened by
 * `openPage` (so each accessibility check is also a check that the policy broke nothing).
 * axe goes in through the DevTools protocol, which the page's policy does not govern.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(`${readFileSync(axePath, 'utf8')};0`)
  // `within`: a selector, to check one part of a page that other parts share with work under way.
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(selector ? { include: [[selector]] } : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations
  }, within)
  return [...violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), ...(await cspViolations(page))]
}

/** What the page's Content-Security-Policy blocked, as "csp: directive blocked-uri". */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { plenumCspViolations?: string[] }).plenumCspViolations ?? [])
}

const collectCspViolations = () => {
  const seen: string[] = ((window as unknown as { plenumCspViolations: string[] }).plenumCspViolations = [])
  document.addEventListener('securitypolicyviolation', (event) => seen.push(`csp: ${event.effectiveDirective} ${event.blockedURI}`))
}

/** A page in a fresh browser context (its own cookies), with page errors printed, opened at `url`. */
export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport })
  await context.addInitScript(collectCspViolations)
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await page.goto(url)
  return page
}
