import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { amendmentMeasures, forkPoint } from '../../shared/amendments/fork.ts'
import { createDocState, paragraphsToContent } from '../../shared/editor/doc-state.ts'
import { docField } from '../../shared/editor/extensions.ts'
import { diffParagraphs } from '../../shared/amendments/text-diff.ts'
import { fallsAfterAdoption } from '../../shared/floor/fallen.ts'
import { floorMeasures, reorder, runningOrder, type FloorAmendment, type RunningOrder } from '../../shared/floor/running-order.ts'

// Proposal 12 as printed: its first paragraph takes lines 1 and 2, its second line 3.
const p12 = [
  'Garantir à chaque commune l’accès à un très haut débit fixe et mobile d’ici 2030, en priorité dans les zones rurales et de montagne.',
  'Créer un fonds national de solidarité numérique abondé par les opérateurs.',
]

/** An amendment as the floor sees it, measured from the text it makes of `base`, as the server does. */
function amendment(label: string, number: number, base: readonly string[], amended: readonly string[], parentId: string | null = null): FloorAmendment {
  return { id: label, label, number, parentId, result: amended.join('\n'), ...floorMeasures(diffParagraphs(base, amended)) }
}

const a1 = amendment('P12-A1', 1, p12, [p12[0]!.replace('2030', '2028'), p12[1]!])
const a2 = amendment('P12-A2', 2, p12, [p12[0]!.replace('d’ici 2030, en priorité dans les zones rurales et de montagne', 'dès 2027 pour toutes les communes'), p12[1]!])
const a2Text = [p12[0]!.replace('d’ici 2030, en priorité dans les zones rurales et de montagne', 'dès 2027 pour toutes les communes'), p12[1]!]
const a3 = amendment('P12-A3', 3, p12, [p12[1]!])
const a4 = amendment('P12-A4', 4, p12, [p12[0]!, p12[1]!.replace('par les opérateurs', 'par l’État et les opérateurs')])
// Filed after A1, word for word the same change.
const a5 = amendment('P12-A5', 5, p12, [p12[0]!.replace('2030', '2028'), p12[1]!])
// A sub-amendment to A2: measured against A2's text.
const s1 = amendment('P12-A2-S1', 1, a2Text, [a2Text[0]!.replace('dès 2027', 'dès 2026'), a2Text[1]!], 'P12-A2')

const labels = (order: RunningOrder) => order.steps.map((step) => (step.kind === 'text' ? 'text as amended' : step.ids.join(' = ')))

describe('what the order reads of a diff', () => {
  test.each([
    ['a changed year', a1, { deletion: false, distance: 2, lines: [2] }],
    ['a rewritten end of sentence', a2, { deletion: false, lines: [1, 2] }],
    ['the first paragraph deleted', a3, { deletion: true, lines: [1, 2] }],
    ['two words added in the second paragraph', a4, { deletion: false, distance: 2, lines: [3] }],
  ] as const)('%s', (_name, measured, expected) => {
    expect(measured.deletion).toBe(expected.deletion)
    if ('distance' in expected) expect(measured.distance).toBe(expected.distance)
    const lines = measured.changed.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i))
    expect(lines).toEqual(expected.lines)
  })

  test('the rewrite departs further than the year, the deletion further still', () => {
    expect(a2.distance).toBeGreaterThan(a1.distance)
    expect(a3.distance).toBeGreaterThan(a2.distance)
  })
})

describe('the running order (dérouleur)', () => {
  test.each([
    ['one amendment', [a1], ['P12-A1', 'text as amended']],
    ['two amendments on different passages: in the text’s order, not the filing order', [a4, a1], ['P12-A1', 'P12-A4', 'text as amended']],
    ['three competing amendments on one passage: the deletion, then the farthest, then the nearest', [a1, a2, a3], ['P12-A3', 'P12-A2', 'P12-A1', 'text as amended']],
    ['a sub-amendment comes just before the amendment it amends', [a1, a2, a3, s1], ['P12-A3', 'P12-A2-S1', 'P12-A2', 'P12-A1', 'text as amended']],
    ['identical amendments are voted together, under the first filed', [a5, a1, a4], ['P12-A1 = P12-A5', 'P12-A4', 'text as amended']],
    ['the whole case', [a5, s1, a4, a3, a2, a1], ['P12-A3', 'P12-A2-S1', 'P12-A2', 'P12-A1 = P12-A5', 'P12-A4', 'text as amended']],
    ['a sub-amendment whose amendment is not to be voted is left out', [a1, s1], ['P12-A1', 'text as amended']],
    ['no amendment: the text alone', [], ['text as amended']],
  ] as const)('%s', (_name, amendments, expected) => {
    expect(labels(runningOrder(amendments))).toEqual(expected)
  })

  test('discussions communes: the passages that meet, with their printed lines', () => {
    const order = runningOrder([a1, a2, a3, a4, s1])
    expect(order.groups).toEqual([
      { lines: [{ from: 1, to: 2 }], ids: ['P12-A3', 'P12-A2', 'P12-A1'] },
      { lines: [{ from: 3, to: 3 }], ids: ['P12-A4'] },
    ])
    expect(order.steps.filter((s) => s.kind === 'amendment').map((s) => s.kind === 'amendment' && s.group)).toEqual([0, 0, 0, 0, 1])
  })

  test('the bureau may reorder the votes, but not put a sub-amendment after its amendment, nor drop or add one', () => {
    const order = runningOrder([a1, a2, a3, s1])
    const moved = reorder(order, ['P12-A1', 'P12-A2-S1', 'P12-A2', 'P12-A3'])
    expect('order' in moved && labels(moved.order)).toEqual(['P12-A1', 'P12-A2-S1', 'P12-A2', 'P12-A3', 'text as amended'])
    expect(reorder(order, ['P12-A1', 'P12-A2', 'P12-A2-S1', 'P12-A3'])).toEqual({ error: 'sub_amendment_after_parent' })
    expect(reorder(order, ['P12-A1', 'P12-A2-S1', 'P12-A2'])).toEqual({ error: 'not_the_same_votes' })
    expect(reorder(order, ['P12-A1', 'P12-A2-S1', 'P12-A2', 'P12-A3', 'P12-A9'])).toEqual({ error: 'not_the_same_votes' })
    expect(reorder(order, ['P12-A1', 'P12-A1', 'P12-A2', 'P12-A3'])).toEqual({ error: 'not_the_same_votes' })
  })
})

describe('fallen amendments', () => {
  const all = [a1, a2, a3, a4, a5, s1]
  const pending = (...ids: string[]) => new Set(ids)

  test.each([
    ['the deletion of the paragraph adopted: every amendment of that passage falls, the sub-amendment with its amendment', ['P12-A3'], pending('P12-A2-S1', 'P12-A2', 'P12-A1', 'P12-A5', 'P12-A4'), ['P12-A2', 'P12-A2-S1', 'P12-A1', 'P12-A5']],
    ['the rewrite adopted: the year falls, and its twin', ['P12-A2'], pending('P12-A1', 'P12-A5', 'P12-A4'), ['P12-A1', 'P12-A5']],
    ['the year adopted with its twin: the rewrite and the deletion, still to come after a reorder, fall', ['P12-A1', 'P12-A5'], pending('P12-A2-S1', 'P12-A2', 'P12-A3', 'P12-A4'), ['P12-A2', 'P12-A2-S1', 'P12-A3']],
    ['another passage adopted: nothing falls', ['P12-A4'], pending('P12-A1', 'P12-A5'), []],
    ['what was already voted does not fall', ['P12-A2'], pending('P12-A4'), []],
    ['a sub-amendment adopted: nothing of the text falls', ['P12-A2-S1'], pending('P12-A2', 'P12-A1', 'P12-A5'), []],
  ] as const)('%s', (_name, adopted, stillToVote, expected) => {
    const falls = fallsAfterAdoption(adopted, all, stillToVote)
    expect(falls.map((f) => f.id).sort()).toEqual([...expected].sort())
    for (const f of falls) expect(f.by).toBe(adopted[0])
  })
})

describe('identical means the same text, marks included', () => {
  const base = createDocState(paragraphsToContent(['Les communes publient leurs données.']))
  /** An amendment forked from `base` that inserts `words` at the start, bold or not. */
  const amend = (words: string, bold: boolean) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, base)
    const text = (doc.getXmlFragment(docField).get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(0, words, bold ? { bold: true } : {})
    return amendmentMeasures(base, Y.encodeStateAsUpdate(doc), forkPoint(base))
  }
  const floor = (label: string, number: number, measures: ReturnType<typeof amend>): FloorAmendment => ({ id: label, label, number, parentId: null, ...measures })

  test('the same words, one in bold: two votes; the same words and marks: one', () => {
    const plain = amend('Toutes ', false)
    const again = amend('Toutes ', false)
    const bold = amend('Toutes ', true)
    expect(labels(runningOrder([floor('A1', 1, plain), floor('A2', 2, bold)]))).toEqual(['A1', 'A2', 'text as amended'])
    expect(labels(runningOrder([floor('A1', 1, plain), floor('A3', 3, again)]))).toEqual(['A1 = A3', 'text as amended'])
  })

  test('amendments that change nothing are each their own vote, not twins', () => {
    const nothing = amendmentMeasures(base, base, forkPoint(base))
    expect(nothing.changed).toEqual([])
    expect(labels(runningOrder([floor('A1', 1, nothing), floor('A2', 2, nothing)]))).toEqual(['A1', 'A2', 'text as amended'])
  })
})
