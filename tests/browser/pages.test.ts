import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { demoCongress } from '../../shared/demo/demo-congress.ts'
import { axeViolations, launchChromium, openPage } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

describe('pages, language and connection state', () => {
  let plenum: TestServer
  let browser: Browser
  let serverClosed = false

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    if (!serverClosed) await plenum?.close()
  })

  async function signIn(): Promise<Page> {
    const page = await openPage(browser, `${plenum.baseUrl}/join/${plenum.seed.bureauCode}`)
    // The bureau lands on its dashboard; these tests start from the congress page.
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor()
    await page.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}`)
    await page.getByRole('heading', { level: 1, name: demoCongress.title }).waitFor()
    return page
  }

  test('typing the code by hand, with the keyboard only, signs in', async () => {
    const page = await openPage(browser, plenum.baseUrl)
    const input = page.getByLabel('Code d’accès')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('join-code')
    await page.screenshot({ path: `${artifacts}join.png` })
    expect(await axeViolations(page)).toEqual([])
    await input.fill(plenum.seed.bureauCode.toLowerCase())
    await page.keyboard.press('Enter')
    // The bureau's landing page is its dashboard.
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor()
    expect(await page.title()).toBe(`Tableau de bord — ${demoCongress.title} — Plenum`)
    await page.context().close()
  })

  test('the preamble opens in the live editor with its text', async () => {
    const page = await signIn()
    await page.getByRole('link', { name: 'Préambule' }).click()
    const editor = page.getByRole('textbox', { name: /Préambule/ })
    await expect.poll(() => editor.textContent()).toContain(demoCongress.preamble[0]!.slice(0, 60))
    expect(await page.title()).toBe(`Préambule — ${demoCongress.title} — Plenum`)
    await page.screenshot({ path: `${artifacts}preamble.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  })

  test('English is one click away, and stays chosen', async () => {
    const page = await signIn()
    await page.getByRole('button', { name: 'Switch to English' }).click()
    // English's messages are a script of their own, fetched at the click: the page turns once they are in.
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
    await page.getByRole('heading', { name: /^Question 1 — / }).waitFor()
    await expect.poll(() => page.locator('.theme .count').first().textContent()).toBe('8 proposals')
    await page.reload()
    await page.getByRole('button', { name: 'Log out' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Passer en français' }).click()
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    await page.context().close()
  })

  test('the editor says when the server is gone', async () => {
    const page = await signIn()
    await page.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/proposals/3`)
    await page.locator('[data-connection="connected"]').waitFor()
    expect(await page.title()).toBe(`Proposition 3 : ${demoCongress.themes[0]!.proposals[2]!.title} — Plenum`)
    serverClosed = true
    await plenum.close()
    await page.locator('[data-connection="offline"]').waitFor({ timeout: 10_000 })
    expect(await page.getByRole('status').first().textContent()).toContain('Hors ligne')
    await page.screenshot({ path: `${artifacts}proposal-offline.png` })
    await page.context().close()
  })
})
