import { describe, expect, test } from 'vitest'
import { diffParagraphs, numberLines, rangesOverlap, type TextDiff } from '../../shared/amendments/text-diff.ts'

/** One string per displayed line: "12|text [-deleted][+inserted]", "¶" marking a paragraph's start. */
function show(diff: TextDiff): string[] {
  return diff.lines.map((line) => {
    const body = line.segments
      .map((s) => {
        const text = s.paragraphBreak ? '¶' : s.text
        return s.kind === 'same' ? text : s.kind === 'ins' ? `[+${text}]` : `[-${text}]`
      })
      .join('')
    return `${line.paragraphStart ? '¶' : ' '}${line.number ?? '-'}|${body}`
  })
}

describe('line numbering', () => {
  test.each([
    { name: 'a short paragraph takes one line', paragraphs: ['Une ligne.'], width: 80, lines: [[1, 0, 'Une ligne.']] },
    {
      name: 'words wrap at the width, never cut',
      paragraphs: ['aaaa bbbb cccc dddd'],
      width: 10,
      lines: [
        [1, 0, 'aaaa bbbb '],
        [2, 0, 'cccc dddd'],
      ],
    },
    {
      name: 'numbers run on across paragraphs; empty paragraphs take no number',
      paragraphs: ['un deux', '', 'trois'],
      width: 80,
      lines: [
        [1, 0, 'un deux'],
        [2, 2, 'trois'],
      ],
    },
    { name: 'a word longer than the width has a line of its own', paragraphs: ['a interminablement b'], width: 5, lines: [[1, 0, 'a '], [2, 0, 'interminablement '], [3, 0, 'b']] },
  ])('$name', ({ paragraphs, width, lines }) => {
    expect(numberLines(paragraphs, width).map((l) => [l.number, l.paragraph, l.text])).toEqual(lines)
  })
})

describe('amendment diff', () => {
  test.each([
    { name: 'no change: the text with its numbers, nothing touched', base: ['Un deux trois.'], amended: ['Un deux trois.'], width: 80, shown: ['¶1|Un deux trois.'], changed: [] },
    {
      name: 'a word replaced: deletion then insertion, on its line',
      base: ['Les communes publient leurs données.'],
      amended: ['Les communes ouvrent leurs données.'],
      width: 80,
      shown: ['¶1|Les communes [-publient ][+ouvrent ]leurs données.'],
      changed: [{ from: 1, to: 1 }],
    },
    {
      name: 'words added at the end of the second line: the last word stays, only its new spacing shows',
      base: ['aaaa bbbb cccc dddd'],
      amended: ['aaaa bbbb cccc dddd eeee'],
      width: 10,
      shown: ['¶1|aaaa bbbb ', ' 2|cccc dddd[+ eeee]'],
      changed: [{ from: 2, to: 2 }],
    },
    {
      name: 'a deletion across lines reports the range',
      base: ['aaaa bbbb cccc dddd eeee ffff'],
      amended: ['aaaa ffff'],
      width: 10,
      shown: ['¶1|aaaa [-bbbb ]', ' 2|[-cccc dddd ]', ' 3|[-eeee ]ffff'],
      changed: [{ from: 1, to: 3 }],
    },
    {
      name: 'a new paragraph at the end: the break and its text, unnumbered',
      base: ['Premier.'],
      amended: ['Premier.', 'Ajouté.'],
      width: 80,
      shown: ['¶1|Premier.[+¶]', '¶-|[+Ajouté.]'],
      changed: [{ from: 1, to: 1 }],
    },
    {
      name: 'a new paragraph between two: shown before the line it precedes',
      base: ['Un.', 'Deux.'],
      amended: ['Un.', 'Nouveau.', 'Deux.'],
      width: 80,
      shown: ['¶1|Un.', '¶2|[+Nouveau.][+¶]', '¶-|Deux.'],
      changed: [{ from: 2, to: 2 }],
    },
    {
      name: 'two paragraphs joined: the break shown deleted, the second no longer starts a paragraph',
      base: ['Un.', 'Deux.'],
      amended: ['Un. Deux.'],
      width: 80,
      shown: ['¶1|Un.[+ ][-¶]', ' 2|Deux.'],
      changed: [{ from: 1, to: 1 }],
    },
    {
      name: 'a lone short word between changes is folded into them',
      base: ['le maire de la commune décide'],
      amended: ['le conseil de quartier décide'],
      width: 80,
      shown: ['¶1|le [-maire de la commune ][+conseil de quartier ]décide'],
      changed: [{ from: 1, to: 1 }],
    },
    {
      name: 'a folded short word is inserted again as the amended text spaces it',
      base: ['aaaa et bbbb'],
      amended: ['cccc et  dddd'],
      width: 80,
      shown: ['¶1|[-aaaa et bbbb][+cccc et  dddd]'],
      changed: [{ from: 1, to: 1 }],
    },
    {
      name: 'separate changes make separate ranges',
      base: ['aaaa', 'bbbb', 'cccc', 'dddd'],
      amended: ['aaaa', 'BBBB', 'cccc', 'DDDD'],
      width: 80,
      shown: ['¶1|aaaa', '¶2|[-bbbb][+BBBB]', '¶3|cccc', '¶4|[-dddd][+DDDD]'],
      changed: [
        { from: 2, to: 2 },
        { from: 4, to: 4 },
      ],
    },
    {
      name: 'an empty base: everything inserted, nothing to number',
      base: [''],
      amended: ['Tout est neuf.'],
      width: 80,
      shown: ['¶-|[+Tout est neuf.]'],
      changed: [],
    },
  ])('$name', ({ base, amended, width, shown, changed }) => {
    const diff = diffParagraphs(base, amended, width)
    expect(show(diff)).toEqual(shown)
    expect(diff.changed).toEqual(changed)
  })

  test('the deleted and inserted words rebuild both texts exactly', () => {
    const base = ['Le numérique responsable est une priorité des communes.', 'Chaque agent est formé.', 'Les données publiques sont ouvertes.']
    const amended = ['Le numérique sobre et responsable est une priorité.', 'Les données publiques sont ouvertes par défaut.', 'Un rapport annuel est publié.']
    const diff = diffParagraphs(base, amended, 30)
    const withBreaks = (lines: TextDiff['lines'], keep: 'ins' | 'del') => {
      // Unchanged paragraph breaks are not segments: a line that starts a paragraph after the first carries one.
      let text = ''
      lines.forEach((line, i) => {
        if (i > 0 && line.paragraphStart && !lines[i - 1]!.segments.at(-1)?.paragraphBreak) text += '\n'
        for (const s of line.segments) if (s.kind === 'same' || s.kind === keep) text += s.paragraphBreak ? '\n' : s.text
      })
      return text
    }
    expect(diff.changed.length).toBeGreaterThan(0)
    expect(withBreaks(diff.lines, 'del')).toBe(base.join('\n'))
    expect(withBreaks(diff.lines, 'ins')).toBe(amended.join('\n'))
  })

  test.each([
    [[{ from: 1, to: 3 }], [{ from: 3, to: 4 }], true],
    [[{ from: 1, to: 2 }], [{ from: 3, to: 4 }], false],
    [[{ from: 5, to: 5 }], [{ from: 1, to: 2 }, { from: 5, to: 9 }], true],
    [[], [{ from: 1, to: 1 }], false],
  ])('ranges %j and %j overlap: %s', (a, b, overlap) => {
    expect(rangesOverlap(a, b)).toBe(overlap)
  })
})
