import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { insertAmendment } from '../helpers/amendments.ts'
import { call, checkIn, createBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { axeViolations, hallUrl, launchChromium } from '../helpers/browser.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const phone = { width: 390, height: 844 }

/** The page's headings in document order, as "h2 Préambule": the outline a screen reader walks. */
const outline = (page: Page) => page.locator('main').evaluate((main) => [...main.querySelectorAll('h1, h2, h3, h4')].map((h) => `${h.tagName.toLowerCase()} ${h.textContent?.trim() ?? ''}`))

/** Whether anything is wider than the screen: a phone scrolls down, never sideways. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)

describe('the whole motion, readable (issue 19, point 7)', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let delegate: Signed
  let voters: Signed[]
  const path = () => `/congresses/${plenum.seed.congressId}/motion`

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    bureau = (await plenum.login()).token
    const signed = await importAndSignIn(plenum, bureau, [
      { name: 'Alice Martin', role: 'delegate' },
      { name: 'Anne Votante', role: 'attendee' },
      { name: 'Bruno Votant', role: 'attendee' },
    ])
    delegate = signed[0]!
    voters = signed.slice(1)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('linked from the congress page: every question and proposal in heading order; an edit in another tab appears live', async () => {
    const page = await signedInAt(browser, plenum.baseUrl, delegate.code, `/congresses/${plenum.seed.congressId}`)
    const link = page.getByRole('link', { name: 'La motion en entier' })
    await link.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${artifacts}motion-link.png` })
    await link.click()
    await page.getByRole('heading', { level: 1, name: /La motion/ }).waitFor()
    await page.locator('.motion-proposal').first().waitFor()
    expect(page.url()).toMatch(/\/motion$/)
    expect(await page.title()).toContain('La motion')
    const headings = await outline(page)
    expect(headings[0]).toMatch(/^h1 La motion/)
    expect(headings.filter((h) => h.startsWith('h2'))).toEqual(['h2 Préambule', ...[1, 2, 3, 4].map((n) => expect.stringMatching(new RegExp(`^h2 Question ${n} — `)))])
    expect(headings.filter((h) => h.startsWith('h3'))).toHaveLength(29)
    // No level skipped: h1, then h2s, each h3 under an h2.
    const levels = headings.map((h) => Number(h[1]))
    expect(levels.every((level, i) => i === 0 || level <= levels[i - 1]! + 1)).toBe(true)
    expect(await page.locator('.motion-proposal .motion-status').first().textContent()).toContain('Pas encore votée')
    await page.screenshot({ path: `${artifacts}motion-page.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])

    // Another tab of the same browser edits proposal 2: the motion shows it without a reload.
    const tab = await page.context().newPage()
    await tab.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/proposals/2`)
    await tab.locator('[data-connection="connected"]').waitFor()
    const typed = ' Phrase ajoutée dans un autre onglet.'
    await tab.getByRole('textbox', { name: /Proposition 2/ }).click()
    await tab.keyboard.press('Control+End')
    await tab.keyboard.type(typed)
    const second = page.locator('.motion-proposal').nth(1)
    await expect.poll(() => second.textContent(), { timeout: 10_000 }).toContain(typed.trim())
    await page.context().close()
  }, 60_000)

  test('printable: line numbers on request; on paper no navigation, each question on a new page', async () => {
    const page = await signedInAt(browser, plenum.baseUrl, delegate.code, path())
    await page.locator('.motion-proposal').first().waitFor()
    expect(await page.locator('.motion-line-number').count()).toBe(0)
    await page.getByLabel('Numéroter les lignes').check()
    const firstNumbers = await page.locator('.motion-proposal').first().locator('.motion-line-number [aria-hidden]').allTextContents()
    expect(firstNumbers[0]).toBe('1')
    expect(firstNumbers.map(Number)).toEqual(firstNumbers.map((_, i) => i + 1))
    await page.emulateMedia({ media: 'print' })
    for (const hidden of ['.app-header', '.breadcrumb', '.motion-tools', '.motion-contents']) expect(await page.locator(hidden).isVisible(), hidden).toBe(false)
    expect(await page.locator('.motion-question').first().evaluate((q) => getComputedStyle(q).breakBefore)).toBe('page')
    expect(await page.locator('.motion-proposal').first().evaluate((p) => getComputedStyle(p).breakInside)).toBe('avoid')
    await page.screenshot({ path: `${artifacts}motion-print.png`, fullPage: true })
    // Printed for real: the preamble's page, then each question from a new page; its first pages kept to look at.
    const pdf = await page.pdf({ format: 'A4' })
    writeFileSync(`${artifacts}motion-print.pdf`, pdf)
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [`${artifacts}motion-print.pdf`], { encoding: 'utf8' }))?.[1])
    expect(pages).toBeGreaterThanOrEqual(5)
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', `${artifacts}motion-print.pdf`, `${artifacts}motion-print-page`])
    const text = execFileSync('pdftotext', ['-layout', `${artifacts}motion-print.pdf`, '-'], { encoding: 'utf8' })
    // The second page starts with the first question: the preamble stands alone on the first.
    expect(text.split('\f')[1]?.trim()).toMatch(/^Question 1 — /)
    expect(text).not.toContain('Imprimer')
    await page.context().close()
  }, 60_000)

  test('on a phone from the hall’s plain-HTTP origin, in English: readable, no sideways scroll, zero axe violations', async () => {
    const hall = hallUrl(plenum.baseUrl)
    const page = await signedInAt(browser, hall, delegate.code, path(), phone)
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false)
    await page.locator('.motion-proposal').first().waitFor()
    expect(await overflowsSideways(page)).toBe(false)
    await page.screenshot({ path: `${artifacts}motion-phone-hall.png`, fullPage: false })
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: /English/ }).click()
    await page.getByRole('heading', { level: 1, name: /The motion/ }).waitFor()
    await page.getByLabel('Number the lines').check()
    expect(await overflowsSideways(page)).toBe(false)
    expect(await page.locator('.motion-proposal .motion-status').first().textContent()).toContain('Not voted yet')
    await page.locator('.motion-proposal').first().scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${artifacts}motion-phone-hall-en.png`, fullPage: false })
    expect(await axeViolations(page)).toEqual([])
    await page.evaluate(() => localStorage.removeItem('plenum.language'))
    await page.context().close()
  }, 60_000)

  test('statuses and amendments follow ballots live; after the seal, the advisor’s page shows the sealed motion with its outcomes', async () => {
    for (const status of ['submitted', 'submitted', 'admissible', 'fallen'] as const) await insertAmendment(plenum, { authorId: delegate.id, status, proposalIndex: 2 })
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
    const page = await signedInAt(browser, plenum.baseUrl, delegate.code, path())
    const third = page.locator('.motion-proposal').nth(2)
    const fourth = page.locator('.motion-proposal').nth(3)
    await expect.poll(() => third.locator('.motion-amendments').textContent()).toContain('2 déposés, 1 recevable, 1 tombé')

    const ballot = await createBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[3]!.id })
    await step(plenum, bureau, ballot.id, 'open')
    await expect.poll(() => fourth.locator('.motion-status').textContent(), { timeout: 10_000 }).toContain('En cours de vote')
    expect(await fourth.getAttribute('data-status')).toBe('under-vote')
    await third.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${artifacts}motion-under-vote.png` })
    for (const voter of voters) expect((await vote(plenum, voter.token, ballot.id, 'yes')).status).toBe(200)
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    await expect.poll(() => fourth.locator('.motion-status').textContent(), { timeout: 10_000 }).toContain('Adoptée')
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()

    expect((await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`)).status).toBe(200)
    const seal = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/seal`)
    await seal.getByText('Signature valide').waitFor()
    const sealed = seal.locator('.sealed-motion')
    await sealed.locator('.motion-proposal').first().waitFor()
    expect(await sealed.locator('.motion-proposal').count()).toBe(29)
    const adopted = sealed.locator('.motion-proposal').nth(3)
    expect(await adopted.locator('.motion-status').textContent()).toContain('Adoptée')
    expect(await adopted.locator('.motion-votes').textContent()).toContain('Pour 2, contre 0')
    expect(await adopted.locator('.motion-votes').textContent()).toContain('abstentions 0 : adoptée')
    expect(await sealed.locator('.motion-proposal').nth(4).locator('.motion-status').textContent()).toContain('Non mise aux voix')
    // The advisor's page is read as a page, not in a frame.
    expect(await seal.locator('iframe').count()).toBe(0)
    expect(await overflowsSideways(seal)).toBe(false)
    await seal.screenshot({ path: `${artifacts}motion-sealed.png`, fullPage: true })
    await adopted.scrollIntoViewIfNeeded()
    await seal.screenshot({ path: `${artifacts}motion-sealed-proposal.png` })
    expect(await axeViolations(seal)).toEqual([])
    await seal.context().close()
  }, 90_000)
})
