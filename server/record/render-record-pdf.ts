import type { RecordBlock, RecordDocument } from '../../shared/record/record-document.ts'
import { openTaggedPdf, pageFooters, tagged } from '../tagged-pdf.ts'
import { flowLines, flowOf, lineHeight, numberedParagraphs, type Flow } from './pdf-flow.ts'
import { flowTable } from './pdf-table.ts'
import { isLandscape, langTag } from './record-layout.ts'
import { wrapRuns, type TextStyle } from './pdf-text-layout.ts'

const bodyStyle: TextStyle = { size: 10, base: 'regular' }
const linesStyle: TextStyle = { size: 9.5, base: 'regular' }
const headingStyles: Record<1 | 2 | 3 | 4, TextStyle> = { 1: { size: 18, base: 'bold' }, 2: { size: 14, base: 'bold' }, 3: { size: 12, base: 'bold' }, 4: { size: 10.5, base: 'bold' } }
const numberColumn = 26
const listIndent = 16

/**
 * A record document as a tagged PDF, A4: its title as the first heading (H1), its headings one
 * level below (H2 to H4), paragraphs (P), lists (L › LI › Lbl + LBody), tables (Table › TR › TH/TD),
 * numbered lines as paragraphs with their numbers in the margin as artifacts, page numbers as
 * artifacts; the DejaVu fonts embedded, the language and metadata in the catalog and the XMP.
 * `archival` (sealed documents) makes it PDF/A-2a. Nothing depends on the clock: the same document
 * gives the same bytes.
 */
export async function renderRecordPdf(record: RecordDocument, options: { readonly archival?: boolean } = {}): Promise<Buffer> {
  const landscape = isLandscape(record)
  const { doc, done } = await openTaggedPdf(
    { title: record.title, subject: record.subject, author: record.author, lang: langTag(record.lang), date: record.date },
    { archival: options.archival ?? true, layout: landscape ? 'landscape' : 'portrait', margin: landscape ? 40 : 56 },
  )
  const flow = flowOf(doc)
  const root = doc.struct('Document')
  doc.addStructure(root)
  heading(flow, root, 1, record.title, keepWith(record.blocks, 0))
  record.blocks.forEach((block, i) => renderBlock(flow, root, block, keepWith(record.blocks, i + 1)))
  root.end()
  pageFooters(doc, record.title)
  doc.end()
  return done
}

/** The least of a block that must share the page of the heading above it. */
function keepWith(blocks: readonly RecordBlock[], index: number): number {
  const next = blocks[index]
  // A table: its caption, its header row and the first lines of its first row.
  if (next?.kind === 'table') return 120
  // A heading: itself, and what it keeps with it (a heading over a heading over a table…).
  if (next?.kind === 'heading') return 2 * headingStyles[(next.level + 1) as 2 | 3 | 4].size + keepWith(blocks, index + 1)
  return 3 * lineHeight(bodyStyle)
}

function heading(flow: Flow, parent: PDFKit.PDFStructureElement, level: 1 | 2 | 3 | 4, text: string, keep: number): void {
  const style = headingStyles[level]
  const lines = wrapRuns(flow.doc, [{ text }], flow.width, style)
  if (flow.y > flow.doc.page.margins.top) flow.y += style.size * 0.7
  // A heading never ends a page: it comes with the start of what it heads.
  flow.ensure(lines.length * lineHeight(style) + style.size * 0.35 + keep)
  const element = flow.doc.struct(`H${level}`)
  parent.add(element)
  flowLines(flow, element, lines, style)
  element.end()
  flow.y += style.size * 0.35
}

function renderBlock(flow: Flow, parent: PDFKit.PDFStructureElement, block: RecordBlock, keep: number): void {
  const { doc } = flow
  switch (block.kind) {
    case 'heading':
      heading(flow, parent, (block.level + 1) as 2 | 3 | 4, block.text, keep)
      return
    case 'paragraph': {
      const p = doc.struct('P')
      parent.add(p)
      flowLines(flow, p, wrapRuns(doc, block.runs, flow.width, bodyStyle), bodyStyle)
      p.end()
      flow.y += 5
      return
    }
    case 'list': {
      const list = doc.struct('L')
      parent.add(list)
      for (const item of block.items) {
        const li = doc.struct('LI')
        list.add(li)
        const lines = wrapRuns(doc, item, flow.width - listIndent, bodyStyle)
        flow.ensure(lineHeight(bodyStyle))
        const label = doc.struct('Lbl')
        li.add(label)
        const top = flow.y
        tagged(doc, label, () => doc.font('regular').fontSize(bodyStyle.size).fillColor('#000000').text('•', flow.left + 4, top, { lineBreak: false }))
        label.end()
        const body = doc.struct('LBody')
        li.add(body)
        flowLines(flow, body, lines, bodyStyle, listIndent)
        body.end()
        li.end()
        flow.y += 2
      }
      list.end()
      flow.y += 4
      return
    }
    case 'lines': {
      const paragraphs = numberedParagraphs(doc, block.lines, flow.width - numberColumn, linesStyle)
      for (const paragraph of paragraphs) {
        const p = doc.struct('P')
        parent.add(p)
        flowLines(flow, p, paragraph.lines, linesStyle, numberColumn, paragraph.numbers)
        p.end()
        flow.y += 4
      }
      flow.y += 3
      return
    }
    case 'table':
      flowTable(flow, parent, block)
      return
  }
}
