import { printable } from '../motion/printable.ts'
import type { RecordBlock, RecordCell, RecordDocument, RecordLine, RecordRun } from './record-document.ts'

// Every character CommonMark or GitHub reads as markup, escaped wherever it is (as escapeMarkdown
// does for the motion), but not trimmed: a run's spaces separate it from the next.
const escapeInline = (text: string) =>
  printable(text)
    .replace(/([\\`*_{}[\]<>#|~])/g, '\\$1')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')

// What would open a list, a heading, a quote, a code block or a rule at the start of a line.
const escapeStart = (line: string) =>
  line
    .replace(/^\s+/, '')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')

const wrap: Record<NonNullable<RecordRun['mark']>, [string, string]> = { strong: ['**', '**'], em: ['*', '*'], ins: ['<ins>', '</ins>'], del: ['<del>', '</del>'] }

/** Runs as one line of Markdown: marks as `**`, `*`, `<ins>`, `<del>`, spaces kept outside them (`** x**` is no emphasis). */
export function runsMarkdown(runs: readonly RecordRun[]): string {
  const text = runs
    .map((run) => {
      const escaped = escapeInline(run.text)
      if (!run.mark || escaped.trim() === '') return escaped
      const [, before = '', core = '', after = ''] = /^(\s*)(.*?)(\s*)$/.exec(escaped) ?? []
      const [open, close] = wrap[run.mark]
      return `${before}${open}${core}${close}${after}`
    })
    .join('')
  return escapeStart(text).trimEnd()
}

/** Numbered lines, as a paragraph of lines each led by its number in a code span, kept apart by hard breaks. */
function linesMarkdown(lines: readonly RecordLine[], indent = ''): string[] {
  const out: string[] = []
  let paragraph: string[] = []
  const flush = () => {
    if (paragraph.length > 0) out.push(paragraph.map((line, i) => `${indent}${line}${i < paragraph.length - 1 ? '\\' : ''}`).join('\n'), '')
    paragraph = []
  }
  for (const [i, line] of lines.entries()) {
    if (i > 0 && line.paragraphStart) flush()
    // A line an amendment adds has no number: a "+" says so where the number would be.
    paragraph.push(`\`${line.number ?? '+'}\` ${runsMarkdown(line.runs)}`)
  }
  flush()
  return out
}

const cellText = (cell: RecordCell) => (cell.kind === 'runs' ? cell.paragraphs.map(runsMarkdown).join('<br>') : cell.lines.map((l) => runsMarkdown(l.runs)).join('<br>'))

/** A table of short cells as a GitHub pipe table; one of texts (numbered lines, paragraphs) as lists a reader follows in plain text. */
function tableMarkdown(block: Extract<RecordBlock, { kind: 'table' }>): string[] {
  const out = [`**${runsMarkdown([{ text: block.caption }])}**`, '']
  const short = block.rows.every((row) => row.every((cell) => cell.kind === 'runs' && cell.paragraphs.length <= 1))
  if (short) {
    out.push(`| ${block.columns.map((c) => runsMarkdown([{ text: c.title }])).join(' | ')} |`, `|${block.columns.map(() => ' --- |').join('')}`)
    for (const row of block.rows) out.push(`| ${block.columns.map((_, i) => (row[i] ? cellText(row[i]) : '')).join(' | ')} |`)
    out.push('')
    return out
  }
  block.rows.forEach((row, r) => {
    if (r > 0) out.push('* * *', '')
    block.columns.forEach((column, i) => {
      const cell = row[i]
      out.push(`- **${runsMarkdown([{ text: column.title }])}**`, '')
      if (!cell || (cell.kind === 'runs' ? cell.paragraphs.length === 0 : cell.lines.length === 0)) out.push('  —', '')
      else if (cell.kind === 'lines') out.push(...linesMarkdown(cell.lines, '  '))
      else for (const paragraph of cell.paragraphs) out.push(`  ${runsMarkdown(paragraph)}`, '')
    })
  })
  return out
}

function blockMarkdown(block: RecordBlock): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level + 1)} ${runsMarkdown([{ text: block.text }])}`, '']
    case 'paragraph':
      return [runsMarkdown(block.runs), '']
    case 'list':
      return [...block.items.map((item) => `- ${runsMarkdown(item)}`), '']
    case 'lines':
      return linesMarkdown(block.lines)
    case 'table':
      return tableMarkdown(block)
  }
}

/**
 * A record document as CommonMark (with GitHub's pipe tables for short tables), readable as plain
 * text: the title as the one `#` heading, the document's headings below it, numbered lines with
 * their numbers, insertions and deletions as `<ins>` and `<del>`. The metadata open the file as an
 * HTML comment, which no reader shows. Pure: the same document gives the same text.
 */
export function renderRecordMarkdown(record: RecordDocument): string {
  const meta = [`title: ${record.title}`, `subject: ${record.subject}`, `author: ${record.author}`, `date: ${record.date}`, `lang: ${record.lang}`]
  // "--" may not appear in an HTML comment: a dash doubled in a title would end it early.
  const comment = `<!--\n${meta.map((line) => printable(line).replace(/-(?=-)/g, '- ')).join('\n')}\n-->`
  const out = [comment, '', `# ${runsMarkdown([{ text: record.title }])}`, '']
  for (const block of record.blocks) out.push(...blockMarkdown(block))
  return `${out.join('\n').trimEnd()}\n`
}
