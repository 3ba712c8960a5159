import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { newAccessCode } from '../../server/ids.ts'
import { numberLines } from '../../shared/amendments/text-diff.ts'
import { docParagraphs, docText } from '../../shared/editor/doc-state.ts'
import { axeViolations, hallUrl, launchChromium, openPage } from '../helpers/browser.ts'
import { insertParticipant } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { caretToEnd } from '../helpers/editor-caret.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const shots = '/tmp/shots-editor/'
const phone = { width: 390, height: 844 }

describe('the editor: a toolbar for a finger, one undo step per action, the diffs’ line numbers, brief name labels (Chromium, the hall’s name)', () => {
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

  const serverDoc = (n: number) => plenum.server.sync.rooms.get(plenum.seed.proposals[n - 1]!.docName)?.doc

  async function openProposal(code: string, n: number, viewport = phone, language: 'fr' | 'en' = 'fr'): Promise<Page> {
    const page = await openPage(browser, `${hallUrl(plenum.baseUrl)}/join/${code}`, viewport)
    page.setDefaultTimeout(30_000)
    await signedIn(page)
    await page.evaluate((l) => localStorage.setItem('plenum.language', l), language)
    await page.goto(`${hallUrl(plenum.baseUrl)}/congresses/${plenum.seed.congressId}/proposals/${n}`)
    await page.locator('[data-connection="connected"]').waitFor()
    await page.locator('.editor-content[contenteditable="true"]').waitFor()
    page.setDefaultTimeout(10_000)
    return page
  }

  const saved = (page: Page) => expect.poll(() => page.locator('.save-state').getAttribute('data-saved'), { timeout: 10_000 }).toBe('yes')

  test('the toolbar: six named buttons of 44 px, one tab stop moved by the arrows, pressed states said, the text keeps the focus', async () => {
    const page = await openProposal(alice.code, 5)
    const toolbar = page.getByRole('toolbar', { name: 'Mise en forme du texte' })
    const names = ['Gras', 'Italique', 'Liste à puces', 'Liste numérotée', 'Annuler', 'Rétablir']
    for (const name of names) {
      const box = (await toolbar.getByRole('button', { name, exact: true }).boundingBox())!
      expect(box.width).toBeGreaterThanOrEqual(44)
      expect(box.height).toBeGreaterThanOrEqual(44)
    }
    await expect(toolbar.locator('button[tabindex="0"]').count()).resolves.toBe(1)
    // Keyboard: Tab reaches the toolbar once, the arrows, Home and End move along it.
    await toolbar.getByRole('button', { name: 'Gras' }).focus()
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim())
    await page.keyboard.press('ArrowRight')
    await expect.poll(focused).toContain('Italique')
    await page.keyboard.press('End')
    await expect.poll(focused).toContain('Rétablir')
    await page.keyboard.press('ArrowRight')
    await expect.poll(focused).toContain('Gras')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(focused).toContain('Rétablir')
    await page.keyboard.press('Home')
    await expect.poll(focused).toContain('Gras')

    const editor = page.getByRole('textbox', { name: /Proposition 5/ })
    await editor.locator('p').last().click()
    await caretToEnd(page)
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('important')
    await page.keyboard.press('Shift+Home')
    await toolbar.getByRole('button', { name: 'Gras' }).click()
    await expect.poll(() => toolbar.getByRole('button', { name: 'Gras' }).getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => toolbar.getByRole('button', { name: 'Italique' }).getAttribute('aria-pressed')).toBe('false')
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('editor-content'))).toBe(true)
    await toolbar.getByRole('button', { name: 'Liste à puces' }).click()
    await expect.poll(() => toolbar.getByRole('button', { name: 'Liste à puces' }).getAttribute('aria-pressed')).toBe('true')
    await expect(editor.locator('ul li strong').textContent()).resolves.toBe('important')
    await saved(page)
    const markup = () => serverDoc(5)!.getXmlFragment('default').toString()
    expect(markup()).toMatch(/<bulletList><listItem><paragraph><bold>important<\/bold><\/paragraph>/i)
    await page.screenshot({ path: `${shots}toolbar-fr-390.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])

    // Undo from the toolbar: the list first, then the bold, each alone; redo puts the bold back.
    await toolbar.getByRole('button', { name: 'Annuler' }).click()
    await expect.poll(() => editor.locator('ul').count()).toBe(0)
    await expect(editor.locator('strong').last().textContent()).resolves.toBe('important')
    await toolbar.getByRole('button', { name: 'Annuler' }).click()
    await expect.poll(() => editor.locator('strong').filter({ hasText: 'important' }).count()).toBe(0)
    await expect(editor.textContent()).resolves.toContain('important')
    await toolbar.getByRole('button', { name: 'Rétablir' }).click()
    await expect.poll(() => editor.locator('strong').filter({ hasText: 'important' }).count()).toBe(1)
    await saved(page)
    await page.context().close()
  })

  test('undo takes back one action: what was typed, then the new paragraph, not all that came within half a second', async () => {
    const page = await openProposal(alice.code, 6, { width: 1366, height: 900 })
    const editor = page.getByRole('textbox', { name: /Proposition 6/ })
    await editor.click()
    await caretToEnd(page)
    const before = await editor.textContent()
    await page.keyboard.insertText(' premier')
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('second')
    await page.keyboard.press('Control+z')
    await expect.poll(() => editor.textContent()).toBe(`${before} premier`)
    await expect(editor.locator('p').last().textContent()).resolves.toBe('')
    await page.keyboard.press('Control+z')
    await expect.poll(() => editor.locator('p').last().textContent()).toMatch(/ premier$/)
    await expect(editor.textContent()).resolves.toBe(`${before} premier`)
    await page.keyboard.press('Control+z')
    await expect.poll(() => editor.textContent()).toBe(before)
    await saved(page)
    expect(docText(serverDoc(6)!)).not.toContain('premier')
    await page.context().close()
  })

  test('line numbers beside the text are the diffs’ own: printed lines of 80 characters, numbered on across paragraphs', async () => {
    for (const viewport of [phone, { width: 1366, height: 900 }]) {
      const page = await openProposal(alice.code, 3, viewport)
      const doc = serverDoc(3)!
      const lines = numberLines(docParagraphs(doc))
      expect(lines.length).toBeGreaterThan(1)
      const marks = page.locator('.line-gutter .line-number')
      await expect.poll(() => marks.count()).toBeGreaterThan(0)
      // Every printed line is numbered once, in order (two on one screen line read "4–5").
      const shown = (await marks.allTextContents()).flatMap((text) => {
        const [from, to] = text.split('–').map(Number)
        return Array.from({ length: (to ?? from!) - from! + 1 }, (_, i) => from! + i)
      })
      expect(shown).toEqual(lines.map((l) => l.number))
      // Each paragraph's first line number sits at the height of that paragraph's first screen line.
      const paragraphs = page.locator('.editor-content p')
      for (const [index, first] of lines.filter((l, i) => i === 0 || lines[i - 1]!.paragraph !== l.paragraph).entries()) {
        const mark = (await page.locator(`.line-number[data-first="${first.number}"]`).boundingBox())!
        const block = (await paragraphs.nth(index).boundingBox())!
        expect(Math.abs(mark.y - block.y)).toBeLessThan(12)
      }
      await page.screenshot({ path: `${shots}line-numbers-fr-${viewport.width}.png`, fullPage: true })
      await page.context().close()
    }
  })

  test('another person’s name shows beside their caret when they type, then leaves the text uncovered', async () => {
    const bureau = await openProposal(plenum.seed.bureauCode, 12)
    await bureau.evaluate(() => {
      const w = window as unknown as { labelFlashes: number }
      w.labelFlashes = 0
      const animate = Element.prototype.animate
      Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
        if (this.classList.contains('collaboration-carets__label')) w.labelFlashes += 1
        return animate.apply(this, args)
      }
    })
    const page = await openProposal(alice.code, 12, { width: 1366, height: 900 })
    await page.getByRole('textbox', { name: /Proposition 12/ }).click()
    await caretToEnd(page)
    await page.keyboard.insertText(' ajouté')
    const label = bureau.locator('.collaboration-carets__label', { hasText: alice.name })
    await label.waitFor({ state: 'attached' })
    await expect.poll(() => bureau.evaluate(() => (window as unknown as { labelFlashes: number }).labelFlashes)).toBeGreaterThan(0)
    await bureau.screenshot({ path: `${shots}caret-label-fr-390.png` })
    // Once its moment is over, the name no longer covers the line above the caret.
    const opacity = await label.evaluate((el) => {
      for (const a of el.getAnimations()) a.finish()
      return getComputedStyle(el).opacity
    })
    expect(opacity).toBe('0')
    await expect.poll(() => bureau.locator('.peers').textContent()).toContain(alice.name)
    // The sync bar keeps the name with the caret's colour, for when the label is gone.
    const caretColour = await bureau.locator('.collaboration-carets__caret', { has: label }).evaluate((el) => getComputedStyle(el).borderLeftColor)
    await expect.poll(() => bureau.locator('.peer', { hasText: alice.name }).locator('.peer-colour').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(caretColour)
    expect(await axeViolations(bureau)).toEqual([])
    await bureau.context().close()
    await page.context().close()
  })

  test('in English too, at 1366 px', async () => {
    const page = await openProposal(alice.code, 4, { width: 1366, height: 900 }, 'en')
    const toolbar = page.getByRole('toolbar', { name: 'Text formatting' })
    for (const name of ['Bold', 'Italic', 'Bulleted list', 'Numbered list', 'Undo', 'Redo']) await toolbar.getByRole('button', { name, exact: true }).waitFor()
    // English puts no space before a colon (French does): in the tab's title and the question's label.
    const title = (await page.locator('h1').textContent())!.trim()
    expect(await page.title()).toBe(`Proposal 4: ${title} — Plenum`)
    expect((await page.locator('.theme-name .label').textContent())!.trim()).toMatch(/^Question \d+:$/)
    await page.screenshot({ path: `${shots}toolbar-en-1366.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  })
})
