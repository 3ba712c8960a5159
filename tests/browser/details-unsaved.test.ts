import type { Browser } from 'playwright-core'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CongressView } from '../../shared/api-types.ts'
import { call } from '../helpers/ballots.ts'
import { axeViolations, launchChromium } from '../helpers/browser.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/**
 * The congress's details save on their button (issue 20, point 2): the form says when it holds
 * unsaved changes, leaving the page asks first, and the time zone saved is the congress's.
 */
describe('the congress’s details form', () => {
  let plenum: TestServer
  let browser: Browser

  beforeAll(async () => {
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('unsaved changes are said and asked about before leaving; saved, the time zone is the congress’s', async () => {
    const page = await signedInAt(browser, plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/bureau`, { width: 390, height: 844 })
    const form = page.locator('form.details')
    await form.waitFor()
    expect(await form.getByText('Modifications non enregistrées').count()).toBe(0)
    await form.getByLabel('Lieu').fill('Nouméa')
    await form.getByLabel('Fuseau horaire').fill('Pacific/Noumea')
    await form.getByText('Modifications non enregistrées').waitFor()

    // An in-app link asks; refused, the page and its typing stay (the sign-in's page accepts every dialog: not here).
    page.removeAllListeners('dialog')
    const asked: string[] = []
    page.once('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.dismiss()
    })
    await page.locator('nav.breadcrumb a, header a[href$="/dashboard"]').first().click()
    expect(asked).toHaveLength(1)
    expect(await form.getByLabel('Lieu').inputValue()).toBe('Nouméa')

    await form.getByRole('button', { name: 'Enregistrer' }).click()
    await form.getByRole('status').filter({ hasText: 'Enregistré' }).waitFor()
    expect(await form.getByText('Modifications non enregistrées').count()).toBe(0)
    const congress = (await call<CongressView>(plenum, (await plenum.login()).token, 'GET', `/congresses/${plenum.seed.congressId}`)).body
    expect(congress).toMatchObject({ place: 'Nouméa', timeZone: 'Pacific/Noumea' })
    // Saved, nothing asks any more.
    page.once('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.dismiss()
    })
    await page.locator('nav.breadcrumb a, header a[href$="/dashboard"]').first().click()
    await page.waitForURL((url) => !url.pathname.endsWith('/bureau'))
    expect(asked).toHaveLength(1)
    await page.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/bureau`)
    await form.waitFor()
    await page.screenshot({ path: '/tmp/shots-details-390-fr.png', fullPage: false })
    expect(await axeViolations(page)).toEqual([])
  }, 60_000)
})
