import type { RecordLine } from '../../shared/record/record-document.ts'
import { artifact, tagged, type PdfDoc } from '../tagged-pdf.ts'
import { drawLine, wrapRuns, type TextStyle, type VisualLine } from './pdf-text-layout.ts'

/** The page being filled: where the next thing goes, and how to start a new page. */
export interface Flow {
  readonly doc: PdfDoc
  readonly left: number
  readonly width: number
  y: number
  readonly bottom: () => number
  readonly newPage: () => void
  /** Starts a new page unless `height` fits below `y`. */
  readonly ensure: (height: number) => void
}

export function flowOf(doc: PdfDoc): Flow {
  const { margins } = doc.page
  const flow: Flow = {
    doc,
    left: margins.left,
    width: doc.page.width - margins.left - margins.right,
    y: margins.top,
    bottom: () => doc.page.height - doc.page.margins.bottom,
    newPage: () => {
      doc.addPage()
      flow.y = doc.page.margins.top
    },
    ensure: (height) => {
      if (flow.y + height > flow.bottom()) flow.newPage()
    },
  }
  return flow
}

export const lineHeight = (style: TextStyle) => Math.round(style.size * 1.38 * 100) / 100

/**
 * Printed lines of one structure element, in the flow, across pages as needed: the lines that fit
 * on a page are one marked-content sequence of the element. `numbers[i]`, when given, is drawn in
 * the margin column left of line i as an artifact (a line number is a place, not text to read).
 */
export function flowLines(flow: Flow, element: PDFKit.PDFStructureElement, lines: readonly VisualLine[], style: TextStyle, indent = 0, numbers?: readonly (number | null)[]): void {
  const step = lineHeight(style)
  let i = 0
  while (i < lines.length) {
    flow.ensure(step)
    const top = flow.y
    const fit = Math.max(1, Math.min(lines.length - i, Math.floor((flow.bottom() - top) / step)))
    const slice = lines.slice(i, i + fit)
    tagged(flow.doc, element, () => slice.forEach((line, k) => drawLine(flow.doc, line, flow.left + indent, top + k * step, style)))
    if (numbers) drawNumbers(flow.doc, numbers.slice(i, i + fit), flow.left, indent, top, step, style)
    flow.y = top + fit * step
    i += fit
  }
}

export function drawNumbers(doc: PdfDoc, numbers: readonly (number | null)[], left: number, column: number, top: number, step: number, style: TextStyle): void {
  if (numbers.every((n) => n === null)) return
  artifact(doc, 'Layout', () => {
    numbers.forEach((number, k) => {
      if (number === null) return
      doc
        .font('regular')
        .fontSize(style.size * 0.75)
        .fillColor('#595959')
        .text(String(number), left, top + k * step + style.size * 0.2, { width: column - 6, align: 'right', lineBreak: false })
    })
  })
}

/** Numbered lines grouped in paragraphs (a line with `paragraphStart` opens one), each wrapped to `width`. */
export function numberedParagraphs(doc: PdfDoc, lines: readonly RecordLine[], width: number, style: TextStyle): { lines: VisualLine[]; numbers: (number | null)[] }[] {
  const paragraphs: { lines: VisualLine[]; numbers: (number | null)[] }[] = []
  for (const [index, line] of lines.entries()) {
    if (index === 0 || line.paragraphStart) paragraphs.push({ lines: [], numbers: [] })
    const paragraph = paragraphs.at(-1)!
    const wrapped = wrapRuns(doc, line.runs, width, style)
    wrapped.forEach((visual, k) => {
      paragraph.lines.push(visual)
      paragraph.numbers.push(k === 0 ? line.number : null)
    })
  }
  return paragraphs
}
