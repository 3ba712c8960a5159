import QRCode from 'qrcode'
import { dateTimeWords, dayWords } from '../../shared/record/record-dates.ts'
import { artifact, openTaggedPdf, tagged, type PdfDoc } from '../tagged-pdf.ts'

export interface DeliverySlipData {
  readonly congress: { readonly title: string; readonly organisation: string; readonly edition: number; readonly place: string; readonly date: string }
  readonly delivery: { readonly advisorName: string; readonly institution: string; readonly date: string; readonly channel: string }
  /** The advisor's code, just issued, and the link that opens their page with it. */
  readonly code: string
  readonly link: string
  /** The seal the advisor will check; null if the congress has none (it always has one once frozen). */
  readonly seal: { readonly frozenAt: string; readonly manifestSha256: string; readonly publicKeyFingerprint: string } | null
  readonly timeZone: string
  /** ISO date-time the slip was made: the PDF's date. */
  readonly issuedAt: string
}

const ink = '#000000'
const grey = '#444444'

/**
 * The slip handed to an advisor with the motion: who receives it, when and how, the link to their
 * read-only page as a QR code and in words, their personal code, and the seal they will check (the
 * freeze's date in the congress's time zone, the manifest's digest, the key's fingerprint, the two
 * stock commands). One A4 page, tagged, in French. Made only from the code the delivery's answer
 * just showed (the server keeps its hash): printing it again means recording the delivery again.
 */
export async function deliverySlipPdf(data: DeliverySlipData): Promise<Buffer> {
  const { congress, delivery, seal } = data
  const { doc, done } = await openTaggedPdf(
    { title: `Fiche de remise — ${delivery.advisorName}`, subject: `Remise de la motion du ${congress.title}`, author: congress.organisation, lang: 'fr-FR', date: data.issuedAt },
    { archival: false },
  )
  const root = doc.struct('Document')
  doc.addStructure(root)
  const add = (tag: string, draw: () => void, options: Record<string, unknown> = {}) => {
    const element = doc.struct(tag, options)
    root.add(element)
    tagged(doc, element, draw)
    element.end()
  }
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  const text = (value: string, size: number, options: { font?: string; color?: string; gap?: number } = {}) =>
    doc.font(options.font ?? 'regular').fontSize(size).fillColor(options.color ?? ink).text(value, left, doc.y + (options.gap ?? 0), { width })

  add('P', () => text(`${congress.organisation} · ${congress.title}`, 10, { color: grey }))
  add('H1', () => text('Remise de la motion adoptée', 22, { font: 'bold', gap: 6 }))
  add('P', () => text([congress.place, congress.date ? dayWords(congress.date, 'fr') : ''].filter(Boolean).join(', '), 11, { color: grey, gap: 2 }))

  add('H2', () => text('Destinataire', 14, { font: 'bold', gap: 16 }))
  add('P', () => text(`${delivery.advisorName} — ${delivery.institution}`, 13, { gap: 4 }))
  add('P', () => text(`Remise le ${dayWords(delivery.date, 'fr')}, ${delivery.channel}.`, 11, { gap: 4 }))

  add('H2', () => text('Lire la motion scellée et vérifier son sceau', 14, { font: 'bold', gap: 16 }))
  drawQr(doc, root, data, left, doc.y + 10)

  add('P', () =>
    text(
      'Le lien ouvre une page en lecture seule : la motion telle qu’elle a été scellée, son sceau, et la vérification de la signature faite dans votre navigateur. Le code est personnel : il ne permet ni de modifier ni de voter.',
      10.5,
      { gap: 10 },
    ),
  )
  if (seal) {
    add('H2', () => text('Le sceau', 14, { font: 'bold', gap: 16 }))
    add('P', () => text(`Motion gelée et scellée le ${dateTimeWords(seal.frozenAt, data.timeZone, 'fr')} (heure de ${data.timeZone}).`, 10.5, { gap: 4 }))
    add('P', () => text('Empreinte SHA-256 du manifeste (manifest.json) :', 10.5, { gap: 6 }))
    add('P', () => text(seal.manifestSha256, 9.5, { font: 'mono', gap: 2 }))
    add('P', () => text('Empreinte SHA-256 de la clé publique :', 10.5, { gap: 6 }))
    add('P', () => text(seal.publicKeyFingerprint, 9.5, { font: 'mono', gap: 2 }))
    add('P', () => text('Vérification hors ligne, dans le dossier scellé décompressé, avec la clé publiée par Plenum (/api/keys/public) :', 10.5, { gap: 6 }))
    add('P', () => text('openssl pkeyutl -verify -pubin -inkey cle-publiee.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig', 8.5, { font: 'mono', gap: 2 }))
    add('P', () => text('sha256sum -c SHA256SUMS', 8.5, { font: 'mono', gap: 1 }))
  }
  const bottom = doc.page.margins.bottom
  doc.page.margins.bottom = 0
  artifact(doc, 'Pagination', () =>
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#555555')
      .text(`Fiche de remise — ${congress.title} — établie le ${dateTimeWords(data.issuedAt, data.timeZone, 'fr')}`, left, doc.page.height - bottom + 20, { width, align: 'center', lineBreak: false }),
  )
  root.end()
  doc.end()
  return done
}

/** The QR code of the link (a figure whose alternative text says what it opens), the code and the link beside it. */
function drawQr(doc: PdfDoc, root: PDFKit.PDFStructureElement, data: DeliverySlipData, x: number, y: number): void {
  const size = 150
  const qr = QRCode.create(data.link, { errorCorrectionLevel: 'M' })
  const modules = qr.modules.size
  const cell = size / modules
  // pdfkit writes bbox and placement (Figure's layout attributes) though its types leave them out, as the access sheet's cards do.
  const options: Record<string, unknown> = { alt: `QR code : lien d’accès de ${data.delivery.advisorName} à la motion scellée (${data.link})`, bbox: [x, y, x + size, y + size], placement: 'Block' }
  const figure = doc.struct('Figure', options)
  root.add(figure)
  tagged(doc, figure, () => {
    doc.fillColor(ink)
    for (let row = 0; row < modules; row++) {
      for (let col = 0; col < modules; col++) if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell)
    }
    doc.fill()
  })
  figure.end()
  const right = x + size + 20
  const rightWidth = doc.page.width - doc.page.margins.right - right
  const add = (tag: string, draw: () => void) => {
    const element = doc.struct(tag)
    root.add(element)
    tagged(doc, element, draw)
    element.end()
  }
  add('P', () => doc.font('regular').fontSize(10).fillColor(grey).text('Code d’accès personnel', right, y + 8, { width: rightWidth }))
  add('P', () => doc.font('mono').fontSize(18).fillColor(ink).text(data.code, right, doc.y + 2, { width: rightWidth }))
  add('P', () => doc.font('regular').fontSize(10).fillColor(grey).text('Scannez le QR code, ou ouvrez :', right, doc.y + 12, { width: rightWidth }))
  add('P', () => doc.font('regular').fontSize(10).fillColor(ink).text(data.link, right, doc.y + 2, { width: rightWidth }))
  doc.y = Math.max(doc.y, y + size)
  doc.x = doc.page.margins.left
}
