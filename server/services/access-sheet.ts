import QRCode from 'qrcode'
import type { IssuedParticipantView } from '../../shared/api-types.ts'
import type { Role } from '../../shared/roles.ts'
import { artifact, openTaggedPdf, tagged } from '../tagged-pdf.ts'
import { joinLink } from './join-link.ts'

const roleNames: Record<Role, string> = { attendee: 'Participant·e', delegate: 'Délégué·e', bureau: 'Bureau', advisor: 'Conseiller·e' }

export interface AccessSheetMeta {
  readonly title: string
  readonly organisation: string
  /** ISO date-time the codes were issued: the PDF's date. */
  readonly issuedAt: string
}

/**
 * The accreditation desk's sheet: A4 pages of 8 cards (2 × 4), one per participant, each with
 * name, organisation, role, QR code, link and code, to cut out and hand over. Made only from codes
 * just issued (the server keeps hashes): printing a card again means issuing a new code.
 * Tagged, in French: each card a section (Sect) read in order, the name its heading, the QR code a
 * figure whose alternative text says what it opens; the cutting lines are artifacts. Not PDF/A:
 * it is printed and cut, not archived (and holds codes no archive should keep).
 *
 * The bureau's codes (its own among them, after a reissue or an import that lists it) are not
 * cards for the accreditation desk: a bureau code opens the freeze and the seal. They come last,
 * on pages of their own under a banner that says so, each card marked, so the desk's pages can be
 * handed over without them. Printed rather than left out: the server keeps only hashes, so a code
 * left out of the sheet would be lost.
 */
export async function accessSheetPdf(meta: AccessSheetMeta, participants: readonly IssuedParticipantView[], baseUrl: string): Promise<Buffer> {
  const { title } = meta
  const { doc, done } = await openTaggedPdf(
    { title: `Codes d’accès — ${title}`, subject: 'Cartes d’accès des participants', author: meta.organisation, lang: 'fr-FR', date: meta.issuedAt },
    { archival: false, margin: 0 },
  )
  const root = doc.struct('Document')
  doc.addStructure(root)
  const add = (parent: PDFKit.PDFStructureElement, tag: string, draw: () => void, options: Record<string, unknown> = {}) => {
    const element = doc.struct(tag, options)
    parent.add(element)
    tagged(doc, element, draw)
    element.end()
  }

  const pageWidth = 595.28
  const pageHeight = 841.89
  const margin = 28
  const columns = 2
  const rows = 4
  const cardWidth = (pageWidth - 2 * margin) / columns
  const cardHeight = (pageHeight - 2 * margin) / rows
  const qrSize = 108

  const perPage = columns * rows
  // On the bureau's pages the first row holds the banner.
  const bureauPerPage = perPage - columns
  const desk = participants.filter((p) => p.role !== 'bureau')
  const bureau = participants.filter((p) => p.role === 'bureau')
  const slots = [
    ...desk.map((participant, index) => ({ participant, page: Math.floor(index / perPage), slot: index % perPage })),
    ...bureau.map((participant, index) => ({ participant, page: Math.ceil(desk.length / perPage) + Math.floor(index / bureauPerPage), slot: columns + (index % bureauPerPage) })),
  ]

  let page = 0
  slots.forEach(({ participant, page: onPage, slot }, index) => {
    if (index > 0 && onPage !== page) doc.addPage()
    page = onPage
    const isBureau = participant.role === 'bureau'
    if (isBureau && slot === columns) bureauBanner(doc, root, margin, pageWidth - 2 * margin, cardHeight, bureau.length)
    const x = margin + (slot % columns) * cardWidth
    const y = margin + Math.floor(slot / columns) * cardHeight
    const link = joinLink(baseUrl, participant.code)

    const card = doc.struct('Sect')
    root.add(card)
    artifact(doc, 'Layout', () => doc.save().dash(3, { space: 3 }).lineWidth(isBureau ? 1.5 : 0.5).strokeColor(isBureau ? '#7f1d1d' : '#888888').rect(x, y, cardWidth, cardHeight).stroke().restore())
    const inner = x + 14
    const textWidth = cardWidth - 28
    const kicker = isBureau ? 'BUREAU — ne pas remettre à l’accueil' : title
    add(card, 'P', () => doc.fillColor(isBureau ? '#7f1d1d' : '#555555').font(isBureau ? 'bold' : 'regular').fontSize(8).text(kicker, inner, y + 12, { width: textWidth, lineBreak: false, ellipsis: true }))
    add(card, 'H1', () => doc.fillColor('#000000').font('bold').fontSize(12).text(participant.name, inner, y + 24, { width: textWidth, height: 30, ellipsis: true }))
    add(card, 'P', () => doc.font('regular').fontSize(8.5).fillColor('#333333').text(roleNames[participant.role], inner, doc.y + 1, { width: textWidth, lineBreak: false }))
    if (participant.organisation) add(card, 'P', () => doc.font('regular').fontSize(8.5).fillColor('#333333').text(participant.organisation!, inner, doc.y + 1, { width: textWidth, lineBreak: false, ellipsis: true }))

    const qr = QRCode.create(link, { errorCorrectionLevel: 'M' })
    const modules = qr.modules.size
    const cell = qrSize / modules
    const qrX = inner
    const qrY = Math.max(y + 76, doc.y + 6)
    const alt = `QR code : lien d’accès personnel de ${participant.name} à Plenum (${link})`
    add(
      card,
      'Figure',
      () => {
        doc.fillColor('#000000')
        for (let row = 0; row < modules; row++) {
          for (let col = 0; col < modules; col++) {
            if (qr.modules.get(row, col)) doc.rect(qrX + col * cell, qrY + row * cell, cell, cell)
          }
        }
        doc.fill()
      },
      { alt, bbox: [qrX, qrY, qrX + qrSize, qrY + qrSize], placement: 'Block' },
    )

    const right = qrX + qrSize + 12
    const rightWidth = x + cardWidth - 14 - right
    add(card, 'P', () => doc.fillColor('#333333').font('regular').fontSize(8).text('Code d’accès', right, qrY + 4, { width: rightWidth }))
    add(card, 'P', () => doc.fillColor('#000000').font('mono').fontSize(12).text(participant.code, right, qrY + 16, { width: rightWidth }))
    add(card, 'P', () => doc.fillColor('#333333').font('regular').fontSize(7.5).text('Scannez le QR code ou ouvrez :', right, qrY + 44, { width: rightWidth }))
    add(card, 'P', () => doc.fillColor('#000000').font('regular').fontSize(7.5).text(link, right, doc.y + 1, { width: rightWidth }))
    card.end()
  })
  if (participants.length === 0) add(root, 'P', () => doc.font('regular').fontSize(12).text('Aucun participant.', margin, margin))
  root.end()
  doc.end()
  return done
}

/** The top of a bureau page: what these codes are, and that they stay with the bureau. */
function bureauBanner(doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement, x: number, width: number, height: number, count: number): void {
  const y = 28
  artifact(doc, 'Layout', () => doc.save().rect(x, y, width, height - 12).fill('#fef2f2').restore())
  artifact(doc, 'Layout', () => doc.save().lineWidth(2).strokeColor('#7f1d1d').rect(x, y, width, height - 12).stroke().restore())
  const add = (tag: string, draw: () => void) => {
    const element = doc.struct(tag)
    root.add(element)
    tagged(doc, element, draw)
    element.end()
  }
  const inner = x + 18
  const textWidth = width - 36
  add('H1', () => doc.fillColor('#7f1d1d').font('bold').fontSize(20).text('CODES DU BUREAU — à garder à part', inner, y + 16, { width: textWidth }))
  add('P', () =>
    doc
      .fillColor('#000000')
      .font('regular')
      .fontSize(10.5)
      .text(
        count === 1
          ? 'Cette page porte le code d’un membre du bureau : il ouvre le gel et le scellement de la motion. Ne la remettez pas à l’accueil avec les autres cartes : donnez la carte en main propre à son titulaire.'
          : `Ces pages portent les codes des ${count} membres du bureau : ils ouvrent le gel et le scellement de la motion. Ne les remettez pas à l’accueil avec les autres cartes : donnez chaque carte en main propre à son titulaire.`,
        inner,
        doc.y + 8,
        { width: textWidth },
      ),
  )
}
