import * as Y from 'yjs'
import { docField } from '../../shared/editor/extensions.ts'

/**
 * The change that makes the text read as `target` again, made on top of `current` (the text as
 * stored): a new change, applied like a merge, never a rewrite of history. The blocks both share at
 * the start and at the end stay as they are (with the carets in them); those between are replaced
 * by copies of the version's. Empty when the text already reads so.
 */
export function restoreUpdate(current: Uint8Array, target: Y.Doc): Uint8Array | undefined {
  const doc = new Y.Doc({ gc: true })
  try {
    Y.applyUpdate(doc, current)
    const before = Y.encodeStateVector(doc)
    const live = doc.getXmlFragment(docField)
    // The editor's schema has elements and text only (no hooks).
    const wanted = target.getXmlFragment(docField).toArray() as (Y.XmlElement | Y.XmlText)[]
    const have = live.toArray()
    const same = (a: Y.XmlElement | Y.XmlText | Y.XmlHook, b: Y.XmlElement | Y.XmlText) => a.toString() === b.toString()
    let start = 0
    while (start < have.length && start < wanted.length && same(have[start]!, wanted[start]!)) start++
    let end = 0
    while (end < have.length - start && end < wanted.length - start && same(have[have.length - 1 - end]!, wanted[wanted.length - 1 - end]!)) end++
    const removed = have.length - start - end
    const added = wanted.slice(start, wanted.length - end)
    if (removed === 0 && added.length === 0) return undefined
    Y.transact(doc, () => {
      if (removed > 0) live.delete(start, removed)
      if (added.length > 0) live.insert(start, added.map((node) => node.clone()))
    })
    return Y.encodeStateAsUpdate(doc, before)
  } finally {
    doc.destroy()
  }
}
