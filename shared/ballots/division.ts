/**
 * A vote by division (*vote par division*): the bureau puts parts of a proposal to the vote one by
 * one, then the whole; a part rejected is taken out of the text before the vote on the whole. A
 * part is a set of the text's blocks (shared/editor/blocks.ts), kept by their words: a part
 * removed before another is voted shifts the blocks after it, never their words.
 */

/**
 * Where the part's blocks stand in the text now: where they stood when the part was made, if their
 * words are still there; else (a part cut before moved them) where their words are, provided each
 * is found once and only once. Null when a block is gone, or could be one of several.
 */
export function findPart(blocks: readonly string[], part: readonly string[], positions: readonly number[]): number[] | null {
  if (positions.length === part.length && positions.every((at, i) => blocks[at] === part[i])) return [...positions]
  const found: number[] = []
  for (const words of part) {
    const at = blocks.indexOf(words)
    if (at < 0 || blocks.indexOf(words, at + 1) >= 0 || found.includes(at)) return null
    found.push(at)
  }
  return found
}

/** What a part may be: some blocks of the text, not all of them (the whole has its own vote), none twice. */
export function isPartOf(blockCount: number, indices: readonly number[]): boolean {
  return (
    indices.length > 0 &&
    indices.length < blockCount &&
    new Set(indices).size === indices.length &&
    indices.every((i) => Number.isInteger(i) && i >= 0 && i < blockCount)
  )
}

/** How the seal names a part: "§ 2, 3" (blocks counted from 1, as the text was when the part was made). */
export function partLabel(indices: readonly number[]): string {
  return `§ ${[...indices].sort((a, b) => a - b).map((i) => i + 1).join(', ')}`
}
