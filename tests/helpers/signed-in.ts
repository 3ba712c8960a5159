import type { Browser, Page } from 'playwright-core'
import { openPage } from './browser.ts'

/**
 * Waits until a page opened at /join/<code> has its session: the join page shows its own heading
 * while the POST /api/session is still in flight, and a `goto` then would abort that request and
 * land signed out. The app leaves /join only once the session is open.
 */
export async function signedIn(page: Page): Promise<void> {
  await page.waitForURL((url) => !url.pathname.startsWith('/join'))
}

/**
 * A page signed in with `code` at `base` (the server's address, or the hall's), then at `path`:
 * dialogs (confirmations) accepted, waits bounded (30 s for the sign-in, 10 s after).
 */
export async function signedInAt(browser: Browser, base: string, code: string, path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await openPage(browser, `${base}/join/${code}`, viewport)
  page.on('dialog', (dialog) => void dialog.accept())
  // With several Chromiums on a two-core machine, a sign-in (the join page's bundle parsed, then its POST) has taken more than 10 s.
  page.setDefaultTimeout(30_000)
  await signedIn(page)
  page.setDefaultTimeout(10_000)
  await page.goto(`${base}${path}`)
  return page
}
