import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { call, checkIn, createBallot, setPhase, step } from '../helpers/ballots.ts'
import { axeViolations, launchChromium } from '../helpers/browser.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/**
 * Issue 20, point 6: a proxy's block on the vote page said "Pour Agnès Öztürk (pouvoir)" above a
 * *Pour* button, and "A voté pour Agnès" after, both read as a choice. They say on whose behalf, and
 * each receipt kept after publication says whom it was cast for.
 */
describe('a proxy holder votes on behalf of the giver, and says so', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let holder: Signed
  let giver: Signed

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureau = (await plenum.login()).token
    ;[holder, giver] = (await importAndSignIn(plenum, bureau, [
      { name: 'Hugo Porteur', role: 'delegate' },
      { name: 'Agnès Öztürk', role: 'attendee' },
    ])) as [Signed, Signed]
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [holder.id])
    const proxy = await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/proxies`, { giverId: giver.id, holderId: holder.id })
    expect(proxy.status).toBe(201)
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  const wording = {
    fr: {
      own: 'Mon vote',
      proxy: 'Au nom d’Agnès Öztürk (pouvoir)',
      voted: 'A voté',
      votedProxy: 'Vote enregistré au nom d’Agnès Öztürk',
      ownReceipt: 'Reçu de mon vote',
      proxyReceipt: 'Reçu du vote au nom d’Agnès Öztürk (pouvoir)',
      confirm: 'Confirmer',
      choices: ['Pour', 'Contre'],
    },
    en: {
      own: 'My vote',
      proxy: 'On behalf of Agnès Öztürk (proxy)',
      voted: 'Voted',
      votedProxy: 'Vote recorded on behalf of Agnès Öztürk',
      ownReceipt: 'Receipt of my vote',
      proxyReceipt: 'Receipt of the vote on behalf of Agnès Öztürk (proxy)',
      confirm: 'Confirm',
      choices: ['For', 'Against'],
    },
  }

  test.each([
    { lang: 'fr' as const, size: 'phone', viewport: { width: 390, height: 844 }, proposal: 0 },
    { lang: 'en' as const, size: 'desktop', viewport: { width: 1366, height: 900 }, proposal: 1 },
    { lang: 'fr' as const, size: 'desktop', viewport: { width: 1366, height: 900 }, proposal: 2 },
    { lang: 'en' as const, size: 'phone', viewport: { width: 390, height: 844 }, proposal: 3 },
  ])('$lang, $size: "on behalf of" above the buttons, on the mark, and on the receipt after publication', async ({ lang, size, viewport, proposal }) => {
    const w = wording[lang]
    const ballot = await createBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[proposal]!.id })
    await step(plenum, bureau, ballot.id, 'open')
    const page = await signedInAt(browser, plenum.baseUrl, holder.code, `/congresses/${plenum.seed.congressId}/vote`, viewport)
    if (lang === 'en') {
      await page.getByRole('button', { name: 'Switch to English' }).click()
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
    }
    await page.getByRole('heading', { name: w.own }).waitFor()
    await page.getByRole('heading', { name: w.proxy }).waitFor()
    // Nothing on the page says "Pour <name>" / "For <name>" any more: that read as a choice.
    expect(await page.getByText(/(Pour|For) Agnès/).count()).toBe(0)
    await page.screenshot({ path: `${artifacts}vote-proxy-wording-${lang}-${size}.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])

    const blocks = page.locator('.vote-block')
    for (const [i, choice] of w.choices.entries()) {
      await blocks.nth(i).getByRole('button', { name: choice, exact: true }).click()
      await blocks.nth(i).getByRole('button', { name: w.confirm, exact: true }).click()
      await blocks.nth(i).locator('.voted-mark').waitFor()
    }
    expect(await blocks.nth(0).locator('.voted-mark').textContent()).toBe(`✓ ${w.voted}`)
    expect(await blocks.nth(1).locator('.voted-mark').textContent()).toBe(`✓ ${w.votedProxy}`)
    await expect.poll(() => page.locator('.live-region').textContent()).toBe(w.votedProxy)

    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    // The page hears of the publication: the latest result, each receipt kept with whom it was cast for.
    await expect.poll(() => page.locator('.receipt-label').allTextContents()).toEqual([w.ownReceipt, w.proxyReceipt])
    expect(await page.locator('.receipt strong').count()).toBe(2)
    await page.screenshot({ path: `${artifacts}vote-proxy-receipts-${lang}-${size}.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])

    // On the public board, the device's two ballots: the proxy's says on whose behalf.
    await page.locator('a[href*="receipt"]').last().click()
    await page.locator('tr.found').waitFor()
    const mine = page.locator('.board-mine')
    await expect.poll(() => mine.count()).toBe(2)
    expect(await mine.nth(0).textContent()).not.toContain('Agnès')
    expect(await mine.nth(1).textContent()).toContain(w.proxy)
    await page.screenshot({ path: `${artifacts}board-proxy-${lang}-${size}.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  }, 90_000)
})
