import { writeAmendment } from './akn-amendment.ts'
import { source, writeIdentification, writeTopLevelClasses } from './akn-meta.ts'
import { aknNamespace, amendmentUris, element, isoDay, motionUris, xmlText, XmlLines } from './akn-xml.ts'
import { frenchDate, isCarried, votesLine, type MotionData, type MotionTheme } from './motion-data.ts'

/**
 * motion.akn.xml: the motion in OASIS Akoma Ntoso 3.0 (LegalDocML), the XML the European
 * Commission's LEOS and the French Senate publish legislative texts in. The motion is a
 * `statement` (AKN's document for what an assembly resolves that is not an act): FRBR
 * identification (the work is the congress's motion, its expression the French text as frozen),
 * the preamble, each question a numbered `section`, each adopted proposal a numbered `paragraph`
 * with its title as heading and its text as `content`; the proposals not retained and the vote on
 * the whole in the `conclusions`, each proposal's vote in a note.
 *
 * Each adopted amendment is an `amendment` document of its own (its FRBR work, its preface naming
 * the motion as the `affectedDocument`, its body: heading, content, justification), placed in the
 * statement's `attachments`, one `attachment` each. Why there: AKN 3.0 lets a document carry
 * whole documents in `attachments/attachment` (docContainerType: any document type), and readers
 * (LEOS's annexes, the Senate's dossiers) read a document's attachments as the documents that come
 * with it, each keeping its own metadata; one file keeps the bundle's list of files fixed and the
 * seal's checks unchanged. A `documentCollection` root would have hidden the motion one level down
 * behind a collection no reader asked for, and the root's `components` are for parts of the one
 * document (its schedules), not for other documents acting on it. The motion's metadata in turn
 * names each amendment that changed it (`passiveRef`) and dates it in its `lifecycle`.
 *
 * Pure and deterministic: the same MotionData gives the same bytes (no clock, attributes in a
 * fixed order); every text goes through printable and XML escaping.
 */
export function renderMotionAkn(motion: MotionData): string {
  const { congress } = motion
  const uris = motionUris(congress, motion.frozenAt)
  const direct = motion.amendmentsMerged.filter((a) => a.amends === null)
  const x = new XmlLines()
  x.open('akomaNtoso', { xmlns: aknNamespace })
  x.open('statement', { name: 'motion', contains: 'originalVersion' })

  x.open('meta')
  writeIdentification(x, {
    uris,
    subtype: 'motion',
    number: null,
    workDate: { date: isoDay(congress.date), name: 'congress' },
    expressionDate: { date: isoDay(motion.frozenAt), name: 'freeze' },
    sealedOn: isoDay(motion.frozenAt),
  })
  x.open('lifecycle', { source })
  x.line('eventRef', { eId: 'evt_1', date: isoDay(congress.date), source: '#original', type: 'generation' })
  for (const [i, a] of direct.entries()) x.line('eventRef', { eId: `evt_${i + 2}`, date: isoDay(a.mergedAt), source: `#pas_${i + 1}`, type: 'amendment' })
  x.close('lifecycle')
  x.open('references', { source })
  x.line('original', { eId: 'original', href: uris.expression, showAs: congress.title })
  for (const [i, a] of direct.entries()) x.line('passiveRef', { eId: `pas_${i + 1}`, href: amendmentUris(congress, a.label, a.mergedAt).work, showAs: `Amendement ${a.label}` })
  writeTopLevelClasses(x, congress)
  x.close('references')
  const voted = motion.themes.flatMap((t) => t.proposals).filter((p) => isCarried(p) && p.votes)
  if (voted.length > 0) {
    x.open('notes', { source })
    for (const p of voted) x.line('note', { eId: `vote_para_${p.number}` }, element('p', {}, xmlText(`Proposition ${p.number} : ${votesLine(p.votes!)}.`)))
    x.close('notes')
  }
  x.close('meta')

  x.open('preface')
  x.open('longTitle').line('p', {}, element('docTitle', {}, xmlText(congress.title))).close('longTitle')
  x.line('p', { class: 'congress' }, `${element('docProponent', {}, xmlText(congress.organisation))} — ${congress.edition}e édition, ${xmlText(congress.place)}, ${element('docDate', { date: isoDay(congress.date) }, xmlText(frenchDate(congress.date)))}.`)
  x.line('p', { class: 'freeze' }, `Motion gelée le ${element('docDate', { date: isoDay(motion.frozenAt) }, xmlText(frenchDate(motion.frozenAt)))}.`)
  x.close('preface')

  if (motion.preamble.length > 0) {
    x.open('preamble')
    for (const p of motion.preamble) x.line('p', {}, xmlText(p))
    x.close('preamble')
  }

  x.open('mainBody')
  for (const theme of motion.themes) writeQuestion(x, theme)
  if (motion.themes.length === 0) x.line('p', {}, 'Aucune question.')
  x.close('mainBody')

  const others = motion.themes.flatMap((t) => t.proposals).filter((p) => !isCarried(p))
  if (motion.motionVotes || others.length > 0) {
    x.open('conclusions')
    if (motion.motionVotes) x.open('blockContainer', { eId: 'vote', class: 'vote' }).line('p', {}, xmlText(`Vote sur l’ensemble de la motion : ${votesLine(motion.motionVotes)}.`)).close('blockContainer')
    if (others.length > 0) {
      x.open('blockContainer', { eId: 'notRetained', class: 'notRetained' })
      x.line('p', {}, 'Propositions non retenues :')
      for (const p of others) x.line('p', {}, xmlText(`Proposition ${p.number} — ${p.title} : ${p.votes ? votesLine(p.votes) : 'non mise aux voix'}.`))
      x.close('blockContainer')
    }
    x.close('conclusions')
  }

  if (motion.amendmentsMerged.length > 0) {
    x.open('attachments')
    for (const [i, amendment] of motion.amendmentsMerged.entries()) {
      x.open('attachment', { eId: `att_${i + 1}` })
      x.line('num', {}, `${i + 1}`)
      x.line('heading', {}, xmlText(`${amendment.amends === null ? 'Amendement' : 'Sous-amendement'} ${amendment.label}`))
      writeAmendment(x, motion, amendment)
      x.close('attachment')
    }
    x.close('attachments')
  }

  x.close('statement')
  x.close('akomaNtoso')
  return x.toString()
}

/** A question as a numbered section; its adopted proposals as numbered paragraphs (their number in the motion, their title, their text). */
function writeQuestion(x: XmlLines, theme: MotionTheme): void {
  const eId = `sec_${theme.position}`
  x.open('section', { eId })
  x.line('num', {}, `${theme.position}`)
  x.line('heading', {}, xmlText(theme.title))
  const carried = theme.proposals.filter(isCarried)
  // A section holds either sub-units or content: one with no proposal adopted says so.
  if (carried.length === 0) x.open('content').line('p', {}, 'Aucune proposition adoptée sous cette question.').close('content')
  for (const p of carried) {
    x.open('paragraph', { eId: `${eId}__para_${p.number}` })
    x.line('num', {}, `${p.number}`)
    x.line('heading', {}, xmlText(p.title))
    x.open('content')
    for (const text of p.paragraphs) x.line('p', {}, xmlText(text))
    // Content needs a block: a proposal left without text still has its (empty) paragraph.
    if (p.paragraphs.length === 0) x.line('p', {})
    x.close('content')
    x.close('paragraph')
  }
  x.close('section')
}
