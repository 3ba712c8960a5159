import { numberLines } from '../amendments/text-diff.ts'
import type { RecordBlock, RecordDocument, RecordLine } from '../record/record-document.ts'
import { frenchDate, isCarried, votesLine, type MotionData } from './motion-data.ts'
import { printable } from './printable.ts'

/** A text on the numbered 80-character lines the amendments' diffs use (after `printable`, as every format prints it). */
export function motionLines(paragraphs: readonly string[]): RecordLine[] {
  let paragraph = -1
  return numberLines(paragraphs.map(printable)).map((line) => {
    const paragraphStart = line.paragraph !== paragraph
    paragraph = line.paragraph
    return { number: line.number, runs: [{ text: line.text.trimEnd() }], ...(paragraphStart ? { paragraphStart } : {}) }
  })
}

const note = (text: string): RecordBlock => ({ kind: 'paragraph', runs: [{ text, mark: 'em' }] })

/**
 * The frozen motion as a record document, so motion.pdf and motion.docx come from the record's
 * renderers (tagged PDF, Word) with the content motion.odt and motion.md have: the congress, the
 * freeze, the preamble and each carried proposal on numbered lines with its vote, the proposals not
 * carried, the merged amendments.
 */
export function motionRecord(motion: MotionData): RecordDocument {
  const { congress } = motion
  const blocks: RecordBlock[] = [
    { kind: 'paragraph', runs: [{ text: `${congress.organisation} — ${congress.edition}e édition, ${congress.place}, ${congress.date}.` }] },
    { kind: 'paragraph', runs: [{ text: `Motion gelée le ${frenchDate(motion.frozenAt)} (${motion.frozenAt}).` }] },
  ]
  if (motion.motionVotes) blocks.push(note(`Vote sur l’ensemble de la motion : ${votesLine(motion.motionVotes)}.`))
  blocks.push({ kind: 'heading', level: 1, text: 'Préambule' }, { kind: 'lines', lines: motionLines(motion.preamble) })
  for (const theme of motion.themes) {
    blocks.push({ kind: 'heading', level: 1, text: `${theme.position}. ${theme.title}` })
    const carried = theme.proposals.filter(isCarried)
    if (carried.length === 0) blocks.push(note('Aucune proposition adoptée sous cette question.'))
    for (const proposal of carried) {
      blocks.push({ kind: 'heading', level: 2, text: `Proposition ${proposal.number} — ${proposal.title}` }, { kind: 'lines', lines: motionLines(proposal.paragraphs) })
      if (proposal.votes) blocks.push(note(`${votesLine(proposal.votes)}.`))
    }
  }
  const others = motion.themes.flatMap((t) => t.proposals).filter((p) => !isCarried(p))
  if (others.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: 'Propositions non retenues' }, { kind: 'list', items: others.map((p) => [{ text: `Proposition ${p.number} — ${p.title} : ${p.votes ? votesLine(p.votes) : 'non mise aux voix'}.` }]) })
  }
  blocks.push({ kind: 'heading', level: 1, text: 'Annexe — amendements intégrés' })
  if (motion.amendmentsMerged.length === 0) blocks.push({ kind: 'paragraph', runs: [{ text: 'Aucun amendement intégré.' }] })
  else {
    const where = (n: number | null) => (n === null ? 'préambule' : `proposition ${n}`)
    blocks.push({ kind: 'list', items: motion.amendmentsMerged.map((a) => [{ text: `${a.label} (${where(a.proposalNumber)}), intégré le ${frenchDate(a.mergedAt)}${a.votes ? ` — ${votesLine(a.votes)}` : ''}.` }]) })
  }
  return { lang: 'fr', title: `${congress.title} — motion`, subject: 'Motion du congrès', author: congress.organisation, date: motion.frozenAt, blocks }
}
