import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TextHistoryView } from '../../shared/history/text-history.ts'
import { setPhase } from '../helpers/ballots.ts'
import { axeViolations, hallUrl, launchChromium } from '../helpers/browser.ts'
import { bearer, importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/** A proposal's history page: the list, two versions compared, the bureau's restore seen live in another tab, and a phone. */
describe('a text’s history page', () => {
  let plenum: TestServer
  let browser: Browser
  let anne: Signed
  let bureauToken: string
  let writer: TestClient

  const signIn = (base: string, code: string, path: string, viewport?: { width: number; height: number }) => signedInAt(browser, base, code, path, viewport)
  const versions = async () => {
    const response = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/proposals/${plenum.seed.proposals[0]!.id}/versions`, { headers: bearer(bureauToken) })
    return ((await response.json()) as TextHistoryView).versions
  }

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir, typingPauseMs: 300 })
    browser = await launchChromium()
    bureauToken = (await plenum.login()).token
    ;[anne] = (await importAndSignIn(plenum, bureauToken, [{ name: 'Anne Rédactrice', role: 'delegate' }])) as [Signed]
    // Anne writes, pauses (version 1), the phases move (versions 2 and 3), she writes again (version 4).
    writer = await connectSynced(plenum.wsUrl, plenum.seed.proposals[0]!.docName, anne.token, anne.name)
    writer.appendParagraph('Une première phrase d’Anne, gardée par la pause.')
    await roundTrip(writer)
    await waitFor(async () => (await versions()).length === 1, 'the first pause’s version')
    await setPhase(plenum, bureauToken, 'amendments')
    await setPhase(plenum, bureauToken, 'drafting')
    await waitFor(() => writer.provider.synced, 'Anne writes again')
    writer.appendParagraph('Une seconde phrase, que le bureau retirera.')
    await roundTrip(writer)
    await waitFor(async () => (await versions()).length === 4, 'the second pause’s version')
  })
  afterAll(async () => {
    writer?.destroy()
    await browser?.close()
    await plenum?.close()
  })

  test('the bureau compares two versions, then restores the first; the text’s page in another tab follows at once', async () => {
    const congressId = plenum.seed.congressId
    const textTab = await signIn(plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${congressId}/proposals/1`)
    await textTab.locator('.ProseMirror', { hasText: 'que le bureau retirera' }).waitFor()
    // Another tab of the same browser: from the text's page to its history.
    const page = await textTab.context().newPage()
    page.setDefaultTimeout(10_000)
    await page.goto(`${plenum.baseUrl}/congresses/${congressId}/proposals/1`)
    await page.getByRole('link', { name: 'Historique des versions' }).click()
    await page.getByRole('heading', { level: 1, name: /^Historique — Proposition 1/ }).waitFor()
    expect(await page.locator('li.history-version').count()).toBe(4)
    await page.locator('li.history-version[data-seq="4"]', { hasText: 'Pause dans la saisie' }).getByText('Anne Rédactrice').waitFor()
    await page.locator('li.history-version[data-seq="2"]', { hasText: 'passage en phase « Amendements »' }).waitFor()
    // The newest against the one before: Anne's second sentence, inserted, on numbered lines.
    await page.locator('plenum-amendment-diff ins', { hasText: 'que le bureau retirera' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${artifacts}text-history-diff.png`, fullPage: true })

    await page.getByLabel('Version de départ').selectOption({ index: 0 })
    await page.getByLabel('Côte à côte').check()
    await page.locator('.history-side h3#history-from', { hasText: 'Version 1' }).waitFor()
    expect(await page.locator('.history-side .history-column').count()).toBe(2)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${artifacts}text-history-side.png`, fullPage: true })

    const first = page.locator('li.history-version[data-seq="1"]')
    await first.getByRole('button', { name: 'Restaurer cette version' }).click()
    await first.getByText('Restaurer la version 1 ?').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${artifacts}text-history-confirm.png`, fullPage: true })
    await first.getByRole('button', { name: 'Confirmer la restauration' }).click()
    await page.getByRole('status').filter({ hasText: 'La version 1 a été restaurée.' }).waitFor()
    await page.locator('li.history-version[data-seq="5"]', { hasText: 'retour à la version 1' }).waitFor()
    // The other tab's editor, live: the second sentence is gone, the first stays.
    await textTab.locator('.ProseMirror', { hasText: 'gardée par la pause' }).waitFor()
    await waitFor(async () => !(await textTab.locator('.ProseMirror').innerText()).includes('que le bureau retirera'), 'the restore reaches the other tab')
    await waitFor(() => !writer.text().includes('que le bureau retirera'), 'and Anne’s own editor')
    await page.close()
    await textTab.close()
  })

  test('on a phone, a delegate reads the history without a restore button', async () => {
    const phone = await signIn(hallUrl(plenum.baseUrl), anne.code, `/congresses/${plenum.seed.congressId}/proposals/1/history`, { width: 360, height: 740 })
    await phone.locator('li.history-version').first().waitFor()
    await phone.locator('plenum-amendment-diff').waitFor()
    expect(await phone.getByRole('button', { name: 'Restaurer cette version' }).count()).toBe(0)
    // Nothing wider than the screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    expect(await axeViolations(phone)).toEqual([])
    await phone.screenshot({ path: `${artifacts}text-history-phone.png`, fullPage: true })
    // In English, the same page.
    await phone.getByRole('button', { name: 'Switch to English' }).click()
    await phone.getByRole('heading', { level: 1, name: /^History — Proposal 1/ }).waitFor()
    await phone.locator('li.history-version[data-seq="2"]', { hasText: 'Phase change — into the “Amendments” phase' }).waitFor()
    await phone.getByRole('heading', { name: 'Compare two versions' }).waitFor()
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    expect(await axeViolations(phone)).toEqual([])
    await phone.screenshot({ path: `${artifacts}text-history-phone-en.png`, fullPage: true })
    await phone.close()
  })
})
