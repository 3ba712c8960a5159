import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CongressView, FiledAmendmentView } from '../../shared/api-types.ts'
import { dateTimeWords } from '../../shared/record/record-dates.ts'
import { axeViolations, launchChromium } from '../helpers/browser.ts'
import { call, checkIn, openedBallot, setPhase } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const shots = '/tmp/shots-notifications/'
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/**
 * The header's notifications, live: a delegate files a sub-amendment on another's amendment, whose
 * badge goes to 1 without a reload; the list says it and its link opens it; what arrives while the
 * page is offline shows once it is back. And an invitation to co-sign, accepted from its notification.
 */
describe('notifications in the header, and invitations to co-sign', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let author: Signed
  let colleague: Signed
  let parent: FiledAmendmentView
  const congressPath = () => `/congresses/${plenum.seed.congressId}`
  const badge = (page: Page) => page.locator('plenum-notification-badge .notif-count')
  const count = async (page: Page) => ((await badge(page).count()) === 0 ? 0 : Number(await badge(page).textContent()))
  const shoot = (page: Page, name: string) => page.screenshot({ path: `${shots}${name}.png`, fullPage: false })

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureau = (await plenum.login()).token
    // Far from the machine's own zone: a notification's time must be the congress's, not the device's.
    const c = (await call<CongressView>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}`)).body
    const details = { title: c.title, edition: c.edition, date: c.date, place: c.place, minCosigners: c.minCosigners, timeZone: 'Pacific/Noumea' }
    expect((await call(plenum, bureau, 'PATCH', `/congresses/${plenum.seed.congressId}`, details)).status).toBe(200)
    await setPhase(plenum, bureau, 'amendments')
    const people = await importAndSignIn(plenum, bureau, [
      { name: 'Agnès Öztürk', role: 'delegate' },
      { name: 'Léon Martin', role: 'delegate' },
      { name: 'Zoé Arnaud', role: 'delegate' },
    ])
    author = people[0]!
    colleague = people[1]!
    parent = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${plenum.seed.proposals[0]!.id}/amendments`, { justification: 'Plus clair.' })).body
    expect((await call(plenum, author.token, 'POST', `/amendments/${parent.id}/submit`)).status).toBe(200)
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('a sub-amendment on my amendment: the badge goes to 1 live, the list says it, its link opens it; offline, what arrived shows on return', async () => {
    const page = await signedInAt(browser, plenum.baseUrl, author.code, congressPath(), { width: 1366, height: 900 })
    const button = page.getByRole('button', { name: /^Notifications/ })
    await button.waitFor()
    expect(await count(page)).toBe(0)
    // The stream is open (its first "notifications" has been read) before the colleague files.
    await page.waitForFunction(() => document.querySelector('plenum-notification-badge')?.querySelector('.notif-button') !== null)
    const sub = (await call<FiledAmendmentView>(plenum, colleague.token, 'POST', `/amendments/${parent.id}/sub-amendments`, { justification: 'Précision.' })).body
    await expect.poll(() => count(page), { timeout: 15_000 }).toBe(1)
    expect(await button.getAttribute('aria-expanded')).toBe('false')
    // Its name says the count in words ("1 non lue"), not only the figure drawn.
    await page.getByRole('button', { name: 'Notifications (1 non lue)' }).waitFor()
    await shoot(page, 'badge-fr-1366')
    await button.click()
    const sentence = `Léon Martin a déposé le sous-amendement ${sub.label} sur votre amendement ${parent.label}`
    const link = page.getByRole('link', { name: new RegExp(sentence) })
    await link.waitFor()
    expect(await button.getAttribute('aria-expanded')).toBe('true')
    // Its day and time, in words, in the congress's time zone (Nouméa), whatever the device's.
    const time = page.locator('.notif-list li').filter({ has: link }).locator('time')
    const at = (await time.getAttribute('datetime'))!
    expect(await time.textContent()).toBe(dateTimeWords(at, 'Pacific/Noumea', 'fr'))
    // Opened, it is read: the count is gone, here and (server-side) on every device.
    await expect.poll(() => count(page)).toBe(0)
    expect(await axeViolations(page, 'plenum-notification-badge')).toEqual([])
    await shoot(page, 'list-fr-1366')
    await page.setViewportSize({ width: 390, height: 844 })
    await shoot(page, 'list-fr-390')
    await page.setViewportSize({ width: 1366, height: 900 })
    await link.click()
    await page.waitForURL((url) => url.pathname === `${congressPath()}/amendments/${sub.id}`)
    await page.getByRole('heading', { level: 1, name: new RegExp(sub.label) }).waitFor()
    expect(await button.getAttribute('aria-expanded')).toBe('false')

    // Offline: a co-signature is asked meanwhile; back online, the badge shows it.
    await page.context().setOffline(true)
    await page.waitForFunction(() => !navigator.onLine)
    expect((await call(plenum, colleague.token, 'POST', `/amendments/${parent.id}/cosign`)).status).toBe(200)
    await page.context().setOffline(false)
    await expect.poll(() => count(page), { timeout: 20_000 }).toBe(1)
    await button.click()
    await page.getByRole('link', { name: new RegExp(`Léon Martin demande à cosigner votre amendement ${parent.label}`) }).waitFor()
    await page.keyboard.press('Escape')
    expect(await button.getAttribute('aria-expanded')).toBe('false')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('notif-button'))).toBe(true)
    await page.context().close()
  }, 120_000)

  test('the author invites a colleague from the amendment’s page; the colleague is told, accepts from there, and the author is told live', async () => {
    const own = await signedInAt(browser, plenum.baseUrl, author.code, `${congressPath()}/amendments/${parent.id}`, { width: 1366, height: 900 })
    // Léon asked to co-sign above: the author declines it first, so the invitation is the way in.
    expect((await call(plenum, author.token, 'DELETE', `/amendments/${parent.id}/cosigners/${colleague.id}`)).status).toBe(200)
    // The answer's live region is there, empty, before the press: its text arriving is read out (review item 8).
    const answer = own.locator('plenum-cosign-invite [data-message-for="cosign"][role="status"]')
    await own.getByLabel('Délégué à inviter').waitFor()
    expect(await answer.count()).toBe(1)
    expect((await answer.textContent())!.trim()).toBe('')
    await own.getByLabel('Délégué à inviter').selectOption({ label: 'Léon Martin' })
    await own.getByRole('button', { name: 'Inviter', exact: true }).click()
    await own.getByRole('status').filter({ hasText: 'Léon Martin est invité·e' }).waitFor()
    await own.getByText('1 invitation en attente : Léon Martin').waitFor()
    expect(await axeViolations(own, 'plenum-cosign-invite')).toEqual([])
    await shoot(own, 'invite-fr-1366')

    // Another amendment opened in the app: this one's answer and half-made choice do not follow (review item 8).
    await own.getByLabel('Délégué à inviter').selectOption({ label: 'Zoé Arnaud' })
    const second = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${plenum.seed.proposals[1]!.id}/amendments`, { justification: 'Autre.' })).body
    const goTo = (path: string) =>
      own.evaluate((to) => {
        history.pushState(null, '', to)
        dispatchEvent(new PopStateEvent('popstate'))
      }, path)
    await goTo(`${congressPath()}/amendments/${second.id}`)
    await own.getByRole('heading', { level: 1, name: new RegExp(second.label) }).waitFor()
    await own.getByLabel('Délégué à inviter').waitFor()
    expect((await answer.textContent())!.trim()).toBe('')
    expect(await own.getByLabel('Délégué à inviter').inputValue()).toBe('')
    await goTo(`${congressPath()}/amendments/${parent.id}`)
    await own.getByText('1 invitation en attente : Léon Martin').waitFor()

    const other = await signedInAt(browser, plenum.baseUrl, colleague.code, congressPath(), { width: 390, height: 844 })
    await expect.poll(() => count(other), { timeout: 15_000 }).toBeGreaterThanOrEqual(1)
    await other.getByRole('button', { name: /^Notifications/ }).click()
    await other.getByRole('link', { name: new RegExp(`Agnès Öztürk vous invite à cosigner l’amendement ${parent.label}`) }).click()
    await other.waitForURL((url) => url.pathname === `${congressPath()}/amendments/${parent.id}`)
    await other.getByText('L’auteur vous invite à cosigner cet amendement.').waitFor()
    await shoot(other, 'invited-fr-390')
    const before = await count(own)
    await other.getByRole('button', { name: 'Accepter de cosigner' }).click()
    await other.getByRole('status').filter({ hasText: 'Vous cosignez cet amendement.' }).waitFor()
    await expect.poll(() => count(own), { timeout: 15_000 }).toBe(before + 1)
    await own.locator('[data-cosigner]').filter({ hasText: 'Léon Martin' }).waitFor()

    // In English: the same list in the reader's language.
    await own.evaluate(() => localStorage.setItem('plenum.language', 'en'))
    await own.reload()
    await own.getByRole('button', { name: /^Notifications/ }).click()
    await own.getByRole('link', { name: new RegExp(`Léon Martin accepted to co-sign your amendment ${parent.label}`) }).waitFor()
    await own.getByRole('heading', { name: 'Invite to co-sign' }).waitFor()
    expect(await axeViolations(own, 'plenum-notification-badge')).toEqual([])
    await shoot(own, 'list-en-1366')
    await own.setViewportSize({ width: 390, height: 844 })
    await shoot(own, 'list-en-390')
    await own.keyboard.press('Escape')
    await own.locator('plenum-cosign-invite').scrollIntoViewIfNeeded()
    await shoot(own, 'invite-en-390')
    await own.context().close()
    await other.context().close()
  }, 120_000)

  test('a ballot opening is said in the reader’s language: “Proposal 3” in English, not the minutes’ French', async () => {
    await checkIn(plenum, bureau, [colleague.id])
    await setPhase(plenum, bureau, 'voting')
    await openedBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[2]!.id })
    const page = await signedInAt(browser, plenum.baseUrl, colleague.code, congressPath(), { width: 390, height: 844 })
    await page.getByRole('button', { name: /^Notifications/ }).click()
    await page.getByRole('link', { name: 'Scrutin ouvert : Proposition 3' }).waitFor()
    await page.evaluate(() => localStorage.setItem('plenum.language', 'en'))
    await page.reload()
    await page.getByRole('button', { name: /^Notifications/ }).click()
    await page.getByRole('link', { name: 'Ballot open: Proposal 3' }).waitFor()
    await shoot(page, 'ballot-en-390')
    await page.context().close()
  }, 60_000)
})
