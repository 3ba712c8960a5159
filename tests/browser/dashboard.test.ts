import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CongressView } from '../../shared/api-types.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { axeViolations, launchChromium, openPage } from '../helpers/browser.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedIn, signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const shots = '/tmp/shots-dashboard/'
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const phone = { width: 390, height: 844 }
const desktop = { width: 1366, height: 900 }

/**
 * Issue 20: a bureau member who has never seen Plenum runs the day from the dashboard. It lands
 * there after signing in, reads the next step in words with one link, sees it change live when a
 * delegate files an amendment, and undoes a mistaken phase move with a reason.
 */
describe('the bureau’s dashboard', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let anne: Signed
  let bruno: Signed

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    mkdirSync(shots, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureau = (await plenum.login()).token
    ;[anne, bruno] = (await importAndSignIn(plenum, bureau, [
      { name: 'Anne Autrice', role: 'delegate' },
      { name: 'Bruno Votant', role: 'attendee' },
    ])) as [Signed, Signed]
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  const dashboardPath = () => `/congresses/${plenum.seed.congressId}/dashboard`
  const phase = async () => (await call<CongressView>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}`)).body.phase
  const steps = (page: Page) => page.locator('.dashboard-step').allTextContents()
  const shoot = async (page: Page, name: string) => {
    await page.screenshot({ path: `${artifacts}dashboard-${name}.png`, fullPage: true })
    await page.screenshot({ path: `${shots}${name}.png`, fullPage: true })
  }

  test('the bureau lands on it, undoes a mistaken move, sees an amendment filed live and clicks through to rule on it', async () => {
    const page = await openPage(browser, `${plenum.baseUrl}/join/${plenum.seed.bureauCode}`, desktop)
    page.setDefaultTimeout(30_000)
    await signedIn(page)
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor()
    expect(new URL(page.url()).pathname).toBe(dashboardPath())
    // The help above the page, and the next step in words.
    await expect.poll(() => page.locator('.phase-help').textContent()).toContain('Rédaction : les délégué·e·s et le bureau écrivent ensemble')
    await expect.poll(() => steps(page)).toEqual([expect.stringContaining('passer en phase « Amendements »')])
    expect(await axeViolations(page)).toEqual([])
    await shoot(page, 'drafting-1366-fr')

    // A move by mistake, undone from the dashboard with a reason: nothing was decided since.
    await setPhase(plenum, bureau, 'amendments')
    await expect.poll(() => steps(page)).toEqual([expect.stringContaining('passer en phase « Vote »')])
    await page.getByRole('button', { name: 'Annuler le dernier changement de phase…' }).click()
    await page.getByLabel('Raison (obligatoire)').fill('Clic trop rapide : la rédaction n’était pas finie')
    await shoot(page, 'undo-1366-fr')
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Annuler le changement' }).click()
    await expect.poll(() => page.locator('[data-message-for="undo"]').textContent()).toContain('Changement annulé : le congrès est revenu en phase « Rédaction »')
    expect(await phase()).toBe('drafting')
    await expect.poll(() => page.locator('.phase-badge').textContent()).toContain('Rédaction')

    // The amendment phase again; a delegate files an amendment: the dashboard says so without a reload.
    await setPhase(plenum, bureau, 'amendments')
    await expect.poll(() => steps(page)).toEqual([expect.stringContaining('passer en phase « Vote »')])
    const filed = await call(plenum, anne.token, 'POST', `/proposals/${plenum.seed.proposals[0]!.id}/amendments`, {})
    expect((await call(plenum, anne.token, 'POST', `/amendments/${filed.body.id}/submit`)).status).toBe(200)
    await expect.poll(() => steps(page)).toEqual([expect.stringContaining('1 amendement attend votre décision de recevabilité.')])
    expect(await page.locator('#dash-amendments-heading').textContent()).toContain('(1)')
    // Once something was decided, the move is no longer offered for undoing.
    await expect.poll(() => page.getByText('Une décision a été prise depuis le dernier changement de phase').count()).toBe(1)
    await shoot(page, 'amendments-1366-fr')
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('link', { name: /^Statuer — 1 amendement attend/ }).click()
    await page.waitForURL((url) => url.pathname === `/congresses/${plenum.seed.congressId}/amendments/${filed.body.id}`)

    // The bureau page offers the undo too (it does not read the log): the server's refusal says why, beside the form.
    await page.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/bureau`)
    await page.getByRole('button', { name: 'Annuler le dernier changement de phase…' }).click()
    await page.getByLabel('Raison (obligatoire)').fill('Erreur')
    await page.getByRole('button', { name: 'Annuler le changement' }).click()
    await expect
      .poll(() => page.locator('[data-message-for="undo"] [role="alert"]').textContent())
      .toBe('Impossible d’annuler ce changement de phase : une décision a été prise depuis (un amendement). Changez de phase normalement.')
    expect(await phase()).toBe('amendments')
    await page.context().close()
  })

  test('in the voting phase: open ballots with participation, people by role, on a phone and a desktop, in French and English', async () => {
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [anne.id, bruno.id])
    let index = 2
    for (const viewport of [phone, desktop]) {
      const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[index]!.id })
      await vote(plenum, bruno.token, ballot.id, 'yes')
      const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, dashboardPath(), viewport)
      await expect.poll(() => page.locator(`[data-ballot="${ballot.id}"]`).textContent()).toContain('1 sur 2 ont voté')
      expect((await steps(page))[0]).toContain(`Scrutin ouvert sur la proposition ${index + 1} : 1 sur 2 ont voté.`)
      expect(await page.locator('.dashboard-people tr[data-role="delegate"] td').first().textContent()).toBe('1 / 1')
      expect(await page.locator('.phase-help').textContent()).toContain('Vote : le bureau ouvre, clôt et publie les scrutins')
      // Participation follows the votes live.
      await vote(plenum, anne.token, ballot.id, 'no')
      await expect.poll(() => page.locator(`[data-ballot="${ballot.id}"]`).textContent()).toContain('2 sur 2 ont voté')
      // Nothing runs off the side of a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      await shoot(page, `voting-${viewport.width}-fr`)
      expect(await axeViolations(page)).toEqual([])
      await page.getByRole('button', { name: 'Switch to English' }).click()
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor()
      await expect.poll(() => page.locator(`[data-ballot="${ballot.id}"]`).textContent()).toContain('2 of 2 have voted')
      expect(await page.locator('.phase-help').textContent()).toContain('Voting: the bureau opens, closes and publishes ballots')
      await shoot(page, `voting-${viewport.width}-en`)
      expect(await axeViolations(page)).toEqual([])
      await page.getByRole('button', { name: 'Passer en français' }).click()
      // The link to the desk lands on the desk, not at the top of the ballots page: focus and view on its heading.
      await page.getByRole('link', { name: 'Ouvrir le bureau des présences' }).click()
      await page.waitForURL((url) => url.pathname.endsWith('/ballots') && url.hash === '#attendance-heading')
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('attendance-heading')
      const desk = (await page.locator('#attendance-heading').boundingBox())!
      expect(desk.y).toBeGreaterThanOrEqual(0)
      expect(desk.y + desk.height).toBeLessThanOrEqual(viewport.height)
      expect(await axeViolations(page)).toEqual([])
      await page.context().close()
      await step(plenum, bureau, ballot.id, 'close')
      index += 1
    }
  }, 120_000)

  test('a delegate sees the help for delegates above the congress page, and gets 403 on the dashboard', async () => {
    const page = await signedInAt(browser, plenum.baseUrl, anne.code, `/congresses/${plenum.seed.congressId}`)
    await expect.poll(() => page.locator('.phase-help').textContent()).toContain('Vote : votez sur les scrutins ouverts')
    await page.goto(`${plenum.baseUrl}${dashboardPath()}`)
    await page.getByRole('alert').waitFor()
    expect(await page.locator('plenum-dashboard-page').count()).toBe(0)
    await page.context().close()
  })
})
