import type { RecordRun } from '../../shared/record/record-document.ts'
import { printable } from '../../shared/motion/printable.ts'
import type { PdfDoc } from '../tagged-pdf.ts'

export type Mark = RecordRun['mark']

/** A piece of one printed line: its text, its mark, where it starts from the line's left. */
export interface Fragment {
  readonly text: string
  readonly mark: Mark
  readonly x: number
}
export type VisualLine = readonly Fragment[]

export interface TextStyle {
  readonly size: number
  /** The font of unmarked text ('bold' for a heading or a table's header). */
  readonly base: 'regular' | 'bold' | 'italic'
}

const fontOf = (mark: Mark, base: TextStyle['base']) => {
  if (mark === 'strong') return base === 'italic' ? 'bold-italic' : 'bold'
  if (mark === 'em') return base === 'bold' ? 'bold-italic' : 'italic'
  return base
}

// An insertion and a deletion differ by more than colour: underlined, struck through.
const colourOf = (mark: Mark) => (mark === 'ins' ? '#0b5a2a' : mark === 'del' ? '#8a1c1c' : '#000000')

/** Width of `text` in a style (pdfkit's measure, cached: the comparative table measures each word once). */
function measurer(doc: PdfDoc) {
  const cache = new Map<string, number>()
  return (text: string, mark: Mark, style: TextStyle) => {
    const font = fontOf(mark, style.base)
    const key = `${font}\u0000${style.size}\u0000${text}`
    let width = cache.get(key)
    if (width === undefined) {
      width = doc.font(font).fontSize(style.size).widthOfString(text)
      cache.set(key, width)
    }
    return width
  }
}

const measures = new WeakMap<PdfDoc, ReturnType<typeof measurer>>()

/**
 * Runs broken into printed lines of at most `width` points, at spaces (a word longer than a line is
 * cut where it must). Every text goes through `printable` first, as in the motion's other formats.
 */
export function wrapRuns(doc: PdfDoc, runs: readonly RecordRun[], width: number, style: TextStyle): VisualLine[] {
  let measure = measures.get(doc)
  if (!measure) measures.set(doc, (measure = measurer(doc)))
  const lines: Fragment[][] = [[]]
  let x = 0
  const push = (text: string, mark: Mark) => {
    const line = lines.at(-1)!
    const last = line.at(-1)
    // Words of one mark in a row make one fragment: fewer text operators, the same look.
    if (last && last.mark === mark) line[line.length - 1] = { ...last, text: last.text + text }
    else line.push({ text, mark, x })
    x += measure(text, mark, style)
  }
  for (const run of runs) {
    for (const word of printable(run.text).match(/\S+\s*|\s+/g) ?? []) {
      const visible = word.trimEnd()
      if (x > 0 && x + measure(visible, run.mark, style) > width) {
        lines.push([])
        x = 0
        if (visible.length === 0) continue
      }
      if (measure(visible, run.mark, style) <= width) {
        push(word, run.mark)
        continue
      }
      for (const char of word) {
        if (x > 0 && x + measure(char, run.mark, style) > width) {
          lines.push([])
          x = 0
        }
        push(char, run.mark)
      }
    }
  }
  return lines
}

/** One printed line at (left, top). */
export function drawLine(doc: PdfDoc, line: VisualLine, left: number, top: number, style: TextStyle): void {
  for (const fragment of line) {
    const text = fragment.text
    if (text.trim().length === 0 && fragment.mark !== 'ins' && fragment.mark !== 'del') continue
    doc
      .font(fontOf(fragment.mark, style.base))
      .fontSize(style.size)
      .fillColor(colourOf(fragment.mark))
      .text(text, left + fragment.x, top, { lineBreak: false, underline: fragment.mark === 'ins', strike: fragment.mark === 'del' })
  }
}
