import type { RecordDocument } from '../../shared/record/record-document.ts'

/** The document's language as the formats tag it (PDF /Lang, XMP, DOCX w:lang, ODF fo:language). */
export const langTag = (lang: RecordDocument['lang']) => (lang === 'fr' ? 'fr-FR' : 'en-GB')

/**
 * Texts side by side need the width: a document with a table of three columns or more, one of them
 * holding numbered lines (the comparative table), is laid out landscape in every format; any other,
 * portrait.
 */
export const isLandscape = (record: RecordDocument) => record.blocks.some((b) => b.kind === 'table' && b.columns.length >= 3 && b.rows.some((row) => row.some((cell) => cell.kind === 'lines')))
