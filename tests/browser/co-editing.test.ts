import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { newAccessCode } from '../../server/ids.ts'
import { axeViolations, launchChromium, openPage } from '../helpers/browser.ts'
import { insertParticipant } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

describe('co-editing in headless Chromium', () => {
  let plenum: TestServer
  let browser: Browser
  const delegate = { name: 'Alice Martin', code: newAccessCode() }

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    await insertParticipant(plenum, { ...delegate, role: 'delegate' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  async function join(code: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await openPage(browser, `${plenum.baseUrl}/join/${code}`, viewport)
    await signedIn(page)
    // The bureau lands on its dashboard; these tests start from the congress page.
    if (new URL(page.url()).pathname.endsWith('/dashboard')) await page.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}`)
    await page.getByRole('heading', { level: 1, name: '4e Congrès national des élus au numérique' }).waitFor()
    return page
  }

  test('the join link signs in and shows the congress: 4 questions and 29 proposals in order', async () => {
    const page = await join(plenum.seed.bureauCode)
    expect(page.url()).toBe(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}`)
    await expect(page.locator('section.theme h2').count()).resolves.toBe(4)
    const numbers = await page.locator('.proposals .number').allTextContents()
    expect(numbers).toEqual(Array.from({ length: 29 }, (_, i) => `P${i + 1}`))
    await page.screenshot({ path: `${artifacts}congress.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  })

  test('a wrong code shows an error on the join page', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${plenum.baseUrl}/join/AAAA-BBBB-CCCC`)
    await expect(page.getByRole('alert').textContent()).resolves.toContain('n’est pas reconnu')
    await page.screenshot({ path: `${artifacts}join-error.png` })
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  test('two browsers on proposal 12: typing in one shows in the other with the typist’s caret name', async () => {
    const bureau = await join(plenum.seed.bureauCode)
    const alice = await join(delegate.code)
    for (const page of [bureau, alice]) {
      await page.getByRole('link', { name: /Proposition 12 :/ }).click()
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page.locator('[data-connection="connected"]').waitFor()
    }
    expect(bureau.url()).toMatch(/\/proposals\/12$/)

    const typed = ' Texte ajouté en direct par Alice.'
    const aliceEditor = alice.getByRole('textbox', { name: /Proposition 12/ })
    await aliceEditor.click()
    await alice.keyboard.press('Control+End')
    await alice.keyboard.type(typed)

    const bureauEditor = bureau.getByRole('textbox', { name: /Proposition 12/ })
    await expect.poll(() => bureauEditor.textContent(), { timeout: 10_000 }).toContain(typed.trim())
    await expect.poll(() => bureau.locator('.collaboration-carets__label').allTextContents(), { timeout: 10_000 }).toContain(delegate.name)
    await expect.poll(() => alice.locator('.save-state').getAttribute('data-saved'), { timeout: 10_000 }).toBe('yes')
    await expect.poll(() => bureau.locator('.peers').textContent()).toContain(delegate.name)

    await bureau.screenshot({ path: `${artifacts}proposal.png`, fullPage: true })
    expect(await axeViolations(bureau)).toEqual([])

    // What the server stored is what both screens show.
    const stored = (await plenum.log.load(plenum.seed.proposals[11]!.docName))!
    const { stateText } = await import('../../shared/editor/doc-state.ts')
    expect(stateText(stored.state, stored.updates)).toContain(typed.trim())
    await bureau.context().close()
    await alice.context().close()
  })

  test('on a phone, the proposal page fits the screen', async () => {
    const phone = await join(delegate.code, { width: 390, height: 844 })
    await phone.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/proposals/12`)
    await phone.locator('[data-connection="connected"]').waitFor()
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await phone.screenshot({ path: `${artifacts}proposal-phone.png`, fullPage: true })
    await phone.context().close()
  })
})
