import { numberLines } from '../../shared/amendments/text-diff.ts'
import { frenchDate, isCarried, votesLine, type MotionData } from '../../shared/motion/motion-data.ts'
import { printable } from '../../shared/motion/printable.ts'
import { loadPdfKit } from '../load-pdfkit.ts'
import { pdfFonts } from '../pdf-fonts.ts'

const margin = 56
const numberColumn = 26

/**
 * motion.pdf: A4, DejaVu fonts embedded, each text printed on the same numbered 80-character lines
 * as the amendments' diffs. The creation date is the freeze date and nothing else varies, so a
 * rerun gives the same bytes.
 */
export async function renderMotionPdf(data: MotionData): Promise<Buffer> {
  const PDFDocument = await loadPdfKit()
  // Every text on one line, without control characters, as in the other formats.
  const motion = printableMotion(data)
  const frozenAt = new Date(motion.frozenAt)
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    info: { Title: `${motion.congress.title} — motion`, Author: motion.congress.organisation, Subject: 'Motion du congrès', Creator: 'Plenum', Producer: 'Plenum', CreationDate: frozenAt, ModDate: frozenAt },
    lang: 'fr-FR',
    displayTitle: true,
  })
  doc.registerFont('regular', pdfFonts.regular)
  doc.registerFont('bold', pdfFonts.bold)
  doc.registerFont('italic', pdfFonts.italic)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const width = doc.page.width - 2 * margin

  const heading = (text: string, size: number) => {
    if (doc.y > doc.page.height - margin - 80) doc.addPage()
    doc.moveDown(0.6).font('bold').fontSize(size).fillColor('#000000').text(text, margin, doc.y, { width })
    doc.moveDown(0.3)
  }
  const note = (text: string) => doc.font('italic').fontSize(9).fillColor('#333333').text(text, margin, doc.y, { width }).moveDown(0.3)
  const numbered = (paragraphs: readonly string[]) => {
    let paragraph = 0
    for (const line of numberLines(paragraphs)) {
      if (doc.y > doc.page.height - margin - 14) doc.addPage()
      if (line.paragraph !== paragraph) {
        doc.moveDown(0.35)
        paragraph = line.paragraph
      }
      const y = doc.y
      doc.font('regular').fontSize(7).fillColor('#666666').text(String(line.number), margin, y + 1.5, { width: numberColumn - 6, align: 'right', lineBreak: false })
      doc.font('regular').fontSize(9.5).fillColor('#000000').text(line.text.trimEnd(), margin + numberColumn, y, { width: width - numberColumn, lineBreak: false })
      doc.y = y + 13
    }
    doc.moveDown(0.4)
  }

  const { congress } = motion
  doc.font('bold').fontSize(18).text(congress.title, { width })
  doc.moveDown(0.3).font('regular').fontSize(10.5).fillColor('#333333')
  doc.text(`${congress.organisation} — ${congress.edition}e édition, ${congress.place}, ${congress.date}.`, { width })
  doc.text(`Motion gelée le ${frenchDate(motion.frozenAt)} (${motion.frozenAt}).`, { width })
  if (motion.motionVotes) note(`Vote sur l’ensemble de la motion : ${votesLine(motion.motionVotes)}.`)

  heading('Préambule', 14)
  numbered(motion.preamble)
  for (const theme of motion.themes) {
    heading(`${theme.position}. ${theme.title}`, 14)
    const carried = theme.proposals.filter(isCarried)
    if (carried.length === 0) note('Aucune proposition adoptée sous cette question.')
    for (const proposal of carried) {
      heading(`Proposition ${proposal.number} — ${proposal.title}`, 11.5)
      numbered(proposal.paragraphs)
      if (proposal.votes) note(`${votesLine(proposal.votes)}.`)
    }
  }
  const others = motion.themes.flatMap((t) => t.proposals).filter((p) => !isCarried(p))
  if (others.length > 0) {
    heading('Propositions non retenues', 14)
    for (const p of others) doc.font('regular').fontSize(9.5).fillColor('#000000').text(`Proposition ${p.number} — ${p.title} : ${p.votes ? votesLine(p.votes) : 'non mise aux voix'}.`, margin, doc.y, { width })
  }
  heading('Annexe — amendements intégrés', 14)
  if (motion.amendmentsMerged.length === 0) doc.font('regular').fontSize(9.5).text('Aucun amendement intégré.', margin, doc.y, { width })
  for (const a of motion.amendmentsMerged) {
    const where = a.proposalNumber === null ? 'préambule' : `proposition ${a.proposalNumber}`
    doc.font('regular').fontSize(9.5).fillColor('#000000').text(`${a.label} (${where}), intégré le ${frenchDate(a.mergedAt)}${a.votes ? ` — ${votesLine(a.votes)}` : ''}.`, margin, doc.y, { width })
  }

  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // The footer sits in the bottom margin: without this, writing there would start a new page.
    doc.page.margins.bottom = 0
    doc.font('regular').fontSize(8).fillColor('#555555').text(`${congress.title} — page ${i + 1} / ${range.count}`, margin, doc.page.height - margin + 20, { width, align: 'center', lineBreak: false })
  }
  doc.end()
  return done
}

function printableMotion(motion: MotionData): MotionData {
  const { congress } = motion
  return {
    ...motion,
    congress: { ...congress, title: printable(congress.title), organisation: printable(congress.organisation), place: printable(congress.place), date: printable(congress.date) },
    preamble: motion.preamble.map(printable),
    themes: motion.themes.map((t) => ({ ...t, title: printable(t.title), proposals: t.proposals.map((p) => ({ ...p, title: printable(p.title), paragraphs: p.paragraphs.map(printable) })) })),
  }
}
