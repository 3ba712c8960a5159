import { describe, expect, test } from 'vitest'
import { coarseEdits, shortestEdits, type Edit } from '../../shared/amendments/myers-diff.ts'
import { alignTokens } from '../../shared/amendments/word-alignment.ts'

const ids = (text: string) => Int32Array.from(text, (c) => c.charCodeAt(0))

/** "ab-c+d": kept letters as they are, deleted ones after '-', inserted ones after '+'. */
function show(a: string, b: string, edits: readonly Edit[]): string {
  return edits.map((e) => (e.kind === 'same' ? a[e.a] : e.kind === 'del' ? `-${a[e.a]}` : `+${b[e.b]}`)).join('')
}

/** What the script says each text is: it must give back both exactly, in order. */
function check(a: ArrayLike<unknown>, b: ArrayLike<unknown>, edits: readonly Edit[]): void {
  const fromA = edits.filter((e) => e.kind !== 'ins').map((e) => e.a)
  const fromB = edits.filter((e) => e.kind !== 'del').map((e) => e.b)
  expect(fromA).toEqual(Array.from(a, (_, i) => i))
  expect(fromB).toEqual(Array.from(b, (_, i) => i))
  for (const e of edits) if (e.kind === 'same') expect(a[e.a]).toBe(b[e.b])
}

/** The length of a longest common subsequence, by the textbook table: the reference for "shortest". */
function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let row = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    const next = [0]
    for (let j = 1; j <= b.length; j++) next[j] = a[i - 1] === b[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!)
    row = next
  }
  return row[b.length]!
}

const unlimited = () => ({ remaining: Number.MAX_SAFE_INTEGER })

describe('shortest edit script (middle snake)', () => {
  test.each([
    { a: '', b: '', shown: '' },
    { a: 'abc', b: 'abc', shown: 'abc' },
    { a: '', b: 'ab', shown: '+a+b' },
    { a: 'ab', b: '', shown: '-a-b' },
    { a: 'abc', b: 'abxc', shown: 'ab+xc' },
    { a: 'abxc', b: 'abc', shown: 'ab-xc' },
    { a: 'a', b: 'b', shown: '-a+b' },
    { a: 'abcabba', b: 'cbabac', shown: '-a-bc+bab-ba+c' },
  ])('$a → $b', ({ a, b, shown }) => {
    const edits = shortestEdits(ids(a), ids(b), unlimited())!
    check(ids(a), ids(b), edits)
    expect(edits.filter((e) => e.kind !== 'same').length).toBe(a.length + b.length - 2 * lcsLength(ids(a), ids(b)))
    if (a !== 'abcabba') expect(show(a, b, edits)).toBe(shown)
  })

  test('on random sequences it is exact and as short as the textbook table says', () => {
    let seed = 42
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    for (let round = 0; round < 400; round++) {
      const alphabet = 2 + random(6)
      const a = Int32Array.from({ length: random(40) }, () => random(alphabet))
      const b = Int32Array.from({ length: random(40) }, () => random(alphabet))
      const edits = shortestEdits(a, b, unlimited())!
      check(a, b, edits)
      expect(edits.filter((e) => e.kind !== 'same').length).toBe(a.length + b.length - 2 * lcsLength(a, b))
    }
  })

  test('past its budget it gives up, and the coarse script is still exact', () => {
    const a = ids('le texte entier a été réécrit du premier au dernier mot')
    const b = ids('la version nouvelle ne garde presque rien de l’ancienne')
    expect(shortestEdits(a, b, { remaining: 50 })).toBeNull()
    const coarse = coarseEdits(a, b)
    check(a, b, coarse)
    expect(show('lex', 'lax', coarseEdits(ids('lex'), ids('lax')))).toBe('l-e+ax')
  })
})

describe('word alignment with a paragraph fallback', () => {
  const words = (text: string) => text.split(' ').map((w) => (w === '¶' ? '\u2029' : w))

  test('within its budget: the shortest script', () => {
    const a = words('un deux trois ¶ quatre cinq')
    const b = words('un deux ¶ quatre six cinq')
    const edits = alignTokens(a, b, '\u2029')
    check(a, b, edits)
    expect(edits.map((e) => (e.kind === 'same' ? a[e.a] : `${e.kind === 'del' ? '-' : '+'}${e.kind === 'del' ? a[e.a] : b[e.b]}`)).join(' ')).toBe('un deux -trois \u2029 quatre +six cinq')
  })

  test('over budget: unchanged paragraphs are kept, a small changed one is still compared word by word, a rewritten one is replaced whole', () => {
    const rewrittenA = Array.from({ length: 60 }, (_, i) => `ancien${i}`).join(' ')
    const rewrittenB = Array.from({ length: 60 }, (_, i) => `nouveau${i}`).join(' ')
    const a = words(`alpha beta gamma ¶ ${rewrittenA} ¶ milieu ¶ un deux trois quatre ¶ omega`)
    const b = words(`alpha beta gamma ¶ ${rewrittenB} ¶ milieu ¶ un deux TROIS quatre ¶ omega`)
    // Too little for the whole, enough for the paragraphs and the small stretch's share.
    const edits = alignTokens(a, b, '\u2029', 200)
    const sameA = new Set(edits.filter((e) => e.kind === 'same').map((e) => a[e.a]))
    for (const kept of ['alpha', 'beta', 'gamma', 'milieu', 'un', 'deux', 'quatre', 'omega']) expect(sameA.has(kept)).toBe(true)
    expect(edits.filter((e) => e.kind === 'del').length).toBe(61)
    expect(edits.filter((e) => e.kind === 'ins').length).toBe(61)
    expect(edits.map((e) => (e.kind === 'same' ? a[e.a] : e.kind === 'del' ? a[e.a] : b[e.b])).join(' ')).toContain('deux trois TROIS quatre')
    check(a, b, edits)
  })
})
