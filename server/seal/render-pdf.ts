import type { MotionData } from '../../shared/motion/motion-data.ts'
import { motionRecord } from '../../shared/motion/motion-record.ts'
import { renderRecordPdf } from '../record/render-record-pdf.ts'

/**
 * motion.pdf: PDF/A-2a, tagged (headings, paragraphs, lists, reading order, /Lang), A4, DejaVu
 * fonts embedded, each text printed on the same numbered 80-character lines as the amendments'
 * diffs. Dated the freeze, and nothing else varies, so a rerun gives the same bytes.
 */
export function renderMotionPdf(motion: MotionData): Promise<Buffer> {
  return renderRecordPdf(motionRecord(motion), { archival: true })
}
