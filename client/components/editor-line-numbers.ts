import type { Editor } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { numberLines } from '../../shared/amendments/text-diff.ts'

/** A printed line of the text: its number and where it starts in the editor's document. */
export interface LineStart {
  readonly number: number
  readonly pos: number
}

/** The position of the `offset`-th character of a text block's text (what `textContent` counts). */
function positionOf(block: PmNode, blockPos: number, offset: number): number {
  let pos = blockPos + 1
  let left = offset
  for (let i = 0; i < block.childCount; i++) {
    const child = block.child(i)
    const length = child.isText ? child.text!.length : child.textContent.length
    if (left < length || (left === length && child.isText && i === block.childCount - 1)) return pos + left
    left -= length
    pos += child.nodeSize
  }
  return pos
}

/**
 * Where each printed line starts, numbered by the diffs' own rule (`numberLines`, on the same
 * text blocks in the same order as `docParagraphs`), so "ligne 12" beside the text is line 12
 * of every amendment's diff.
 */
export function lineStarts(doc: PmNode): LineStart[] {
  const blocks: { node: PmNode; pos: number }[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    blocks.push({ node, pos })
    return false
  })
  const starts: LineStart[] = []
  const offsets = new Map<number, number>()
  for (const line of numberLines(blocks.map((b) => b.node.textContent))) {
    const offset = offsets.get(line.paragraph) ?? 0
    const block = blocks[line.paragraph]!
    starts.push({ number: line.number, pos: positionOf(block.node, block.pos, offset) })
    offsets.set(line.paragraph, offset + line.text.length)
  }
  return starts
}

/**
 * The numbers in a gutter beside the editor, each at the height of the screen line where its
 * printed line starts. The gutter is outside the editable text (nothing to type over, copy or
 * read aloud twice); it follows every change of the text and of the editor's width.
 */
export class LineGutter {
  private frame = 0
  private readonly resize = new ResizeObserver(() => this.schedule())

  constructor(
    private readonly editor: Editor,
    private readonly gutter: HTMLElement,
  ) {
    editor.on('update', this.schedule)
    this.resize.observe(editor.view.dom)
    this.schedule()
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    this.resize.disconnect()
    this.editor.off('update', this.schedule)
    this.gutter.replaceChildren()
  }

  private readonly schedule = (): void => {
    cancelAnimationFrame(this.frame)
    this.frame = requestAnimationFrame(() => this.draw())
  }

  private draw(): void {
    const view = this.editor.view
    if (this.editor.isDestroyed || !view.dom.isConnected) return
    const top = this.gutter.getBoundingClientRect().top
    const numbers: HTMLElement[] = []
    let lastTop = Number.NaN
    for (const start of lineStarts(view.state.doc)) {
      const y = Math.round(view.coordsAtPos(start.pos, 1).top - top)
      const previous = numbers.at(-1)
      // Two printed lines starting on one screen line (a wide screen): one mark says both.
      if (previous && Math.abs(y - lastTop) < 4) {
        previous.textContent = `${previous.dataset.first}–${start.number}`
        previous.dataset.last = String(start.number)
        continue
      }
      const mark = document.createElement('span')
      mark.className = 'line-number'
      mark.textContent = String(start.number)
      mark.dataset.first = String(start.number)
      mark.dataset.line = String(start.number)
      mark.style.top = `${y}px`
      numbers.push(mark)
      lastTop = y
    }
    this.gutter.replaceChildren(...numbers)
  }
}
