import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { newAccessCode } from '../../server/ids.ts'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { docText, editorSchema } from '../../shared/editor/doc-state.ts'
import { docField } from '../../shared/editor/extensions.ts'
import { maxTextChars } from '../../shared/editor/text-limits.ts'
import { checkUpdate } from '../../shared/editor/update-check.ts'
import { emptyTextSize } from '../../shared/editor/text-size.ts'
import { axeViolations, hallUrl, launchChromium, openPage } from '../helpers/browser.ts'
import { connectSynced } from '../helpers/providers.ts'
import { insertParticipant } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { caretToEnd } from '../helpers/editor-caret.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/** Each linked run of a stored text, with its href. */
function storedLinks(doc: Y.Doc): [string, unknown][] {
  const links: [string, unknown][] = []
  yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(docField), editorSchema).descendants((node) => {
    const link = node.marks.find((mark) => mark.type.name === 'link')
    if (node.isText && link) links.push([node.text!, link.attrs.href])
  })
  return links
}

async function paste(page: Page, html: string, text: string): Promise<void> {
  await page.evaluate(
    ([h, t]) => {
      const data = new DataTransfer()
      if (h) data.setData('text/html', h)
      data.setData('text/plain', t!)
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    },
    [html, text],
  )
}

describe('the real editor’s edits pass the server’s schema check; the size cap is said, not silent (Chromium, plain HTTP on the hall’s name)', () => {
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

  const proposal = () => plenum.seed.proposals[6]!
  const serverDoc = () => plenum.server.sync.rooms.get(proposal().docName)?.doc

  async function openProposal(): Promise<Page> {
    const page = await openPage(browser, `${hallUrl(plenum.baseUrl)}/join/${delegate.code}`)
    await signedIn(page)
    await page.goto(`${hallUrl(plenum.baseUrl)}/congresses/${plenum.seed.congressId}/proposals/7`)
    await page.locator('[data-connection="connected"]').waitFor()
    await page.locator('.editor-content[contenteditable="true"]').waitFor()
    return page
  }

  test('typing, lists, bold and italic, a line break, deleting, undo and a rich paste are all stored; headings and quotes are not a motion’s and come as paragraphs', async () => {
    const page = await openProposal()
    const editor = page.getByRole('textbox', { name: /Proposition 7/ })
    await editor.click()
    await caretToEnd(page)
    await page.keyboard.press('Enter')
    // Undo, then redo: both are new updates the server must take. First, on one word alone: Yjs'
    // undo manager makes one step of what was typed within half a second, so on a loaded machine an
    // undo later on could take the structure typed before it along.
    await page.keyboard.type('rétabli')
    const typed = await editor.innerHTML()
    await page.keyboard.press('Control+z')
    await expect.poll(() => editor.innerHTML()).not.toBe(typed)
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => editor.innerHTML()).toBe(typed)
    await page.keyboard.press('Enter')
    await page.keyboard.type('## Titre ajouté')
    await page.keyboard.press('Enter')
    await page.keyboard.type('- premier point')
    await page.keyboard.press('Enter')
    await page.keyboard.type('second point')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type('1. numéroté')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+b')
    await page.keyboard.type('gras')
    await page.keyboard.press('Control+b')
    await page.keyboard.type(' puis ')
    await page.keyboard.press('Control+i')
    await page.keyboard.type('italique')
    await page.keyboard.press('Control+i')
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.type('après le saut XYZ')
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace')
    await page.keyboard.press('Enter')
    await page.keyboard.type('> une citation')
    await page.keyboard.press('Enter')
    await paste(page, '<ul><li><p><strong>collé</strong> en liste</p></li></ul><h3>Titre collé</h3><blockquote><p>citation collée</p></blockquote><p><a href="https://example.org">un lien</a></p>', 'collé en liste')
    await expect.poll(() => page.locator('.save-state').getAttribute('data-saved'), { timeout: 10_000 }).toBe('yes')

    await page.screenshot({ path: `${artifacts}editor-rich-edits.png`, fullPage: true })
    const doc = serverDoc()!
    const text = docText(doc)
    for (const piece of ['rétabli', 'Titre ajouté', 'premier point', 'second point', 'numéroté', 'gras puis italique', 'après le saut', 'une citation', 'collé en liste', 'Titre collé', 'citation collée', 'un lien']) expect(text).toContain(piece)
    expect(text).not.toContain('XYZ')
    const kinds = new Set(doc.getXmlFragment(docField).toArray().map((n) => (n as Y.XmlElement).nodeName))
    for (const kind of ['bulletList', 'orderedList', 'paragraph']) expect(kinds).toContain(kind)
    // What a motion has no use for: "## " and "> " stay typed characters, a pasted heading or quote is a paragraph.
    for (const kind of ['heading', 'blockquote', 'codeBlock', 'horizontalRule']) expect(kinds).not.toContain(kind)
    expect(text).toContain('## Titre ajouté')
    expect(text).toContain('> une citation')
    await expect(page.locator('.editor-content h1, .editor-content h2, .editor-content h3, .editor-content blockquote').count()).resolves.toBe(0)
    // The whole stored text, checked as one update: within the schema.
    expect(checkUpdate(new Y.Doc(), (await plenum.server.sync.documents.read(proposal().docName))!, emptyTextSize)).toMatchObject({ ok: true })
    await expect(page.locator('[data-discarded]').count()).resolves.toBe(0)
    await page.context().close()
  })

  test('a typed web address becomes a link at the space or Enter after it, a pasted one too; a pasted javascript: link is no link', async () => {
    const page = await openProposal()
    const editor = page.getByRole('textbox', { name: /Proposition 7/ })
    await editor.click()
    await caretToEnd(page)
    await page.keyboard.press('Enter')
    await page.keyboard.type('Voir https://example.org/statuts. puis')
    await page.keyboard.press('Enter')
    await page.keyboard.type('et http://example.net/ordre')
    await page.keyboard.press('Enter')
    await paste(page, '<p><a href="javascript:alert(1)">piège</a> et <a href=" JaVaScRiPt:alert(2)">piège 2</a></p>', 'piège et piège 2')
    await page.keyboard.press('Enter')
    await paste(page, '', 'texte https://example.com/annexe fin')
    await expect.poll(() => page.locator('.save-state').getAttribute('data-saved'), { timeout: 10_000 }).toBe('yes')

    const anchors = await page.locator('.editor-content a').evaluateAll((all) => all.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]))
    expect(JSON.stringify(anchors)).not.toMatch(/javascript|piège/i)
    // The last three: the first test's paste left a link before them.
    const shown = anchors.slice(-3)
    const rel = 'noopener noreferrer nofollow'
    expect(shown).toEqual([
      ['https://example.org/statuts', 'https://example.org/statuts', rel],
      ['http://example.net/ordre', 'http://example.net/ordre', rel],
      ['https://example.com/annexe', 'https://example.com/annexe', rel],
    ])
    const doc = serverDoc()!
    expect(storedLinks(doc).slice(-3)).toEqual(shown.map(([text, href]) => [text, href]))
    // Enter still ended the line after linking it; the pasted traps arrive as their text.
    const text = docText(doc)
    for (const line of ['Voir https://example.org/statuts. puis', 'et http://example.net/ordre', 'piège et piège 2', 'texte https://example.com/annexe fin']) expect(text.split('\n')).toContain(line)
    expect(JSON.stringify(storedLinks(doc))).not.toMatch(/javascript/i)
    await page.context().close()
  })

  test('a paste that would take the text past the cap is stopped in the editor, with a message; nothing of it reaches the server', async () => {
    const page = await openProposal()
    const editor = page.getByRole('textbox', { name: /Proposition 7/ })
    await editor.click()
    await caretToEnd(page)
    const before = docText(serverDoc()!)
    await paste(page, '', 'y'.repeat(maxTextChars))
    const alert = page.locator('[data-too-long]')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/100.000 caractères/)
    await page.screenshot({ path: `${artifacts}editor-size-cap.png` })
    expect(await axeViolations(page)).toEqual([])
    // The next edit that fits goes through, and the message goes.
    await page.keyboard.type(' suite')
    await expect.poll(() => page.locator('.save-state').getAttribute('data-saved'), { timeout: 10_000 }).toBe('yes')
    expect(docText(serverDoc()!)).toBe(`${before} suite`)
    await expect(alert.count()).resolves.toBe(0)
    await page.context().close()
  })

  test('an update the server refuses (two typists past the cap together) reloads the text and says why', async () => {
    const docName = plenum.seed.proposals[7]!.docName
    const page = await openPage(browser, `${hallUrl(plenum.baseUrl)}/join/${delegate.code}`)
    await signedIn(page)
    // The hall's Wi-Fi delays what the server sends this phone: it has not yet seen the other typist's paste.
    let hold = false
    await page.context().routeWebSocket(/\/sync\//, (socket) => {
      const server = socket.connectToServer()
      socket.onMessage((message) => server.send(message))
      server.onMessage((message) => {
        const bytes = typeof message === 'string' ? Buffer.from(message) : message
        if (hold && bytes[0] === 0 && bytes[1] === 2) return
        socket.send(message)
      })
    })
    await page.goto(`${hallUrl(plenum.baseUrl)}/congresses/${plenum.seed.congressId}/proposals/8`)
    await page.locator('.editor-content[contenteditable="true"]').waitFor()
    hold = true
    const other = await connectSynced(plenum.wsUrl, docName, (await plenum.login()).token, 'Autre')
    const first = (other.doc.getXmlFragment(docField).get(0) as Y.XmlElement).get(0) as Y.XmlText
    first.insert(0, 'y'.repeat(maxTextChars - docText(other.doc).length - 5))
    await expect.poll(() => docText(plenum.server.sync.rooms.get(docName)!.doc).length).toBeGreaterThan(maxTextChars - 10)

    await page.getByRole('textbox', { name: /Proposition 8/ }).click()
    await caretToEnd(page)
    await page.keyboard.type('0123456789')
    const alert = page.locator('[data-discarded="size"]')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/100.000 caractères/)
    hold = false
    await page.screenshot({ path: `${artifacts}editor-refused-size.png` })
    expect(docText(plenum.server.sync.rooms.get(docName)!.doc)).not.toContain('0123456789')
    other.destroy()
    await page.context().close()
  })
})
