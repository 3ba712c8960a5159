import type { RecordBlock, RecordCell } from '../../shared/record/record-document.ts'
import { artifact, tagged } from '../tagged-pdf.ts'
import { drawNumbers, flowLines, lineHeight, numberedParagraphs, type Flow } from './pdf-flow.ts'
import { drawLine, wrapRuns, type TextStyle, type VisualLine } from './pdf-text-layout.ts'

type Table = Extract<RecordBlock, { kind: 'table' }>

const padding = 4
const numberColumn = 20
const cellStyle: TextStyle = { size: 8.5, base: 'regular' }
const headStyle: TextStyle = { size: 8.5, base: 'bold' }
const captionStyle: TextStyle = { size: 9.5, base: 'bold' }
const paragraphGap = 3

/** A cell's printed lines, each with the paragraph it belongs to and its number (lines cells). */
interface CellLine {
  readonly line: VisualLine
  readonly paragraph: number
  readonly number: number | null
  /** Space above: the gap between two paragraphs. */
  readonly gap: number
}

function cellLines(flow: Flow, cell: RecordCell, width: number): { lines: CellLine[]; paragraphs: number; numbered: boolean } {
  const numbered = cell.kind === 'lines'
  const paragraphs =
    cell.kind === 'lines'
      ? numberedParagraphs(flow.doc, cell.lines, width - numberColumn, cellStyle)
      : cell.paragraphs.map((runs) => {
          const lines = wrapRuns(flow.doc, runs, width, cellStyle)
          return { lines, numbers: lines.map(() => null) }
        })
  const lines = paragraphs.flatMap((p, paragraph) => p.lines.map((line, k) => ({ line, paragraph, number: p.numbers[k] ?? null, gap: k === 0 && paragraph > 0 ? paragraphGap : 0 })))
  return { lines, paragraphs: paragraphs.length, numbered }
}

/**
 * A table as the record prints it: a caption, a header row (repeated, as an artifact, on each page
 * the table continues on), rows whose cells may run over several pages, line by line. Tagged
 * Table › Caption, TR › TH (column scope) / TD › P, in reading order: row by row, cell by cell.
 */
export function flowTable(flow: Flow, parent: PDFKit.PDFStructureElement, table: Table): void {
  const { doc } = flow
  const element = doc.struct('Table')
  parent.add(element)
  const widths = table.columns.map((c) => c.width * flow.width)
  const lefts = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((a, b) => a + b, 0))
  const step = lineHeight(cellStyle)

  const heads = table.columns.map((c, i) => wrapRuns(doc, [{ text: c.title }], widths[i]! - 2 * padding, headStyle))
  const headHeight = Math.max(...heads.map((h) => h.length)) * lineHeight(headStyle) + 2 * padding
  const laidRows = table.rows.map((row) => row.map((cell, i) => cellLines(flow, cell, widths[i]! - 2 * padding)))
  // A row starts on a page only with a few of its lines: never a header alone at the foot of a page.
  const rowStart = (cells: readonly { lines: readonly CellLine[] }[]) => Math.min(3, Math.max(1, ...cells.map((c) => c.lines.length))) * step + 2 * padding
  const captionLines = wrapRuns(doc, [{ text: table.caption }], flow.width, captionStyle)
  flow.ensure(captionLines.length * lineHeight(captionStyle) + 2 + headHeight + (laidRows[0] ? rowStart(laidRows[0]) : 0))
  const caption = doc.struct('Caption')
  element.add(caption)
  flowLines(flow, caption, captionLines, captionStyle)
  caption.end()
  flow.y += 2

  const drawHead = (tag: PDFKit.PDFStructureElement[] | null) => {
    const top = flow.y
    heads.forEach((lines, i) => {
      const draw = () => lines.forEach((line, k) => drawLine(doc, line, lefts[i]! + padding, top + padding + k * lineHeight(headStyle), headStyle))
      const th = tag?.[i]
      if (th) tagged(doc, th, draw)
      else artifact(doc, 'Pagination', draw)
    })
    borders(flow, lefts, widths, top, headHeight, 1)
    flow.y = top + headHeight
  }
  const headRow = doc.struct('TR')
  element.add(headRow)
  const ths = table.columns.map(() => {
    const th = doc.struct('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions)
    headRow.add(th)
    return th
  })
  drawHead(ths)
  ths.forEach((th) => th.end())
  headRow.end()

  for (const laidRow of laidRows) {
    const tr = doc.struct('TR')
    element.add(tr)
    const cells = laidRow.map((laid) => {
      const td = doc.struct('TD')
      tr.add(td)
      const ps = Array.from({ length: laid.paragraphs }, () => {
        const p = doc.struct('P')
        td.add(p)
        return p
      })
      return { td, ps, ...laid, next: 0 }
    })
    // A row that starts near the foot of a page starts on the next one.
    if (flow.y + rowStart(cells) > flow.bottom()) {
      flow.newPage()
      drawHead(null)
    }
    while (true) {
      const top = flow.y
      const room = flow.bottom() - top - 2 * padding
      let height = 0
      cells.forEach((cell, i) => {
        const left = lefts[i]! + padding
        let used = 0
        const start = cell.next
        const numbers: (number | null)[] = []
        const tops: number[] = []
        while (cell.next < cell.lines.length) {
          const line = cell.lines[cell.next]!
          const gap = cell.next === start ? 0 : line.gap
          if (used + gap + step > room && cell.next > start) break
          tops.push(top + padding + used + gap)
          numbers.push(line.number)
          used += gap + step
          cell.next++
        }
        // Each paragraph's lines on this page: one marked-content sequence of its P.
        for (let k = start; k < cell.next; ) {
          const paragraph = cell.lines[k]!.paragraph
          const from = k
          while (k < cell.next && cell.lines[k]!.paragraph === paragraph) k++
          tagged(doc, cell.ps[paragraph]!, () => {
            for (let j = from; j < k; j++) drawLine(doc, cell.lines[j]!.line, left + (cell.numbered ? numberColumn : 0), tops[j - start]!, cellStyle)
          })
        }
        if (cell.numbered) tops.forEach((y, k) => drawNumbers(doc, [numbers[k]!], left, numberColumn, y, step, cellStyle))
        height = Math.max(height, used)
      })
      borders(flow, lefts, widths, top, height + 2 * padding)
      flow.y = top + height + 2 * padding
      if (cells.every((c) => c.next >= c.lines.length)) break
      flow.newPage()
      drawHead(null)
    }
    cells.forEach((c) => {
      c.ps.forEach((p) => p.end())
      c.td.end()
    })
    tr.end()
  }
  element.end()
  flow.y += 8
}

function borders(flow: Flow, lefts: readonly number[], widths: readonly number[], top: number, height: number, weight = 0.5): void {
  artifact(flow.doc, 'Layout', () => {
    const doc = flow.doc
    doc.save().lineWidth(weight).strokeColor('#8c8c8c')
    lefts.forEach((left, i) => doc.rect(left, top, widths[i]!, height))
    doc.stroke().restore()
  })
}
