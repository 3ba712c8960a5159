import { describe, expect, test } from 'vitest'
import { paragraphChanges } from '../../shared/amendments/paragraph-changes.ts'

describe('paragraphChanges: the runs of paragraphs an amendment replaced, with the words before and after', () => {
  test.each([
    ['nothing changed', ['a', 'b'], ['a', 'b'], []],
    ['one paragraph reworded', ['a', 'b', 'c'], ['a', 'B', 'c'], [{ paragraph: 2, before: ['b'], after: ['B'] }]],
    ['two runs apart, the paragraph between them not repeated', ['a', 'b', 'c', 'd'], ['A', 'b', 'c', 'D'], [{ paragraph: 1, before: ['a'], after: ['A'] }, { paragraph: 4, before: ['d'], after: ['D'] }]],
    ['a paragraph added at the end: before the one past the last', ['a'], ['a', 'b'], [{ paragraph: 2, before: [], after: ['b'] }]],
    ['a paragraph added at the start', ['a'], ['z', 'a'], [{ paragraph: 1, before: [], after: ['z'] }]],
    ['a paragraph deleted', ['a', 'b', 'c'], ['a', 'c'], [{ paragraph: 2, before: ['b'], after: [] }]],
    ['one paragraph split in two', ['a b'], ['a', 'b'], [{ paragraph: 1, before: ['a b'], after: ['a', 'b'] }]],
    ['a text from nothing', [], ['x'], [{ paragraph: 1, before: [], after: ['x'] }]],
  ])('%s', (_, before, after, changes) => expect(paragraphChanges(before, after)).toEqual(changes))

  test('applied to the text before, the changes give the text after', () => {
    const before = Array.from({ length: 40 }, (_, i) => `§${i}`)
    const after = before.flatMap((p, i) => (i % 7 === 0 ? [] : i % 5 === 0 ? [`${p} modifié`] : i % 11 === 0 ? [p, 'ajouté'] : [p]))
    const changes = paragraphChanges(before, after)
    const rebuilt: string[] = []
    let next = 1
    for (const change of changes) {
      rebuilt.push(...before.slice(next - 1, change.paragraph - 1), ...change.after)
      next = change.paragraph + change.before.length
      expect(before.slice(change.paragraph - 1, next - 1)).toEqual(change.before)
    }
    rebuilt.push(...before.slice(next - 1))
    expect(rebuilt).toEqual(after)
  })
})
