import { printable } from '../shared/motion/printable.ts'
import { documentFaces, loadPdfKit, type FontName } from './load-pdfkit.ts'

export interface PdfMeta {
  readonly title: string
  readonly subject: string
  readonly author: string
  /** BCP 47, as the catalog's /Lang and the XMP's dc:language take it ("fr-FR"). */
  readonly lang: string
  /** ISO date-time: the creation and modification date, and (through them) the file's ID. */
  readonly date: string
}

export interface PdfOptions {
  /** PDF/A-2a (sealed documents): the sRGB output intent and the identification in the XMP. */
  readonly archival: boolean
  readonly layout?: 'portrait' | 'landscape'
  readonly margin?: number
}

export type PdfDoc = PDFKit.PDFDocument

// XMP is XML: a title with "&" or "<" would make it unreadable, and PDF/A readers reject that.
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const xmpDate = (date: Date) => `${date.toISOString().split('.')[0]}Z`

/**
 * A tagged PDF (structure tree, /Lang, /MarkInfo), A4, the DejaVu fonts registered as regular,
 * bold, italic, bold-italic and mono, PDF 1.7. Everything that varies comes from `meta`: pdfkit
 * derives the trailer's /ID from the info dictionary, and the XMP is written here from the same
 * values (pdfkit's own leaves ModDate out, which PDF/A requires to match, and does not escape),
 * so the same input gives the same bytes.
 */
export async function openTaggedPdf(given: PdfMeta, options: PdfOptions): Promise<{ doc: PdfDoc; done: Promise<Buffer> }> {
  const PDFDocument = await loadPdfKit()
  // A control character in the XMP would make it unreadable XML: printable, as the pages print it.
  const meta = { ...given, title: printable(given.title), subject: printable(given.subject), author: printable(given.author) }
  const date = new Date(meta.date)
  const info = { Title: meta.title, Author: meta.author, Subject: meta.subject, Creator: 'Plenum', Producer: 'Plenum', CreationDate: date, ModDate: date }
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 56,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    ...(options.archival ? { subset: 'PDF/A-2a' as const } : {}),
    lang: meta.lang,
    displayTitle: true,
    info,
  })
  const xmp = doc as unknown as { _addInfo(): void; appendXML(xml: string, newline?: boolean): void }
  xmp._addInfo = () => {
    xmp.appendXML(
      `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">` +
        `<xmp:CreateDate>${xmpDate(date)}</xmp:CreateDate><xmp:ModifyDate>${xmpDate(date)}</xmp:ModifyDate><xmp:MetadataDate>${xmpDate(date)}</xmp:MetadataDate>` +
        `<xmp:CreatorTool>Plenum</xmp:CreatorTool><pdf:Producer>Plenum</pdf:Producer>` +
        `<dc:format>application/pdf</dc:format>` +
        `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>` +
        `<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>` +
        `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>` +
        `<dc:language><rdf:Bag><rdf:li>${xml(meta.lang)}</rdf:li></rdf:Bag></dc:language>` +
        `</rdf:Description>`,
    )
  }
  // pdfkit takes a parsed font as well as a file (its types say only files).
  const faces = documentFaces() as unknown as Record<FontName, Uint8Array>
  doc.registerFont('regular', faces.regular)
  doc.registerFont('bold', faces.bold)
  doc.registerFont('italic', faces.italic)
  doc.registerFont('bold-italic', faces.boldItalic)
  doc.registerFont('mono', faces.mono)
  doc.font('regular')
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  return { doc, done }
}

/** Draws what is not content (page numbers, rules, borders) as an artifact: read by no screen reader. */
export function artifact(doc: PdfDoc, type: 'Pagination' | 'Layout', draw: () => void): void {
  doc.markContent('Artifact', { type })
  draw()
  doc.endMarkedContent()
}

/** Content of `element` on the current page: one marked-content sequence, added to the element. */
export function tagged(doc: PdfDoc, element: PDFKit.PDFStructureElement, draw: () => void): void {
  const tag = (element as unknown as { dictionary: { data: { S: string } } }).dictionary.data.S
  element.add(doc.markStructureContent(tag))
  draw()
  doc.endMarkedContent()
}

/** "Page n / m" at the foot of every page, as an artifact (the pages must be buffered). */
export function pageFooters(doc: PdfDoc, label: string): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const { margins, width, height } = doc.page
    // The footer sits in the bottom margin: without this, writing there would start a new page.
    const bottom = margins.bottom
    margins.bottom = 0
    artifact(doc, 'Pagination', () => {
      doc.font('regular').fontSize(8).fillColor('#555555').text(`${label} — page ${i + 1} / ${range.count}`, margins.left, height - bottom + 20, { width: width - margins.left - margins.right, align: 'center', lineBreak: false })
    })
  }
}
