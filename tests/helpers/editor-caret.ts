import type { Page } from 'playwright-core'

/**
 * Ctrl+End in the editor, then waits until ProseMirror has taken the caret's move: Chromium moves
 * the caret at once but tells ProseMirror by a later `selectionchange` task, and a key pressed
 * meanwhile (input goes first) would act on the caret where it was.
 */
export async function caretToEnd(page: Page): Promise<void> {
  await page.keyboard.press('Control+End')
  await page.waitForFunction(() => {
    const editor = (document.activeElement as (Element & { editor?: { state: { doc: { content: { size: number } }; selection: { from: number; $from: { depth: number } } } } }) | null)?.editor
    return editor !== undefined && editor.state.selection.from === editor.state.doc.content.size - editor.state.selection.$from.depth
  })
}
