import type { ParagraphChange } from '../amendments/paragraph-changes.ts'
import { source, writeIdentification, writeTopLevelClasses } from './akn-meta.ts'
import { amendmentUris, element, isoDay, justificationParagraphs, motionUris, xmlText, type XmlLines } from './akn-xml.ts'
import { frenchDate, votesLine, type MergedAmendment, type MotionData } from './motion-data.ts'

/** "paragraphe 2", "paragraphes 2 à 4". */
const paragraphsFr = (from: number, count: number) => (count <= 1 ? `le paragraphe ${from}` : `les paragraphes ${from} à ${from + count - 1}`)

/** "Lignes 3 à 5, 9 du texte…": the printed lines it changed, as the text stood before the merge; null when it changed none. */
function linesFr(amendment: MergedAmendment): string | null {
  const ranges = amendment.lines.map((r) => (r.from === r.to ? `${r.from}` : `${r.from} à ${r.to}`))
  if (ranges.length === 0) return null
  const one = amendment.lines.length === 1 && amendment.lines[0]!.from === amendment.lines[0]!.to
  return `${one ? 'Ligne' : 'Lignes'} ${ranges.join(', ')} du texte tel qu’il était avant son intégration.`
}

/**
 * One change as the French practice words it ("Remplacer le paragraphe 2 : « … » par : « … »"),
 * marked up as Akoma Ntoso marks a modification: a `mod` quoting the words before and after, each
 * in its `quotedStructure` (class "before" and "after", so a reader finds each side). It is the
 * shape the European Parliament's amendment editors (AT4AM, NSESA) give an amendment's content:
 * one `mod`, the text proposed in its first quotedStructure, the amended text in its second.
 */
function modification(change: ParagraphChange, eId: string): string {
  const quoted = (side: 'before' | 'after', n: number, paragraphs: readonly string[]) =>
    element('quotedStructure', { eId: `${eId}__qstr_${n}`, class: side }, paragraphs.map((p) => element('p', {}, xmlText(p))).join(''))
  const { paragraph, before, after } = change
  const inner =
    before.length === 0
      ? `${paragraph === 1 ? 'Au début du texte' : `Après le paragraphe ${paragraph - 1}`}, insérer : ${quoted('after', 1, after)}`
      : after.length === 0
        ? `Supprimer ${paragraphsFr(paragraph, before.length)} : ${quoted('before', 1, before)}`
        : `Remplacer ${paragraphsFr(paragraph, before.length)} : ${quoted('before', 1, before)} par : ${quoted('after', 2, after)}`
  return element('p', {}, element('mod', { eId }, inner))
}

/** Where the amendment stands: the preamble, a proposal (its title when the motion has it), or the amendment it amends. */
function headingOf(motion: MotionData, amendment: MergedAmendment): string {
  if (amendment.amends !== null) return `Amendement ${amendment.amends}${amendment.proposalNumber === null ? ' (préambule)' : ` (proposition ${amendment.proposalNumber})`}`
  if (amendment.proposalNumber === null) return 'Préambule'
  const proposal = motion.themes.flatMap((t) => t.proposals).find((p) => p.number === amendment.proposalNumber)
  return `Proposition ${amendment.proposalNumber}${proposal ? ` — ${proposal.title}` : ''}`
}

/**
 * An adopted amendment as an Akoma Ntoso `amendment` document: its own FRBR work (numbered by its
 * label, dated its merge), a preface naming it and the document it amends (`affectedDocument`:
 * the motion, or for a sub-amendment the amendment it changed, the motion then its
 * `relatedDocument`), and its body: the heading (where it stands), the content (its lines, then
 * each run of paragraphs before and after), the justification (exposé des motifs).
 */
export function writeAmendment(x: XmlLines, motion: MotionData, amendment: MergedAmendment): void {
  const { congress } = motion
  const uris = amendmentUris(congress, amendment.label, amendment.mergedAt)
  const motionWork = motionUris(congress, motion.frozenAt).work
  const amended = amendment.amends === null ? { href: motionWork, showAs: 'Motion' } : { href: amendmentUris(congress, amendment.amends, amendment.mergedAt).work, showAs: `Amendement ${amendment.amends}` }
  x.open('amendment', { name: 'amendment', contains: 'originalVersion' })
  x.open('meta')
  writeIdentification(x, {
    uris,
    subtype: amendment.amends === null ? 'amendment' : 'subAmendment',
    number: amendment.label,
    workDate: { date: isoDay(amendment.mergedAt), name: 'adoption' },
    expressionDate: { date: isoDay(amendment.mergedAt), name: 'adoption' },
    sealedOn: isoDay(motion.frozenAt),
  })
  x.open('references', { source })
  // The document it changes: for a sub-amendment, its amendment; the motion is then the document it relates to.
  x.line('activeRef', { eId: 'amended', href: amended.href, showAs: amended.showAs })
  if (amendment.amends !== null) x.line('activeRef', { eId: 'motion', href: motionWork, showAs: 'Motion' })
  writeTopLevelClasses(x, congress)
  x.close('references')
  if (amendment.votes) {
    x.open('notes', { source })
    x.line('note', { eId: 'vote' }, element('p', {}, xmlText(`${votesLine(amendment.votes)}.`)))
    x.close('notes')
  }
  x.close('meta')
  x.open('preface')
  const target = element('affectedDocument', { href: amended.href }, xmlText(amendment.amends === null ? `la motion « ${congress.title} »` : `l’amendement ${amendment.amends}`))
  const related = amendment.amends === null ? '' : ` (${element('relatedDocument', { href: motionWork }, xmlText(`motion « ${congress.title} »`))})`
  const kind = amendment.amends === null ? 'Amendement' : 'Sous-amendement'
  x.line('p', {}, `${element('docType', {}, kind)} ${element('docNumber', {}, xmlText(amendment.label))} à ${target}${related}, adopté et intégré le ${element('docDate', { date: isoDay(amendment.mergedAt) }, xmlText(frenchDate(amendment.mergedAt)))}.`)
  x.close('preface')
  x.open('amendmentBody')
  x.open('amendmentHeading').line('p', {}, xmlText(headingOf(motion, amendment))).close('amendmentHeading')
  x.open('amendmentContent')
  const lines = linesFr(amendment)
  if (lines !== null) x.line('p', { class: 'lines' }, xmlText(lines))
  for (const [i, change] of amendment.changes.entries()) x.raw(modification(change, `mod_${i + 1}`))
  // Identical to one adopted before it, it was adopted with it and changed nothing more.
  if (amendment.changes.length === 0) x.line('p', {}, 'Le texte n’en est pas modifié.')
  x.close('amendmentContent')
  const justification = justificationParagraphs(amendment.justification)
  if (justification.length > 0) {
    x.open('amendmentJustification')
    for (const p of justification) x.line('p', {}, xmlText(p))
    x.close('amendmentJustification')
  }
  x.close('amendmentBody')
  x.close('amendment')
}
