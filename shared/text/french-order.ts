/**
 * How Plenum orders and searches people and texts, everywhere (server lists, client lists, the
 * record): French collation, and searches blind to accents and case. One rule in one place, so the
 * check-in desk, the participants table and the minutes never disagree.
 */

const collator = new Intl.Collator('fr', { sensitivity: 'base' })

/**
 * French order ("Élodie" before "Zoé", "é" beside "e"), then the code points, so that two texts equal
 * but for accents or case keep one order on every machine instead of the input's.
 */
export function compareFrench(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}

/** For `.sort(byName)`: people (or anything named) in French order. */
export const byName = <T extends { readonly name: string }>(a: T, b: T): number => compareFrench(a.name, b.name)

/**
 * Letters that carry their mark in themselves rather than as a combining one: NFD leaves them whole,
 * so they are folded by hand ("lodz" finds "Łódź", "strasse" finds "Straße").
 */
const folded: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', ŀ: 'l', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', '’': "'", 'ʼ': "'", '‘': "'" }
const foldable = new RegExp(`[${Object.keys(folded).join('')}]`, 'gu')

/**
 * What a search compares: lower-case, without diacritics (NFD, combining marks removed, the letters
 * above folded), typographic apostrophes as straight ones, runs of spaces as one.
 */
export function searchKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(foldable, (c) => folded[c] ?? c)
    .replace(/\s+/gu, ' ')
}

/** Whether any of the texts contains what was typed, accents and case aside; an empty search matches all. */
export function matchesSearch(typed: string, ...texts: readonly string[]): boolean {
  const needle = searchKey(typed).trim()
  return needle === '' || texts.some((text) => searchKey(text).includes(needle))
}
