import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { amendmentEn, amendmentFr } from '../../client/i18n/errors/amendment.ts'
import { ballotEn, ballotFr } from '../../client/i18n/errors/ballot.ts'
import { commonEn, commonFr } from '../../client/i18n/errors/common.ts'
import { congressEn, congressFr } from '../../client/i18n/errors/congress.ts'
import type { ErrorMessages } from '../../client/i18n/errors/error-messages.ts'
import { floorEn, floorFr } from '../../client/i18n/errors/floor.ts'
import { historyEn, historyFr } from '../../client/i18n/errors/history.ts'
import { sealEn, sealFr } from '../../client/i18n/errors/seal.ts'
import { isErrorBody, type ErrorInfo, type ErrorParams } from '../../shared/errors.ts'
import { checkIn, openedBallot, step } from '../helpers/ballots.ts'
import { launchChromium, openPage } from '../helpers/browser.ts'
import { importAndSignIn } from '../helpers/participants.ts'
import { forcePhase, startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

const english: ErrorMessages<ErrorParams> = { ...commonEn, ...congressEn, ...amendmentEn, ...ballotEn, ...sealEn, ...floorEn, ...historyEn }
const french: ErrorMessages<ErrorParams> = { ...commonFr, ...congressFr, ...amendmentFr, ...ballotFr, ...sealFr, ...floorFr, ...historyFr }
const say = (catalog: ErrorMessages<ErrorParams>, error: ErrorInfo): string => (catalog[error.code] as (e: ErrorInfo) => string)(error)

/**
 * Each failure a person can meet from the pages, in the English UI: the page says the server's
 * error code in English (the client's catalog), never the French sentence, neither the server's
 * own `message` nor the French catalog's.
 */
describe('errors are said in the reader’s language', () => {
  let plenum: TestServer
  let browser: Browser
  let bureauToken: string

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureauToken = (await plenum.login()).token
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  /** Signed in with `code` (or not at all), in English through the language switch. */
  async function englishPage(code?: string): Promise<Page> {
    const page = await openPage(browser, `${plenum.baseUrl}${code ? `/join/${code}` : '/'}`)
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' })
    return page
  }

  /**
   * A page that no longer hears the congress's events: it keeps showing what the phase allowed when
   * it loaded, as a page does between a change and its event, so the server is the one to refuse.
   */
  async function deaf(page: Page, path: string): Promise<void> {
    await page.route('**/events', (route) => route.abort())
    await page.goto(`${plenum.baseUrl}${path}`)
  }

  /** Runs `act`, waits for the failed answer to the request it sends, and checks how the page says it. */
  async function refusal(page: Page, request: { readonly path: RegExp; readonly method: string }, act: () => Promise<void>): Promise<ErrorInfo> {
    const answered = page.waitForResponse((r) => request.path.test(new URL(r.url()).pathname) && r.request().method() === request.method)
    await act()
    const response = await answered
    expect(response.ok()).toBe(false)
    const body: unknown = await response.json()
    if (!isErrorBody(body)) throw new Error(`not an error body: ${JSON.stringify(body)}`)
    const { message, details: _details, ...error } = body.error
    await expect.poll(() => page.getByRole('alert').allTextContents().then((texts) => texts.join(' '))).toContain(say(english, error))
    const shown = (await page.locator('main, body').first().textContent()) ?? ''
    expect(shown).not.toContain(message)
    expect(shown).not.toContain(say(french, error))
    return error
  }

  test('a wrong access code at sign-in', async () => {
    const page = await englishPage()
    await page.getByLabel('Access code').fill('ABCD-EFGH-JKMN')
    const error = await refusal(page, { path: /^\/api\/session$/, method: 'POST' }, () => page.getByRole('button', { name: 'Join' }).click())
    expect(error.code).toBe('invalid_code')
    await page.context().close()
  })

  test('a structure change the phase no longer allows', async () => {
    await forcePhase(plenum, 'drafting')
    const page = await englishPage(plenum.seed.bureauCode)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await deaf(page, `/congresses/${plenum.seed.congressId}/bureau`)
    await page.getByLabel('Title of the new question').fill('A question too late')
    await forcePhase(plenum, 'voting')
    await refusal(page, { path: /\/themes$/, method: 'POST' }, () => page.getByRole('button', { name: 'Add a question' }).click())
    await page.context().close()
  })

  test('filing an amendment when the phase no longer allows it', async () => {
    await forcePhase(plenum, 'amendments')
    const page = await englishPage(plenum.seed.bureauCode)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await deaf(page, `/congresses/${plenum.seed.congressId}/proposals/1`)
    await page.getByText('File an amendment').click()
    await forcePhase(plenum, 'voting')
    await refusal(page, { path: /\/amendments$/, method: 'POST' }, () => page.getByRole('button', { name: 'Create the amendment' }).click())
    await page.context().close()
  })

  test('an import with bad rows: each line said in English, nothing in French around it', async () => {
    await forcePhase(plenum, 'drafting')
    const page = await englishPage(plenum.seed.bureauCode)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/bureau`)
    await page.getByLabel('CSV file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name;organisation;email;role\nAnne;Ville;anne@example.fr;delegate\nBruno;Ville;bruno@;attendee\n;Ville;c@example.fr;delegate\nAnnie;Ville;anne@example.fr;delegate\n'),
    })
    // An import starts with its preview, which refuses a file with bad rows (issue 20: the re-import).
    const answered = page.waitForResponse((r) => /\/participants\/reimport\/preview$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST')
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const body: unknown = await (await answered).json()
    if (!isErrorBody(body)) throw new Error('not an error body')
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Nothing was imported:')
    const alert = (await page.getByRole('alert').textContent()) ?? ''
    expect(alert).toContain('Line 3, email: is not a valid email address')
    expect(alert).toContain('Line 4, name: is required')
    expect(alert).toContain('Line 5, email: already appears on line 2')
    expect(alert).not.toContain('Ligne')
    expect(alert).not.toContain(body.error.message)
    const { message: _message, details, ...error } = body.error
    expect(alert).not.toContain(say(french, error))
    // Each line in English: no word of the server's French sentences for the lines.
    expect(details?.length).toBe(3)
    const shownWords = new Set(alert.toLowerCase().match(/\p{L}+/gu))
    for (const detail of details ?? []) {
      for (const word of detail.message.toLowerCase().match(/\p{L}{3,}/gu) ?? []) expect(shownWords.has(word), `« ${word} » of « ${detail.message} »`).toBe(false)
    }
    await page.screenshot({ path: `${artifacts}errors-in-english-import.png`, fullPage: true })
    await page.context().close()
  })

  test('a vote on a ballot closed meanwhile', async () => {
    await forcePhase(plenum, 'voting')
    const [voter] = await importAndSignIn(plenum, bureauToken, [{ name: 'Vera Voter', role: 'delegate' }])
    await checkIn(plenum, bureauToken, [voter!.id])
    const ballot = await openedBallot(plenum, bureauToken, { kind: 'motion' })

    const page = await englishPage(voter!.code)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/vote`)
    // The bureau closes the ballot while the vote is on its way: the server gets it after the close.
    await page.route('**/votes', async (route) => {
      await step(plenum, bureauToken, ballot.id, 'close')
      await route.continue()
    })
    await page.getByRole('button', { name: 'For' }).click()
    const closed = await refusal(page, { path: /\/votes$/, method: 'POST' }, () => page.getByRole('button', { name: 'Confirm' }).click())
    expect(closed.code).toBe('ballot_closed')
    await page.screenshot({ path: `${artifacts}errors-in-english.png`, fullPage: true })
    await page.context().close()
  })

  test('a check-in with a wrong room code', async () => {
    await forcePhase(plenum, 'voting')
    const [latecomer] = await importAndSignIn(plenum, bureauToken, [{ name: 'Luc Late', role: 'delegate' }])
    const roomCode = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/room-code`, { method: 'POST', headers: { authorization: `Bearer ${bureauToken}` } })
    expect(roomCode.ok).toBe(true)
    const late = await englishPage(latecomer!.code)
    await late.getByRole('heading', { level: 1 }).waitFor()
    await late.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/vote`)
    await late.getByLabel('Code shown in the room').fill('000000')
    await refusal(late, { path: /\/check-in$/, method: 'POST' }, () => late.getByRole('button', { name: 'I am here' }).click())
    await late.context().close()
  })
})
