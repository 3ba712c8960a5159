import * as Y from 'yjs'
import { stateMarkup, stateParagraphs } from '../editor/doc-state.ts'
import { floorMeasures, type AmendmentMeasures } from '../floor/running-order.ts'
import { diffParagraphs, type TextDiff } from './text-diff.ts'

/**
 * An amendment is a fork of its proposal's Y.Doc: it starts as a copy of the proposal's state and
 * remembers the state vector it forked from. What the amendment changed is then exactly the part of
 * its state the fork vector does not cover, plus its deletions; applying that to the proposal merges
 * the amendment as a CRDT merge, whatever the proposal received since.
 */

/** The state vector of `state`: where a fork taken now starts from. */
export function forkPoint(state: Uint8Array): Uint8Array {
  return Y.encodeStateVectorFromUpdate(state)
}

/** The amendment's own changes since its fork point, as one Yjs update. */
export function forkChanges(amendmentState: Uint8Array, forkVector: Uint8Array): Uint8Array {
  return Y.diffUpdate(amendmentState, forkVector)
}

/** `base` with an amendment's changes merged in: what adopting the amendment would give. */
export function mergeFork(base: Uint8Array, amendmentState: Uint8Array, forkVector: Uint8Array): Uint8Array {
  return Y.mergeUpdates([base, forkChanges(amendmentState, forkVector)])
}

/**
 * The diff the assembly reads: `base` (the proposal as it is, or as it was just before the merge)
 * against `base` with the amendment merged in, on the base's line numbers.
 */
export function amendmentDiff(base: Uint8Array, amendmentState: Uint8Array, forkVector: Uint8Array, width?: number): TextDiff {
  return diffParagraphs(stateParagraphs(base), stateParagraphs(base, forkChanges(amendmentState, forkVector)), width)
}

/** What the running order reads of an amendment (shared/floor/running-order.ts), from the same diff. */
export function amendmentMeasures(base: Uint8Array, amendmentState: Uint8Array, forkVector: Uint8Array, width?: number): AmendmentMeasures {
  const changes = forkChanges(amendmentState, forkVector)
  // The result with its marks: two amendments with the same words but not the same bold differ.
  return { ...floorMeasures(diffParagraphs(stateParagraphs(base), stateParagraphs(base, changes), width)), result: stateMarkup(base, changes) }
}

/** Whether two states hold the same changes (the same items and deletions), however encoded. */
export function sameChanges(a: Uint8Array, b: Uint8Array): boolean {
  const snapshotOf = (state: Uint8Array) => {
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, state)
      return Y.snapshot(doc)
    } finally {
      doc.destroy()
    }
  }
  return Y.equalSnapshots(snapshotOf(a), snapshotOf(b))
}
