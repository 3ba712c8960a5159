import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { findPart, isPartOf, partLabel } from '../../shared/ballots/division.ts'
import { removeBlocks, stateBlocks } from '../../shared/editor/blocks.ts'
import { createDocState } from '../../shared/editor/doc-state.ts'

describe('a vote by division: where a part stands, what a part may be', () => {
  test.each([
    { name: 'where it was made', blocks: ['Intro', '', 'B', '', 'C'], part: ['', 'C'], positions: [3, 4], found: [3, 4] },
    { name: 'moved by a part cut before it, found by its words', blocks: ['Intro', 'B', '', 'C'], part: ['', 'C'], positions: [3, 4], found: [2, 3] },
    { name: 'moved, and its words could be one of several', blocks: ['Intro', '', 'B', '', 'C'], part: [''], positions: [5], found: null },
    { name: 'gone', blocks: ['Intro', 'B'], part: ['C'], positions: [2], found: null },
    { name: 'the same words twice in one part, moved', blocks: ['X', 'Y'], part: ['X', 'X'], positions: [4, 5], found: null },
  ])('$name', ({ blocks, part, positions, found }) => {
    expect(findPart(blocks, part, positions)).toEqual(found)
  })

  test('a part is some of the blocks, not all of them, each once', () => {
    expect(isPartOf(3, [1])).toBe(true)
    expect(isPartOf(3, [0, 2])).toBe(true)
    expect(isPartOf(3, [0, 1, 2])).toBe(false)
    expect(isPartOf(3, [])).toBe(false)
    expect(isPartOf(3, [1, 1])).toBe(false)
    expect(isPartOf(3, [3])).toBe(false)
    expect(isPartOf(3, [0.5])).toBe(false)
    expect(partLabel([2, 0])).toBe('§ 1, 3')
  })

  test('a list is one block; cutting blocks leaves the others as they were', () => {
    const state = createDocState({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Premier.' }] },
        { type: 'bulletList', content: ['Un', 'Deux'].map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) },
        { type: 'paragraph', content: [{ type: 'text', text: 'Dernier.' }] },
      ],
    })
    expect(stateBlocks(state)).toEqual(['Premier.', 'Un\nDeux', 'Dernier.'])
    const cut = Y.mergeUpdates([state, removeBlocks(state, [1])])
    expect(stateBlocks(cut)).toEqual(['Premier.', 'Dernier.'])
    expect(stateBlocks(Y.mergeUpdates([state, removeBlocks(state, [0, 2])]))).toEqual(['Un\nDeux'])
  })
})
