import QRCode from 'qrcode'
import type { IssuedParticipantView } from '../../shared/api-types.ts'
import type { Role } from '../../shared/roles.ts'
import { loadPdfKit } from '../load-pdfkit.ts'
import { pdfFonts as fonts } from '../pdf-fonts.ts'
import { joinLink } from './join-link.ts'

const roleNames: Record<Role, string> = { attendee: 'Participant·e', delegate: 'Délégué·e', bureau: 'Bureau', advisor: 'Conseiller·e' }

/**
 * The accreditation desk's sheet: A4 pages of 8 cards (2 × 4), one per participant, each with
 * name, organisation, role, QR code, link and code, to cut out and hand over. Made only from codes
 * just issued (the server keeps hashes): printing a card again means issuing a new code.
 */
export async function accessSheetPdf(title: string, participants: readonly IssuedParticipantView[], baseUrl: string): Promise<Buffer> {
  const PDFDocument = await loadPdfKit()
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: `Codes d’accès — ${title}`, Author: 'Plenum' } })
  doc.registerFont('regular', fonts.regular)
  doc.registerFont('bold', fonts.bold)
  doc.registerFont('mono', fonts.mono)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))

  const pageWidth = 595.28
  const pageHeight = 841.89
  const margin = 28
  const columns = 2
  const rows = 4
  const cardWidth = (pageWidth - 2 * margin) / columns
  const cardHeight = (pageHeight - 2 * margin) / rows
  const qrSize = 108

  participants.forEach((participant, index) => {
    const slot = index % (columns * rows)
    if (index > 0 && slot === 0) doc.addPage()
    const x = margin + (slot % columns) * cardWidth
    const y = margin + Math.floor(slot / columns) * cardHeight
    const link = joinLink(baseUrl, participant.code)

    doc.save().dash(3, { space: 3 }).lineWidth(0.5).strokeColor('#888888').rect(x, y, cardWidth, cardHeight).stroke().restore()
    const inner = x + 14
    const textWidth = cardWidth - 28
    doc.fillColor('#555555').font('regular').fontSize(8).text(title, inner, y + 12, { width: textWidth, lineBreak: false, ellipsis: true })
    doc.fillColor('#000000').font('bold').fontSize(12).text(participant.name, inner, y + 24, { width: textWidth, height: 30, ellipsis: true })
    doc.font('regular').fontSize(8.5).fillColor('#333333')
    doc.text(roleNames[participant.role], inner, doc.y + 1, { width: textWidth, lineBreak: false })
    if (participant.organisation) doc.text(participant.organisation, inner, doc.y + 1, { width: textWidth, lineBreak: false, ellipsis: true })

    const qr = QRCode.create(link, { errorCorrectionLevel: 'M' })
    const modules = qr.modules.size
    const cell = qrSize / modules
    const qrX = inner
    const qrY = Math.max(y + 76, doc.y + 6)
    doc.fillColor('#000000')
    for (let row = 0; row < modules; row++) {
      for (let col = 0; col < modules; col++) {
        if (qr.modules.get(row, col)) doc.rect(qrX + col * cell, qrY + row * cell, cell, cell)
      }
    }
    doc.fill()

    const right = qrX + qrSize + 12
    const rightWidth = x + cardWidth - 14 - right
    doc.fillColor('#333333').font('regular').fontSize(8).text('Code d’accès', right, qrY + 4, { width: rightWidth })
    doc.fillColor('#000000').font('mono').fontSize(12).text(participant.code, right, qrY + 16, { width: rightWidth })
    doc.fillColor('#333333').font('regular').fontSize(7.5).text('Scannez le QR code ou ouvrez :', right, qrY + 44, { width: rightWidth })
    doc.fillColor('#000000').font('regular').fontSize(7.5).text(link, right, doc.y + 1, { width: rightWidth })
  })
  if (participants.length === 0) doc.font('regular').fontSize(12).text('Aucun participant.', margin, margin)
  doc.end()
  return done
}
