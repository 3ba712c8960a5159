import { frenchDate, isCarried, votesLine, type MotionData } from './motion-data.ts'
import { printable } from './printable.ts'

// printable first: no control character in the sealed HTML, and a line break reads as the space it is in the other formats.
const escapeHtml = (text: string) => printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

// Self-contained and printable: no script, no external resource, A4 margins for the print.
const style = `body{font-family:"DejaVu Serif",Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111;background:#fff}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #999}h3{font-size:1.1rem;margin-top:1.5rem}
.meta,.votes{color:#333}.votes{font-style:italic}ul{padding-left:1.2rem}
@page{size:A4;margin:2cm}@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}}`

/** motion.html: one file, nothing fetched, that prints as it reads. */
export function renderMotionHtml(motion: MotionData): string {
  const { congress } = motion
  const e = escapeHtml
  const paragraphs = (texts: readonly string[]) => texts.map((t) => `<p>${e(t)}</p>`).join('\n')
  const out: string[] = []
  out.push('<!doctype html>', '<html lang="fr">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">')
  out.push(`<title>${e(congress.title)} — motion</title>`, `<style>${style}</style>`, '</head>', '<body>', '<main>')
  out.push(`<h1>${e(congress.title)}</h1>`)
  out.push(`<p class="meta">${e(congress.organisation)} — ${congress.edition}<sup>e</sup> édition, ${e(congress.place)}, ${e(congress.date)}.</p>`)
  out.push(`<p class="meta">Motion gelée le <time datetime="${e(motion.frozenAt)}">${frenchDate(motion.frozenAt)}</time>.</p>`)
  if (motion.motionVotes) out.push(`<p class="votes">Vote sur l’ensemble de la motion : ${e(votesLine(motion.motionVotes))}.</p>`)
  out.push('<h2>Préambule</h2>', paragraphs(motion.preamble))
  for (const theme of motion.themes) {
    out.push(`<h2>${theme.position}. ${e(theme.title)}</h2>`)
    const carried = theme.proposals.filter(isCarried)
    if (carried.length === 0) out.push('<p><em>Aucune proposition adoptée sous cette question.</em></p>')
    for (const p of carried) {
      out.push(`<section aria-labelledby="p${p.number}">`, `<h3 id="p${p.number}">Proposition ${p.number} — ${e(p.title)}</h3>`, paragraphs(p.paragraphs))
      if (p.votes) out.push(`<p class="votes">${e(votesLine(p.votes))}.</p>`)
      out.push('</section>')
    }
  }
  const others = motion.themes.flatMap((t) => t.proposals).filter((p) => !isCarried(p))
  if (others.length > 0) {
    out.push('<h2>Propositions non retenues</h2>', '<ul>')
    for (const p of others) out.push(`<li>Proposition ${p.number} — ${e(p.title)} : ${e(p.votes ? votesLine(p.votes) : 'non mise aux voix')}.</li>`)
    out.push('</ul>')
  }
  out.push('<h2>Annexe — amendements intégrés</h2>')
  if (motion.amendmentsMerged.length === 0) out.push('<p>Aucun amendement intégré.</p>')
  else {
    out.push('<ul>')
    for (const a of motion.amendmentsMerged) {
      out.push(`<li>${e(a.label)} (${a.proposalNumber === null ? 'préambule' : `proposition ${a.proposalNumber}`}), intégré le ${frenchDate(a.mergedAt)}${a.votes ? ` — ${e(votesLine(a.votes))}` : ''}.</li>`)
    }
    out.push('</ul>')
  }
  out.push('</main>', '</body>', '</html>', '')
  return out.join('\n')
}
