import { canonicalJson } from '../canonical-json.ts'
import { frenchDate, isCarried, votesLine, type MotionData } from './motion-data.ts'
import { printable } from './printable.ts'

/** motion.json: the data itself, canonical, so the same motion is always the same bytes. */
export function renderMotionJson(motion: MotionData): string {
  return `${canonicalJson(motion)}\n`
}

/**
 * A text as one line of Markdown that reads as itself: on one line (no line break can start a
 * heading, a list or a code block), trimmed (four spaces would make code), every character
 * CommonMark or GitHub reads as markup escaped wherever it is (emphasis, code, fences with ` or ~,
 * links, HTML, headings, quotes, tables, entities), and at the start what opens a list, a
 * setext heading or a rule (`-`, `+`, `=`, `1.`, `1)`).
 */
export function escapeMarkdown(text: string): string {
  return printable(text)
    .trim()
    .replace(/([\\`*_{}[\]<>#|~])/g, '\\$1')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
}

export function renderMotionMarkdown(motion: MotionData): string {
  const { congress } = motion
  const out: string[] = []
  out.push(`# ${escapeMarkdown(congress.title)}`, '')
  out.push(`${escapeMarkdown(congress.organisation)} — ${congress.edition}e édition, ${escapeMarkdown(congress.place)}, ${escapeMarkdown(congress.date)}.`, '')
  out.push(`Motion gelée le ${frenchDate(motion.frozenAt)} (${motion.frozenAt}).`, '')
  if (motion.motionVotes) out.push(`Vote sur l’ensemble de la motion : ${votesLine(motion.motionVotes)}.`, '')
  out.push('## Préambule', '')
  for (const paragraph of motion.preamble) out.push(escapeMarkdown(paragraph), '')
  for (const theme of motion.themes) {
    out.push(`## ${theme.position}. ${escapeMarkdown(theme.title)}`, '')
    const carried = theme.proposals.filter(isCarried)
    if (carried.length === 0) out.push('*Aucune proposition adoptée sous cette question.*', '')
    for (const proposal of carried) {
      out.push(`### Proposition ${proposal.number} — ${escapeMarkdown(proposal.title)}`, '')
      for (const paragraph of proposal.paragraphs) out.push(escapeMarkdown(paragraph), '')
      if (proposal.votes) out.push(`*${votesLine(proposal.votes)}.*`, '')
    }
  }
  const others = motion.themes.flatMap((t) => t.proposals).filter((p) => !isCarried(p))
  if (others.length > 0) {
    out.push('## Propositions non retenues', '')
    for (const p of others) out.push(`- Proposition ${p.number} — ${escapeMarkdown(p.title)} : ${p.votes ? votesLine(p.votes) : 'non mise aux voix'}.`)
    out.push('')
  }
  out.push('## Annexe — amendements intégrés', '')
  if (motion.amendmentsMerged.length === 0) out.push('Aucun amendement intégré.', '')
  else {
    for (const a of motion.amendmentsMerged) out.push(`- ${a.label} (${a.proposalNumber === null ? 'préambule' : `proposition ${a.proposalNumber}`}), intégré le ${frenchDate(a.mergedAt)}${a.votes ? ` — ${votesLine(a.votes)}` : ''}.`)
    out.push('')
  }
  return out.join('\n')
}
