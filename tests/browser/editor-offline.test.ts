import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { newAccessCode } from '../../server/ids.ts'
import { stateText } from '../../shared/editor/doc-state.ts'
import { axeViolations, hallUrl, launchChromium, openPage } from '../helpers/browser.ts'
import { insertParticipant } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { caretToEnd } from '../helpers/editor-caret.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const shots = '/tmp/shots-editor/'

describe('the editor says at once that it is offline, counts what waits, and says when it is all stored (Chromium, plain HTTP on the hall’s name)', () => {
  let plenum: TestServer
  let browser: Browser
  const alice = { name: 'Alice Martin', code: newAccessCode() }

  beforeAll(async () => {
    plenum = await startTestServer({ clientDir })
    await insertParticipant(plenum, { ...alice, role: 'delegate' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  async function openProposal(n: number, viewport: { width: number; height: number }, language: 'fr' | 'en'): Promise<Page> {
    const page = await openPage(browser, `${hallUrl(plenum.baseUrl)}/join/${alice.code}`, viewport)
    page.setDefaultTimeout(30_000)
    await signedIn(page)
    await page.evaluate((l) => localStorage.setItem('plenum.language', l), language)
    await page.goto(`${hallUrl(plenum.baseUrl)}/congresses/${plenum.seed.congressId}/proposals/${n}`)
    await page.locator('[data-connection="connected"]').waitFor()
    await page.locator('.editor-content[contenteditable="true"]').waitFor()
    // Bounded well under the provider's own 30 s watchdog: "at once" is what is tested.
    page.setDefaultTimeout(10_000)
    return page
  }

  const cases = [
    { n: 9, language: 'fr', viewport: { width: 390, height: 844 }, one: '1 modification en attente', two: '2 modifications en attente', back: 'De retour en ligne : tout est enregistré', offline: /Hors ligne/ },
    { n: 10, language: 'en', viewport: { width: 1366, height: 900 }, one: '1 change waiting to be sent', two: '2 changes waiting to be sent', back: 'Back online: everything is saved', offline: /Offline/ },
  ] as const

  for (const c of cases) {
    test(`${c.language}, ${c.viewport.width} px: offline at once, "${c.two}", back online it is sent and said`, async () => {
      const page = await openProposal(c.n, c.viewport, c.language)
      const docName = plenum.seed.proposals[c.n - 1]!.docName
      const stored = async () => {
        const log = (await plenum.log.load(docName))!
        return stateText(log.state, log.updates)
      }
      const state = page.locator('.sync-state')
      const save = page.locator('.save-state')

      await page.context().setOffline(true)
      await expect.poll(() => state.getAttribute('data-connection')).toBe('offline')
      await expect(state.textContent()).resolves.toMatch(c.offline)

      await page.getByRole('textbox').click()
      await caretToEnd(page)
      await page.keyboard.insertText(' quetzal')
      await expect.poll(() => save.textContent()).toBe(c.one)
      await page.keyboard.insertText(' ocelot')
      await expect.poll(() => save.textContent()).toBe(c.two)
      await expect(stored()).resolves.not.toContain('quetzal ocelot')
      await page.screenshot({ path: `${shots}offline-${c.language}-${c.viewport.width}.png`, fullPage: true })
      expect(await axeViolations(page, 'plenum-doc-editor')).toEqual([])

      // Offline edits live only in this page: an in-app link asks first; refused, page and text stay
      // (the sign-in's page accepts every dialog: not here).
      page.removeAllListeners('dialog')
      const asked: string[] = []
      page.once('dialog', (dialog) => {
        asked.push(dialog.message())
        void dialog.dismiss()
      })
      await page.locator('nav.breadcrumb a').click()
      expect(asked).toHaveLength(1)
      expect(new URL(page.url()).pathname).toBe(`/congresses/${plenum.seed.congressId}/proposals/${c.n}`)
      await expect(page.getByRole('textbox').textContent()).resolves.toContain('quetzal ocelot')
      await expect(save.textContent()).resolves.toBe(c.two)

      await page.context().setOffline(false)
      await expect.poll(() => state.getAttribute('data-connection')).toBe('connected')
      await expect.poll(() => save.textContent()).toBe(c.back)
      await expect.poll(stored).toContain('quetzal ocelot')
      await page.screenshot({ path: `${shots}back-online-${c.language}-${c.viewport.width}.png`, fullPage: true })
      // The next keystroke is an ordinary save again.
      await page.keyboard.insertText('.')
      await expect.poll(() => save.getAttribute('data-saved')).toBe('yes')
      await expect(save.textContent()).resolves.not.toBe(c.back)
      await page.context().close()
    })
  }
})
