import { coarseEdits, shortestEdits, type DiffBudget, type Edit } from './myers-diff.ts'

/**
 * Work allowed to align two texts word by word, in comparisons (see myers-diff.ts): enough for
 * an amendment that changes a text rather than replaces it (20,000 words with 800 words replaced
 * here and there cost 1.9 million), some 10 ms on a laptop. Past it, the alignment falls back to
 * whole paragraphs, and each changed stretch between unchanged paragraphs gets the share of a
 * second budget its size warrants. So a diff costs at most about three budgets plus a few units
 * per word, whatever the texts.
 */
export const wordDiffBudget = 4_000_000

/** Per token, what even a stretch whose share of the budget is tiny may spend: a short paragraph
 * rewritten among huge ones still gets its word-by-word diff. */
const minimumPerToken = 8

/**
 * The edit script between two token lists compared by key, `separator` being the key of a
 * paragraph break. Shortest when it costs at most `budget`; otherwise paragraphs the two texts
 * share unchanged are kept, and the stretches between them are compared word by word within their
 * share, else shown deleted and inserted whole. Always exact: applying it to `a` gives `b`.
 */
export function alignTokens(a: readonly string[], b: readonly string[], separator: string, budget = wordDiffBudget): Edit[] {
  const ids = new Map<string, number>()
  const intern = (keys: readonly string[]) => Int32Array.from(keys, (key) => ids.get(key) ?? ids.set(key, ids.size).get(key)!)
  const wa = intern(a)
  const wb = intern(b)
  const exact = shortestEdits(wa, wb, { remaining: budget })
  if (exact) return exact

  const paragraphIds = new Map<string, number>()
  const pa = paragraphs(wa, ids.get(separator), paragraphIds)
  const pb = paragraphs(wb, ids.get(separator), paragraphIds)
  const anchors = (shortestEdits(pa.keys, pb.keys, { remaining: budget }) ?? []).filter((e) => e.kind === 'same')
  const out: Edit[] = []
  const total = wa.length + wb.length
  let aAt = 0
  let bAt = 0
  const gap = (aTo: number, bTo: number) => {
    const size = aTo - aAt + (bTo - bAt)
    // With no paragraph in common the stretch is the whole text, already found too costly.
    const whole = size === total
    const share: DiffBudget = { remaining: Math.floor((budget * size) / total) + minimumPerToken * size }
    const sa = wa.subarray(aAt, aTo)
    const sb = wb.subarray(bAt, bTo)
    for (const e of (whole ? null : shortestEdits(sa, sb, share)) ?? coarseEdits(sa, sb)) out.push({ kind: e.kind, a: e.a + aAt, b: e.b + bAt })
  }
  for (const anchor of anchors) {
    const aFrom = pa.starts[anchor.a]!
    const bFrom = pb.starts[anchor.b]!
    gap(aFrom, bFrom)
    const length = pa.starts[anchor.a + 1]! - 1 - aFrom
    for (let i = 0; i < length; i++) out.push({ kind: 'same', a: aFrom + i, b: bFrom + i })
    aAt = aFrom + length
    bAt = bFrom + length
  }
  gap(wa.length, wb.length)
  return out
}

/**
 * Each paragraph as one id (equal words, equal id, through `ids`, shared by both texts) and where it starts; `starts` has one more
 * entry, as if a break followed the last paragraph, so a paragraph ends one before the next start.
 */
function paragraphs(words: Int32Array, separator: number | undefined, ids: Map<string, number>): { keys: Int32Array; starts: number[] } {
  const starts = [0]
  for (let i = 0; i < words.length; i++) if (words[i] === separator) starts.push(i + 1)
  starts.push(words.length + 1)
  const keys = new Int32Array(starts.length - 1)
  for (let p = 0; p < keys.length; p++) {
    const key = words.subarray(starts[p]!, starts[p + 1]! - 1).join(',')
    keys[p] = ids.get(key) ?? ids.set(key, ids.size).get(key)!
  }
  return { keys, starts }
}
