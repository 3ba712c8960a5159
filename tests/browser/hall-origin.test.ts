import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hallUrl, launchChromium, openPage } from '../helpers/browser.ts'
import { bearer, importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/**
 * A delegate edits a proposal from a phone or laptop on the hall's Wi-Fi: plain HTTP on a host name
 * that is not localhost, so not a secure context (no crypto.subtle, no crypto.randomUUID). The editor,
 * its sync socket and its save indicator must work there as on 127.0.0.1.
 */
describe('editing a proposal from the hall (http://plenum-hall.test, not a secure context)', () => {
  let plenum: TestServer
  let browser: Browser
  let delegate: Signed
  let bureau: string
  const clients: TestClient[] = []

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    bureau = (await plenum.login()).token
    ;[delegate] = (await importAndSignIn(plenum, bureau, [{ name: 'Alice Martin', role: 'delegate' }])) as [Signed]
    browser = await launchChromium()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await browser?.close()
    await plenum?.close()
  })

  async function signedIn(errors: string[]): Promise<{ page: Page; hall: string }> {
    const hall = hallUrl(plenum.baseUrl)
    // Errors are gathered from the first page on: the join page is the first thing a phone runs.
    const page = await openPage(browser, 'about:blank')
    page.setDefaultTimeout(10_000)
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${hall}/join#code=${delegate.code}`)
    await page.getByRole('heading', { level: 1, name: '4e Congrès national des élus au numérique' }).waitFor()
    return { page, hall }
  }

  async function editorPage(errors: string[]): Promise<Page> {
    const { page, hall } = await signedIn(errors)
    await page.goto(`${hall}/congresses/${plenum.seed.congressId}/proposals/12`)
    await page.locator('[data-connection="connected"]').waitFor()
    return page
  }

  test('typing reaches another client, that client’s edits show, and the bar says saved, with no page error', async () => {
    const errors: string[] = []
    const page = await editorPage(errors)
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false)

    const other = await connectSynced(plenum.wsUrl, plenum.seed.proposals[11]!.docName, (await plenum.login()).token, 'Bureau')
    clients.push(other)

    const typed = ' Ajouté depuis la salle.'
    const editor = page.getByRole('textbox', { name: /Proposition 12/ })
    await editor.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(typed)
    await expect.poll(() => other.text(), { timeout: 10_000 }).toContain(typed.trim())
    await expect.poll(() => page.locator('.save-state').getAttribute('data-saved'), { timeout: 10_000 }).toBe('yes')

    other.appendParagraph('Un paragraphe du bureau.')
    await expect.poll(() => editor.textContent(), { timeout: 10_000 }).toContain('Un paragraphe du bureau.')

    await page.screenshot({ path: `${artifacts}hall-editor.png`, fullPage: true })
    expect(errors).toEqual([])
    await page.context().close()
    other.destroy()
  })

  test('filing an amendment, writing it and reading its live diff work there too', async () => {
    const phase = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/phase`, {
      method: 'POST',
      headers: { ...bearer(bureau), 'content-type': 'application/json' },
      body: JSON.stringify({ phase: 'amendments' }),
    })
    expect(phase.status).toBe(200)
    const errors: string[] = []
    const { page, hall } = await signedIn(errors)
    await page.goto(`${hall}/congresses/${plenum.seed.congressId}/proposals/3`)
    await page.getByText('Déposer un amendement').click()
    await page.getByRole('button', { name: 'Créer l’amendement' }).click()
    await page.getByRole('heading', { level: 1, name: /P3-A1/ }).waitFor()
    const editor = page.getByRole('textbox', { name: /P3-A1/ })
    await expect.poll(() => editor.getAttribute('contenteditable')).toBe('true')

    await editor.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Un ajout de la salle.')
    await expect.poll(() => page.locator('.diff ins').first().textContent(), { timeout: 10_000 }).toContain('Un ajout de la salle.')
    await expect.poll(() => page.locator('.diff-summary').textContent()).toMatch(/Ligne \d+/)
    await expect.poll(() => page.locator('.save-state').getAttribute('data-saved'), { timeout: 10_000 }).toBe('yes')
    // The server's list names the same line as the page's live diff.
    const line = Number((await page.locator('.diff-summary').textContent())!.match(/\d+/)![0])
    const listed = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/amendments`, { headers: bearer(bureau) })
    const { amendments } = (await listed.json()) as { amendments: { label: string; changedLines: { from: number; to: number }[] }[] }
    expect(amendments.find((a) => a.label === 'P3-A1')?.changedLines).toEqual([{ from: line, to: line }])

    await page.screenshot({ path: `${artifacts}hall-amendment.png`, fullPage: true })
    expect(errors).toEqual([])
    await page.context().close()
  })
})
