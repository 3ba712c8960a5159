import type { MotionData } from '../../shared/motion/motion-data.ts'
import { motionRecord } from '../../shared/motion/motion-record.ts'
import { renderRecordDocx } from '../record/render-record-docx.ts'

/**
 * motion.docx: the motion for Word, with motion.pdf's content and numbered lines (one record
 * document renders both), Word's heading and list styles, dated the freeze: a rerun gives the
 * same bytes.
 */
export function renderMotionDocx(motion: MotionData): Promise<Uint8Array> {
  return renderRecordDocx(motionRecord(motion))
}
