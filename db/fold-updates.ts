import * as Y from 'yjs'

/**
 * A stored state and the updates after it, folded into one state. Through a Y.Doc with garbage
 * collection, not Y.mergeUpdates: merging keeps the content of every deleted character, so a
 * compacted text would keep growing with everything ever typed and deleted in it.
 */
export function foldUpdates(state: Uint8Array, updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true })
  try {
    Y.transact(doc, () => {
      Y.applyUpdate(doc, state)
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
