import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkIn, createBallot, setPhase, step } from '../helpers/ballots.ts'
import { hallUrl, launchChromium } from '../helpers/browser.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const phoneSize = { width: 390, height: 844 }

/** Strings only Yjs's and ProseMirror's code carries (kept through minification: messages and class names). */
const editorMarkers = ['Yjs was already imported', 'ProseMirror']
const isEditor = (source: string) => editorMarkers.some((marker) => source.includes(marker))

/**
 * A phone on the hall's Wi-Fi votes without downloading the editor: the join page, the vote page and
 * the projector run on the first script, and the editor's (Tiptap, ProseMirror, Yjs) loads only for
 * a text. Each phone is a fresh browser context that records every script it is sent; the editor's
 * scripts are refused outright, so that the vote is shown to work without them, not just before them.
 */
describe('the client, split so that a voter’s phone does not load the editor', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let voter: Signed

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureau = (await plenum.login()).token
    voter = (await importAndSignIn(plenum, bureau, [{ name: 'Alice Martin', role: 'attendee' }]))[0]!
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [voter.id])
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  /** A fresh phone that refuses the editor's scripts, and lists the scripts it ran and those it refused. */
  async function phone(viewport = phoneSize): Promise<{ context: BrowserContext; page: Page; ran: string[]; refused: string[] }> {
    const context = await browser.newContext({ viewport })
    const ran: string[] = []
    const refused: string[] = []
    await context.route(/\/assets\/.*\.js$/, async (route) => {
      const name = new URL(route.request().url()).pathname
      // Fetched by the test (from 127.0.0.1: the hall's host name is Chromium's alone), then given to the page.
      const response = await route.fetch({ url: `${plenum.baseUrl}${name}` })
      if (isEditor(await response.text())) {
        refused.push(name)
        await route.abort('failed')
      } else {
        ran.push(name)
        await route.fulfill({ response })
      }
    })
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    return { context, page, ran, refused }
  }

  test('the join page and the vote page on a motion ballot load no editor script; the phone votes', async () => {
    const ballot = await createBallot(plenum, bureau, { kind: 'motion' })
    await step(plenum, bureau, ballot.id, 'open')
    const { context, page, ran, refused } = await phone()
    await page.goto(`${hallUrl(plenum.baseUrl)}/join/${voter.code}`)
    await signedIn(page)
    await page.goto(`${hallUrl(plenum.baseUrl)}/congresses/${plenum.seed.congressId}/vote`)
    await page.getByRole('button', { name: 'Pour' }).click()
    await page.getByRole('button', { name: 'Confirmer' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'A voté' }).count()).toBeGreaterThan(0)
    expect(ran.length).toBeGreaterThan(0)
    expect(refused).toEqual([])
    await page.screenshot({ path: `${artifacts}split-vote-motion-390.png`, fullPage: true })
    await step(plenum, bureau, ballot.id, 'close')
    await context.close()
  })

  test('on a proposal’s ballot, the phone votes while the editor’s script (the live text) is refused', async () => {
    const ballot = await createBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[1]!.id })
    await step(plenum, bureau, ballot.id, 'open')
    const { context, page, refused } = await phone()
    await page.goto(`${hallUrl(plenum.baseUrl)}/join/${voter.code}`)
    await signedIn(page)
    await page.goto(`${hallUrl(plenum.baseUrl)}/congresses/${plenum.seed.congressId}/vote`)
    await page.getByRole('button', { name: 'Pour' }).click()
    await page.getByRole('button', { name: 'Confirmer' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'A voté' }).count()).toBeGreaterThan(0)
    // The text to read was asked for, and is the one thing missing.
    await expect.poll(() => refused.length).toBeGreaterThan(0)
    await step(plenum, bureau, ballot.id, 'close')
    await context.close()
  })

  test('with the editor’s script let through, the proposal’s text appears under the ballot after the button', async () => {
    const ballot = await createBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[2]!.id })
    await step(plenum, bureau, ballot.id, 'open')
    const context = await browser.newContext({ viewport: phoneSize })
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(`${plenum.baseUrl}/join/${voter.code}`)
    await signedIn(page)
    await page.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/vote`)
    await page.getByRole('button', { name: 'Pour' }).waitFor()
    await expect.poll(() => page.locator('plenum-ballot-subject .text-view p').count()).toBeGreaterThan(0)
    await page.screenshot({ path: `${artifacts}split-vote-proposal-390.png`, fullPage: true })
    await step(plenum, bureau, ballot.id, 'close')
    await context.close()
  })

  test('the projector shows an open ballot with no editor script', async () => {
    const ballot = await createBallot(plenum, bureau, { kind: 'motion' })
    await step(plenum, bureau, ballot.id, 'open')
    const { context, page, refused } = await phone({ width: 1920, height: 1080 })
    await page.goto(`${plenum.baseUrl}/join/${plenum.seed.bureauCode}`)
    await signedIn(page)
    await page.goto(`${plenum.baseUrl}/projector/${plenum.seed.congressId}`)
    await page.locator('.projector-subject').waitFor()
    await page.screenshot({ path: `${artifacts}split-projector-1920.png` })
    expect(refused).toEqual([])
    await step(plenum, bureau, ballot.id, 'close')
    await context.close()
  })

  test('a proposal page, opened from the congress page, loads the editor and shows its text in it', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    const editorScripts: string[] = []
    context.on('response', async (response) => {
      if (response.request().resourceType() === 'script' && isEditor(await response.text())) editorScripts.push(new URL(response.url()).pathname)
    })
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(`${plenum.baseUrl}/join/${plenum.seed.bureauCode}`)
    await signedIn(page)
    await page.locator('main h1').first().waitFor()
    // The bureau lands on its dashboard: the congress page is its breadcrumb's link.
    await page.locator(`nav.breadcrumb a[href="/congresses/${plenum.seed.congressId}"]`).click()
    await page.locator('ol.proposals').first().waitFor()
    expect(editorScripts).toEqual([])
    // Through the app's own link: the module loads on navigation, not with a new page.
    await page.locator(`a[href="/congresses/${plenum.seed.congressId}/proposals/1"]`).first().click()
    await page.locator('.ProseMirror').first().waitFor()
    expect(editorScripts.length).toBe(1)
    await context.close()
  })
})
