/**
 * The shortest edit script between two sequences of integers (words interned as ids), in linear
 * space: Myers' O(ND) algorithm with its "middle snake" refinement (Myers 1986, §4b), which finds
 * the middle of an optimal path from both ends at once and recurses on either side, so it keeps
 * two vectors of n + m integers instead of one per edit step. Time is still O((n + m)·D); a
 * budget counts the comparisons and diagonals visited, and the search gives up (null) once it is
 * spent, so the caller can fall back to a coarser, still exact, script.
 */

export type EditKind = 'same' | 'del' | 'ins'

/** One step: 'same' and 'del' read a[a]; 'same' and 'ins' read b[b]. */
export interface Edit {
  readonly kind: EditKind
  readonly a: number
  readonly b: number
}

/** Units of work left: one per comparison of two elements or diagonal visited. */
export interface DiffBudget {
  remaining: number
}

/** The shortest edit script turning `a` into `b`, or null if it costs more than `budget`. */
export function shortestEdits(a: Int32Array, b: Int32Array, budget: DiffBudget): Edit[] | null {
  const out: Edit[] = []
  return diffRange(a, 0, a.length, b, 0, b.length, budget, out) ? out : null
}

/**
 * The exact but coarse script: the common beginning and end kept, everything between deleted then
 * inserted. Linear, whatever the texts: what a rewrite too costly to compare word by word shows.
 */
export function coarseEdits(a: Int32Array, b: Int32Array): Edit[] {
  const out: Edit[] = []
  const [aLo, bLo, aHi, bHi] = trimEnds(a, 0, a.length, b, 0, b.length, out)
  replace(aLo, aHi, bLo, bHi, out)
  for (let i = 0; aHi + i < a.length; i++) out.push({ kind: 'same', a: aHi + i, b: bHi + i })
  return out
}

/** Emits the common prefix; returns the bounds left once the common suffix is set aside too. */
function trimEnds(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, out: Edit[]): [number, number, number, number] {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.push({ kind: 'same', a: aLo++, b: bLo++ })
  while (aHi > aLo && bHi > bLo && a[aHi - 1] === b[bHi - 1]) {
    aHi -= 1
    bHi -= 1
  }
  return [aLo, bLo, aHi, bHi]
}

function replace(aLo: number, aHi: number, bLo: number, bHi: number, out: Edit[]): void {
  for (let i = aLo; i < aHi; i++) out.push({ kind: 'del', a: i, b: bLo })
  for (let j = bLo; j < bHi; j++) out.push({ kind: 'ins', a: aHi, b: j })
}

function diffRange(a: Int32Array, aLo0: number, aHi0: number, b: Int32Array, bLo0: number, bHi0: number, budget: DiffBudget, out: Edit[]): boolean {
  budget.remaining -= aHi0 - aLo0 + (bHi0 - bLo0)
  if (budget.remaining < 0) return false
  const [aLo, bLo, aHi, bHi] = trimEnds(a, aLo0, aHi0, b, bLo0, bHi0, out)
  if (aLo === aHi || bLo === bHi) replace(aLo, aHi, bLo, bHi, out)
  else {
    const split = middleSnake(a, aLo, aHi, b, bLo, bHi, budget)
    // Both halves are strictly smaller (the split lies inside an optimal path); were it not, giving
    // up (the caller's coarse fallback) is still exact where recursing would never end.
    if (!split || split[0] + split[1] === 0 || (split[0] === aHi - aLo && split[1] === bHi - bLo)) return false
    if (!diffRange(a, aLo, aLo + split[0], b, bLo, bLo + split[1], budget, out)) return false
    if (!diffRange(a, aLo + split[0], aHi, b, bLo + split[1], bHi, budget, out)) return false
  }
  for (let i = 0; aHi + i < aHi0; i++) out.push({ kind: 'same', a: aHi + i, b: bHi + i })
  return true
}

/**
 * A point (x, y), relative to (aLo, bLo), on an optimal path where the forward and the reverse
 * searches meet; null once the budget is spent. The two ranges differ at both ends.
 */
function middleSnake(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, budget: DiffBudget): [number, number] | null {
  const n = aHi - aLo
  const m = bHi - bLo
  const maxD = Math.ceil((n + m) / 2)
  const offset = maxD + 1
  const size = 2 * maxD + 3
  // forward[k]: furthest x on diagonal k = x - y from (0, 0); reverse[k]: the same from (n, m), mirrored.
  const forward = new Int32Array(size).fill(-1)
  const reverse = new Int32Array(size).fill(-1)
  forward[offset + 1] = 0
  reverse[offset + 1] = 0
  const delta = n - m
  const oddDelta = (delta & 1) !== 0
  // Diagonals that ran off the grid are not searched again.
  let fStart = 0
  let fEnd = 0
  let rStart = 0
  let rEnd = 0
  for (let d = 0; d <= maxD; d++) {
    let work = 0
    for (let k = -d + fStart; k <= d - fEnd; k += 2) {
      const i = offset + k
      let x = k === -d || (k !== d && forward[i - 1]! < forward[i + 1]!) ? forward[i + 1]! : forward[i - 1]! + 1
      let y = x - k
      const x0 = x
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x += 1
        y += 1
      }
      work += 1 + x - x0
      forward[i] = x
      if (x > n) fEnd += 2
      else if (y > m) fStart += 2
      else if (oddDelta) {
        const j = offset + delta - k
        if (j >= 0 && j < size && reverse[j] !== -1 && x >= n - reverse[j]!) return [x, y]
      }
    }
    for (let k = -d + rStart; k <= d - rEnd; k += 2) {
      const i = offset + k
      let x = k === -d || (k !== d && reverse[i - 1]! < reverse[i + 1]!) ? reverse[i + 1]! : reverse[i - 1]! + 1
      let y = x - k
      const x0 = x
      while (x < n && y < m && a[aHi - 1 - x] === b[bHi - 1 - y]) {
        x += 1
        y += 1
      }
      work += 1 + x - x0
      reverse[i] = x
      if (x > n) rEnd += 2
      else if (y > m) rStart += 2
      else if (!oddDelta) {
        const j = offset + delta - k
        if (j >= 0 && j < size && forward[j] !== -1) {
          const fx = forward[j]!
          if (fx >= n - x) return [fx, fx - (j - offset)]
        }
      }
    }
    budget.remaining -= work
    if (budget.remaining < 0) return null
  }
  return null
}
