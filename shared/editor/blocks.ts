import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { editorSchema } from './doc-state.ts'
import { docField } from './extensions.ts'

// A text's blocks: its top-level nodes (a paragraph, or a whole list), the units a vote by
// division (*vote par division*) puts to the vote apart.

/** The text of each top-level block of a document, in order (a list's items joined by new lines). */
export function docBlocks(doc: Y.Doc): string[] {
  const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(docField), editorSchema)
  const blocks: string[] = []
  root.forEach((node) => {
    const lines: string[] = []
    node.descendants((child) => {
      if (!child.isTextblock) return true
      lines.push(child.textContent)
      return false
    })
    blocks.push(node.isTextblock ? node.textContent : lines.join('\n'))
  })
  return blocks
}

/** The blocks of a document given as a Yjs update. */
export function stateBlocks(state: Uint8Array): string[] {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return docBlocks(doc)
  } finally {
    doc.destroy()
  }
}

/** The update that removes the blocks at `indices` from the document `state` (a Yjs update made on top of it). */
export function removeBlocks(state: Uint8Array, indices: readonly number[]): Uint8Array {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    const before = Y.encodeStateVector(doc)
    const fragment = doc.getXmlFragment(docField)
    Y.transact(doc, () => {
      for (const index of [...indices].sort((a, b) => b - a)) fragment.delete(index, 1)
    })
    return Y.encodeStateAsUpdate(doc, before)
  } finally {
    doc.destroy()
  }
}
