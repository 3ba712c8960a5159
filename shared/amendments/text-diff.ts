/**
 * The diff an assembly reads: the base text with its printed line numbers, and an amendment's
 * changes inline, word by word. Pure, so the page, the server and the exports agree.
 */

import { alignTokens } from './word-alignment.ts'

/** Characters per numbered line, as the motion is printed. */
export const printedLineWidth = 80

export type SegmentKind = 'same' | 'ins' | 'del'

export interface DiffSegment {
  readonly kind: SegmentKind
  readonly text: string
  /** A paragraph break inserted or deleted (its text is empty). */
  readonly paragraphBreak?: true
}

export interface DiffLine {
  /** The base's line number; null for a line the amendment adds, or the rest of a line it splits. */
  readonly number: number | null
  /** The line starts a paragraph of the text as amended. */
  readonly paragraphStart: boolean
  readonly segments: DiffSegment[]
}

export interface LineRange {
  readonly from: number
  readonly to: number
}

export interface TextDiff {
  readonly lines: readonly DiffLine[]
  /** The base lines the amendment touches, as ranges in reading order. */
  readonly changed: readonly LineRange[]
}

interface Token {
  readonly text: string
  readonly isBreak: boolean
  /** The base line it sits on (0 before any line). */
  readonly line: number
}

const paragraphBreak = '\u2029'

function words(paragraph: string): string[] {
  return paragraph.match(/\S+\s*|\s+/g) ?? []
}

/**
 * Wraps each paragraph greedily at `width` characters and numbers the lines continuously, empty
 * paragraphs taking no line: what a printed motion shows in its margin.
 */
export function numberLines(paragraphs: readonly string[], width = printedLineWidth): { number: number; paragraph: number; text: string }[] {
  const lines: { number: number; paragraph: number; text: string }[] = []
  let paragraph = 0
  for (const token of tokenize(paragraphs, width)) {
    if (token.isBreak) paragraph += 1
    else if (lines.at(-1)?.number === token.line) lines.at(-1)!.text += token.text
    else lines.push({ number: token.line, paragraph, text: token.text })
  }
  return lines
}

function tokenize(paragraphs: readonly string[], width: number): Token[] {
  const tokens: Token[] = []
  let line = 0
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0) tokens.push({ text: paragraphBreak, isBreak: true, line })
    let used = 0
    let started = false
    for (const word of words(paragraph)) {
      const visible = word.trimEnd().length
      if (!started || (used > 0 && used + visible > width)) {
        line += 1
        used = 0
        started = true
      }
      used += word.length
      tokens.push({ text: word, isBreak: false, line })
    }
  }
  return tokens
}

/** For 'same', `other` is the amended text's token: the same word, perhaps with other spacing after it. */
type Op = { readonly kind: SegmentKind; readonly token: Token; readonly other?: Token }

// Words match whatever spacing follows them, so a word that merely gained a space is not "replaced".
const key = (token: Token) => (token.isBreak ? token.text : token.text.trimEnd())

/** The edit script between two token lists, compared by text (see word-alignment.ts). */
function editScript(a: readonly Token[], b: readonly Token[]): Op[] {
  return alignTokens(a.map(key), b.map(key), paragraphBreak).map(
    (e): Op => (e.kind === 'same' ? { kind: 'same', token: a[e.a]!, other: b[e.b]! } : e.kind === 'del' ? { kind: 'del', token: a[e.a]! } : { kind: 'ins', token: b[e.b]! }),
  )
}

/**
 * A lone short word kept between two changes ("de", "la") reads as noise: it is shown deleted and
 * inserted again, so the change reads as one phrase.
 */
function foldShortCommonWords(ops: readonly Op[]): Op[] {
  const out: Op[] = []
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!
    const before = ops[i - 1]
    const after = ops[i + 1]
    const isolated = op.kind === 'same' && !op.token.isBreak && before && after && before.kind !== 'same' && after.kind !== 'same'
    if (isolated && op.token.text.trim().length <= 3) {
      // The amended text's own token: the same word, but perhaps not the same spacing after it.
      out.push({ kind: 'del', token: op.token }, { kind: 'ins', token: op.other ?? op.token })
    } else out.push(op)
  }
  // Deletions first, then insertions, within each run of changes: "old words" then "new words".
  const sorted: Op[] = []
  let run: Op[] = []
  const flush = () => {
    sorted.push(...run.filter((o) => o.kind === 'del'), ...run.filter((o) => o.kind === 'ins'))
    run = []
  }
  for (const op of out) {
    if (op.kind === 'same') {
      flush()
      sorted.push(op)
    } else run.push(op)
  }
  flush()
  return sorted
}

/** The base paragraphs with the amended paragraphs' changes inline, on the base's line numbers. */
export function diffParagraphs(base: readonly string[], amended: readonly string[], width = printedLineWidth): TextDiff {
  const ops = foldShortCommonWords(editScript(tokenize(base, width), tokenize(amended, 1)))
  const lines: DiffLine[] = []
  const touched = new Set<number>()
  let current: DiffLine | undefined
  let lastNumber = 0
  let paragraphStart = true

  const nextBaseLine = (from: number): number | null => {
    for (let j = from; j < ops.length; j++) {
      const op = ops[j]!
      if (op.kind !== 'ins' && !op.token.isBreak) return op.token.line
    }
    return null
  }
  const open = (number: number | null): DiffLine => {
    const line: DiffLine = { number, paragraphStart, segments: [] }
    lines.push(line)
    paragraphStart = false
    if (number !== null) lastNumber = number
    return line
  }
  const add = (line: DiffLine, segment: DiffSegment) => {
    const last = line.segments.at(-1)
    if (last && last.kind === segment.kind && !last.paragraphBreak && !segment.paragraphBreak) {
      line.segments[line.segments.length - 1] = { kind: last.kind, text: last.text + segment.text }
    } else line.segments.push(segment)
  }

  for (const [index, { kind, token }] of ops.entries()) {
    if (kind !== 'ins') {
      if (token.isBreak) {
        if (kind === 'del') {
          current ??= open(lastNumber || null)
          add(current, { kind: 'del', text: '', paragraphBreak: true })
          touched.add(token.line)
        } else {
          current = undefined
          paragraphStart = true
        }
        continue
      }
      // The rest of a line split by an inserted paragraph break stays on the unnumbered line.
      const continues = current && (current.number === token.line || (current.number === null && token.line === lastNumber))
      if (!continues) current = open(token.line)
      if (kind === 'del') touched.add(token.line)
      const other = ops[index]!.other
      if (kind === 'same' && other && other.text !== token.text) {
        // The same word; only the spacing after it changed.
        const word = token.text.trimEnd()
        touched.add(token.line)
        add(current!, { kind: 'same', text: word })
        if (token.text.length > word.length) add(current!, { kind: 'del', text: token.text.slice(word.length) })
        if (other.text.length > word.length) add(current!, { kind: 'ins', text: other.text.slice(word.length) })
        continue
      }
      add(current!, { kind, text: token.text })
      continue
    }
    // An insertion sits on the line being read or, at a paragraph's start, on the line it precedes.
    current ??= open(nextBaseLine(index + 1) ?? (lastNumber || null))
    const at = current.number ?? lastNumber
    if (at > 0) touched.add(at)
    if (token.isBreak) {
      add(current, { kind: 'ins', text: '', paragraphBreak: true })
      paragraphStart = true
      current = open(null)
    } else add(current, { kind: 'ins', text: token.text })
  }
  return { lines: lines.filter((line) => line.segments.length > 0), changed: toRanges([...touched].filter((n) => n > 0)) }
}

function toRanges(numbers: number[]): LineRange[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  const ranges: { from: number; to: number }[] = []
  for (const n of sorted) {
    const last = ranges.at(-1)
    if (last && n === last.to + 1) last.to = n
    else ranges.push({ from: n, to: n })
  }
  return ranges
}

/** Whether two sets of line ranges share a line: the amendments compete for the same text. */
export function rangesOverlap(a: readonly LineRange[], b: readonly LineRange[]): boolean {
  return a.some((x) => b.some((y) => x.from <= y.to && y.from <= x.to))
}
