import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type ParagraphChild,
} from 'docx'
import { printable } from '../../shared/motion/printable.ts'
import type { RecordBlock, RecordCell, RecordDocument, RecordLine, RecordRun } from '../../shared/record/record-document.ts'
import { packDocx } from './docx-package.ts'
import { isLandscape, langTag } from './record-layout.ts'

const cm = (n: number) => Math.round(n * 567) // twips
const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const
const numberIndent = cm(0.9)
const cellNumberIndent = cm(0.7)

/** A run as Word shows it: an insertion underlined, a deletion struck through (and coloured, never by colour alone). */
function run(r: RecordRun, size?: number): TextRun {
  return new TextRun({
    text: printable(r.text),
    ...(size ? { size } : {}),
    ...(r.mark === 'strong' ? { bold: true } : {}),
    ...(r.mark === 'em' ? { italics: true } : {}),
    ...(r.mark === 'ins' ? { underline: { type: UnderlineType.SINGLE }, color: '0B5A2A' } : {}),
    ...(r.mark === 'del' ? { strike: true, color: '8A1C1C' } : {}),
  })
}

/**
 * A numbered line as one paragraph: its number (small, grey), a tab, its text; a line that opens a
 * paragraph of the text gets space above. The same lines as the PDF's, so a line number means the
 * same words in every format.
 */
function numberedLine(line: RecordLine, indent: number, size: number): Paragraph {
  const children: ParagraphChild[] = [new TextRun({ text: line.number === null ? '' : String(line.number), size: size - 4, color: '595959' }), new TextRun({ children: [new Tab()] }), ...line.runs.map((r) => run(r, size))]
  return new Paragraph({
    children,
    indent: { left: indent, hanging: indent },
    tabStops: [{ type: 'left', position: indent }],
    spacing: { before: line.paragraphStart ? 100 : 0, after: 0 },
  })
}

function cellChildren(cell: RecordCell | undefined): Paragraph[] {
  if (!cell) return [new Paragraph('')]
  // No space above a cell's first line: Word keeps it, LibreOffice does not, and the columns would not line up.
  const paragraphs = cell.kind === 'lines' ? cell.lines.map((l, i) => numberedLine(i === 0 ? { ...l, paragraphStart: false } : l, cellNumberIndent, 17)) : cell.paragraphs.map((runs) => new Paragraph({ children: runs.map((r) => run(r, 17)), spacing: { after: 60 } }))
  // Word requires a paragraph in every cell.
  return paragraphs.length > 0 ? paragraphs : [new Paragraph('')]
}

function table(block: Extract<RecordBlock, { kind: 'table' }>, width: number): (Paragraph | Table)[] {
  const widths = block.columns.map((c) => Math.round(c.width * width))
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text: printable(c.title), bold: true, size: 18 })] })] })),
  })
  const rows = block.rows.map((row) => new TableRow({ children: block.columns.map((_, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: cellChildren(row[i]) })) }))
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: printable(block.caption), bold: true })] }),
    new Table({ rows: [head, ...rows], columnWidths: widths, width: { size: width, type: WidthType.DXA } }),
    new Paragraph(''),
  ]
}

function blocks(block: RecordBlock, width: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: headings[block.level], children: [new TextRun(printable(block.text))] })]
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 100 }, children: block.runs.map((r) => run(r)) })]
    case 'list':
      return block.items.map((item) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: item.map((r) => run(r)) }))
    case 'lines':
      return [...block.lines.map((l) => numberedLine(l, numberIndent, 19)), new Paragraph({ spacing: { after: 60 }, children: [] })]
    case 'table':
      return table(block, width)
  }
}

/**
 * A record document as a Word document (DOCX): the title as the first Heading 1, the document's
 * headings one level below, Word's own heading, list and table-header styles (so Word's navigation
 * pane and a screen reader find the structure), numbered lines as in the PDF, a page footer
 * "title — page n / m"; its title, subject, author, language and date in the core properties.
 * Landscape when the PDF is. The same document gives the same bytes.
 */
export async function renderRecordDocx(record: RecordDocument): Promise<Uint8Array> {
  const landscape = isLandscape(record)
  const margin = cm(landscape ? 1.5 : 2)
  // A4 in twips; docx swaps width and height itself for a landscape page.
  const pageWidth = landscape ? 16838 : 11906
  const width = pageWidth - 2 * margin
  const lang = langTag(record.lang)
  const document = new Document({
    title: printable(record.title),
    subject: printable(record.subject),
    creator: printable(record.author),
    lastModifiedBy: 'Plenum',
    revision: 1,
    styles: {
      default: {
        document: { run: { size: 20, font: 'Arial', language: { value: lang } } },
        heading1: { run: { size: 32, bold: true, color: '000000' }, paragraph: { keepNext: true, spacing: { before: 240, after: 120 } } },
        heading2: { run: { size: 28, bold: true, color: '000000' }, paragraph: { keepNext: true, spacing: { before: 240, after: 100 } } },
        heading3: { run: { size: 24, bold: true, color: '000000' }, paragraph: { keepNext: true, spacing: { before: 200, after: 80 } } },
        heading4: { run: { size: 21, bold: true, italics: false, color: '000000' }, paragraph: { keepNext: true, spacing: { before: 160, after: 60 } } },
      },
      paragraphStyles: [{ id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { size: 19 }, paragraph: { spacing: { before: 120, after: 60 } } }],
    },
    numbering: { config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: cm(0.8), hanging: cm(0.4) } } } }] }] },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin: { top: margin, bottom: margin, left: margin, right: margin } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 16, color: '555555', children: [`${printable(record.title)} — page `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(printable(record.title))] }), ...record.blocks.flatMap((b) => blocks(b, width))],
      },
    ],
  })
  const captions = record.blocks.flatMap((b) => (b.kind === 'table' ? [printable(b.caption)] : []))
  return packDocx(document, record.date, lang, captions)
}
