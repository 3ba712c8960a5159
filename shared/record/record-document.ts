/**
 * A document of the congress's record (the minutes, the comparative table), as plain data: headings,
 * paragraphs, lists and tables of numbered lines. Built from frozen data by pure functions, then
 * rendered to every format (PDF, ODT, DOCX, Markdown) by one renderer each, so the formats agree.
 * Nothing here depends on a clock or on the host: the same data gives the same bytes.
 */

/** A piece of text; `ins` and `del` are a word diff's insertions and deletions. */
export interface RecordRun {
  readonly text: string
  readonly mark?: 'strong' | 'em' | 'ins' | 'del'
}

/** A printed line: its number in the margin (null: none, as a line an amendment adds). */
export interface RecordLine {
  readonly number: number | null
  readonly runs: readonly RecordRun[]
  /** The line starts a paragraph (a renderer may add space above it). */
  readonly paragraphStart?: boolean
}

export interface RecordColumn {
  readonly title: string
  /** Share of the table's width, the shares of a table summing to 1. */
  readonly width: number
}

/** One cell: numbered lines (a text side by side with another), or plain paragraphs of runs. */
export type RecordCell = { readonly kind: 'lines'; readonly lines: readonly RecordLine[] } | { readonly kind: 'runs'; readonly paragraphs: readonly (readonly RecordRun[])[] }

export type RecordBlock =
  /** The document's title is its first heading: a block's level 1 is printed one level below it. */
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly runs: readonly RecordRun[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly RecordRun[])[] }
  /** `caption` says what the table holds (a screen reader announces it; PDF and DOCX carry it). */
  | { readonly kind: 'table'; readonly caption: string; readonly columns: readonly RecordColumn[]; readonly rows: readonly (readonly RecordCell[])[] }
  /** A text on its numbered lines, as the motion prints it. */
  | { readonly kind: 'lines'; readonly lines: readonly RecordLine[] }

export interface RecordDocument {
  /** The document's language: `fr` or `en` (PDF /Lang, DOCX and ODT language, Markdown nothing). */
  readonly lang: 'fr' | 'en'
  /** The title, in the metadata and as the first heading. */
  readonly title: string
  /** What the document is, in the metadata ("Procès-verbal du congrès"). */
  readonly subject: string
  /** Who issues it: the congress's organisation. */
  readonly author: string
  /** ISO date-time the document is dated (the freeze for a sealed one): its creation date everywhere. */
  readonly date: string
  readonly blocks: readonly RecordBlock[]
}

/** Plain text of runs, for a table's accessible summary or a search. */
export const runsText = (runs: readonly RecordRun[]) => runs.map((r) => r.text).join('')

/** A run list of one plain text. */
export const plain = (text: string): readonly RecordRun[] => [{ text }]
