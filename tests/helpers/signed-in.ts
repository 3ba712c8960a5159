import type { Page } from 'playwright-core'

/**
 * Waits until a page opened at /join/<code> has its session: the join page shows its own heading
 * while the POST /api/session is still in flight, and a `goto` then would abort that request and
 * land signed out. The app leaves /join only once the session is open.
 */
export async function signedIn(page: Page): Promise<void> {
  await page.waitForURL((url) => !url.pathname.startsWith('/join'))
}
