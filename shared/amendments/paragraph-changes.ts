import { coarseEdits, shortestEdits, type Edit } from './myers-diff.ts'

/** A run of a text's paragraphs an amendment replaced: the words before it, and after. */
export interface ParagraphChange {
  /**
   * Where the run starts among the paragraphs of the text as it stood before the amendment, from 1;
   * for paragraphs only added, the paragraph they come before (one past the last: at the end).
   */
  readonly paragraph: number
  /** The paragraphs replaced or deleted (none for an insertion). */
  readonly before: readonly string[]
  /** What stands in their place (none for a deletion). */
  readonly after: readonly string[]
}

// Paragraphs are compared whole: a text has tens of them, so the exact script is cheap; past this
// much work (a rewrite of a very long text) the coarse one, still exact, is one run.
const budget = 2_000_000

/**
 * The runs of paragraphs that differ between two versions of a text, in reading order: what an
 * amendment's document says it changes ("replace paragraph 2 by…"), each with its words before and
 * after. Unchanged paragraphs between two runs are not repeated.
 */
export function paragraphChanges(before: readonly string[], after: readonly string[]): ParagraphChange[] {
  const ids = new Map<string, number>()
  const intern = (texts: readonly string[]) => Int32Array.from(texts, (t) => ids.get(t) ?? (ids.set(t, ids.size), ids.size - 1))
  const a = intern(before)
  const b = intern(after)
  const edits: Edit[] = shortestEdits(a, b, { remaining: budget }) ?? coarseEdits(a, b)
  const changes: ParagraphChange[] = []
  let run: { paragraph: number; before: string[]; after: string[] } | null = null
  let nextBefore = 0
  for (const edit of edits) {
    if (edit.kind === 'same') {
      if (run) changes.push(run)
      run = null
      nextBefore = edit.a + 1
      continue
    }
    run ??= { paragraph: nextBefore + 1, before: [], after: [] }
    if (edit.kind === 'del') {
      run.before.push(before[edit.a]!)
      nextBefore = edit.a + 1
    } else run.after.push(after[edit.b]!)
  }
  if (run) changes.push(run)
  return changes
}
