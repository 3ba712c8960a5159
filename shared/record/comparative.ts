import { diffParagraphs, numberLines, type DiffLine, type TextDiff } from '../amendments/text-diff.ts'
import type { ComparativeAmendment, ComparativeData, ComparativeText } from './comparative-data.ts'
import { minutesWords } from './minutes-words.ts'
import { dateTimeWords } from './record-dates.ts'
import { plain, type RecordBlock, type RecordCell, type RecordDocument, type RecordLine } from './record-document.ts'

interface ComparativeWords {
  readonly title: (congress: string) => string
  readonly subject: string
  readonly draft: (asOf: string) => string
  readonly caption: (text: string) => string
  readonly base: string
  readonly amendments: string
  readonly final: (frozen: boolean, outcome: 'adopted' | 'rejected' | null, preamble: boolean) => string
  readonly none: string
  readonly subAmendment: (parent: string) => string
  readonly unchanged: string
  readonly numberedAfter: (label: string) => string
}

const words: Record<'fr' | 'en', ComparativeWords> = {
  fr: {
    title: (congress) => `Tableau comparatif — ${congress}`,
    subject: 'Tableau comparatif de la motion',
    draft: (asOf) => `État au ${asOf}, avant le gel de la motion.`,
    caption: (text) => `${text} : texte soumis aux amendements, amendements et texte final, ligne à ligne`,
    base: 'Texte soumis aux amendements',
    amendments: 'Amendements',
    final: (frozen, outcome, preamble) => (!frozen ? 'Texte à ce jour' : preamble || outcome === 'adopted' ? 'Texte adopté' : outcome === 'rejected' ? 'Texte final (rejeté)' : 'Texte final (non mis aux voix)'),
    none: '—',
    subAmendment: (parent) => `sous-amendement à ${parent}`,
    unchanged: 'Ne change pas le texte.',
    numberedAfter: (label) => `lignes du texte après l’adoption de ${label}`,
  },
  en: {
    title: (congress) => `Comparative table — ${congress}`,
    subject: 'Comparative table of the motion',
    draft: (asOf) => `As of ${asOf}, before the motion is frozen.`,
    caption: (text) => `${text}: the text as put to amendment, the amendments and the final text, line by line`,
    base: 'Text as put to amendment',
    amendments: 'Amendments',
    final: (frozen, outcome, preamble) => (!frozen ? 'Text as it stands' : preamble || outcome === 'adopted' ? 'Adopted text' : outcome === 'rejected' ? 'Final text (rejected)' : 'Final text (not put to the vote)'),
    none: '—',
    subAmendment: (parent) => `sub-amendment to ${parent}`,
    unchanged: 'Changes nothing in the text.',
    numberedAfter: (label) => `lines of the text after ${label} was adopted`,
  },
}

/**
 * The comparative table: for each text, one row per paragraph of the text as put to amendment, its
 * numbered lines beside the amendments that start in it (each with its fate and the lines it
 * changes, word by word) and beside the final text's lines, its changes marked. Same numbering as
 * every diff of the app, so "ligne 12" means the same line everywhere.
 */
export function buildComparativeTable(data: ComparativeData, lang: 'fr' | 'en'): RecordDocument {
  const w = words[lang]
  const m = minutesWords[lang]
  const blocks: RecordBlock[] = []
  if (data.frozenAt === null) blocks.push({ kind: 'paragraph', runs: [{ text: w.draft(dateTimeWords(data.asOf, data.timeZone, lang)), mark: 'em' }] })
  let question: string | null = null
  for (const text of data.texts) {
    if (text.question && text.question !== question) {
      question = text.question
      blocks.push({ kind: 'heading', level: 1, text: question })
    }
    const name = text.number === null ? m.preamble : m.proposal(text.number, text.title)
    blocks.push({ kind: 'heading', level: text.number === null ? 1 : 2, text: name })
    blocks.push(textTable(text, name, data.frozenAt !== null, w, lang))
  }
  return { lang, title: w.title(data.congress.title), subject: w.subject, author: data.congress.organisation, date: data.frozenAt ?? data.asOf, blocks }
}

function textTable(text: ComparativeText, name: string, frozen: boolean, w: ComparativeWords, lang: 'fr' | 'en'): RecordBlock {
  const baseLines = numberLines(text.base)
  const paragraphOfLine = new Map(baseLines.map((l) => [l.number, l.paragraph]))
  const paragraphs = [...new Set(baseLines.map((l) => l.paragraph))]
  if (paragraphs.length === 0) paragraphs.push(0)
  const rowOfParagraph = (paragraph: number | null | undefined) => Math.max(0, paragraphs.indexOf(paragraph ?? paragraphs[0]!))
  const rowOf = (line: number | null | undefined) => rowOfParagraph(paragraphOfLine.get(line ?? 1))

  const finalByRow = byRow(diffParagraphs(text.base, text.final).lines, rowOf)
  const amendmentsByRow = new Map<number, RecordLine[]>()
  let parentRow = 0
  for (const amendment of text.amendments) {
    // A sub-amendment's lines are its amendment's: it sits with its amendment.
    const row = amendment.parentLabel === null ? rowOfParagraph(amendment.paragraph) : parentRow
    if (amendment.parentLabel === null) parentRow = row
    amendmentsByRow.set(row, [...(amendmentsByRow.get(row) ?? []), ...amendmentLines(amendment, w, lang)])
  }
  const cell = (lines: readonly RecordLine[] | undefined): RecordCell => (lines && lines.length > 0 ? { kind: 'lines', lines } : { kind: 'runs', paragraphs: [plain(w.none)] })
  return {
    kind: 'table',
    caption: w.caption(name),
    columns: [
      { title: w.base, width: 0.32 },
      { title: w.amendments, width: 0.36 },
      { title: w.final(frozen, text.outcome, text.number === null), width: 0.32 },
    ],
    rows: paragraphs.map((paragraph, row) => [
      cell(baseLines.filter((l) => l.paragraph === paragraph).map((l) => ({ number: l.number, runs: plain(l.text) }))),
      cell(amendmentsByRow.get(row)),
      cell(finalByRow.get(row)),
    ]),
  }
}

/** Diff lines grouped by the row of the base paragraph they fall in (a line the diff adds goes with the line before). */
function byRow(lines: readonly DiffLine[], rowOf: (line: number | null | undefined) => number): Map<number, RecordLine[]> {
  const rows = new Map<number, RecordLine[]>()
  let row = 0
  for (const line of lines) {
    if (line.number !== null) row = rowOf(line.number)
    rows.set(row, [...(rows.get(row) ?? []), recordLine(line)])
  }
  return rows
}

const recordLine = (line: DiffLine): RecordLine => ({
  number: line.number,
  paragraphStart: line.paragraphStart,
  runs: line.segments.filter((s) => s.text !== '').map((s) => (s.kind === 'same' ? { text: s.text } : { text: s.text, mark: s.kind })),
})

/** An amendment in its cell: its label and fate, then only the lines it changes. */
function amendmentLines(amendment: ComparativeAmendment, w: ComparativeWords, lang: 'fr' | 'en'): RecordLine[] {
  const m = minutesWords[lang]
  const fate = m.fate(amendment.fate, { fallenBy: amendment.fallenBy, fellWithParent: amendment.fellWithParent, reason: amendment.reason, withoutBallot: amendment.withoutBallot, identicalTo: amendment.identicalTo, at: null })
  const notes = [amendment.parentLabel && w.subAmendment(amendment.parentLabel), amendment.numberedAfter && w.numberedAfter(amendment.numberedAfter)].filter(Boolean)
  const label = `${amendment.label}${amendment.rectified ? m.rectified : ''}${notes.length > 0 ? ` (${notes.join(' ; ')})` : ''}`
  const changed = changedLines(amendment.diff)
  return [
    { number: null, paragraphStart: true, runs: [{ text: label, mark: 'strong' }, { text: ` — ${fate}` }] },
    ...(changed.length > 0 ? changed.map(recordLine) : [{ number: null, runs: [{ text: w.unchanged, mark: 'em' as const }] }]),
  ]
}

function changedLines(diff: TextDiff): DiffLine[] {
  return diff.lines.filter((line) => line.segments.some((s) => s.kind !== 'same'))
}
