import { getSchema, type JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { contentExtensions, docField } from './extensions.ts'

export const editorSchema = getSchema(contentExtensions)

export function paragraphsToContent(paragraphs: readonly string[]): JSONContent {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })),
  }
}

/** The Yjs state of a new document holding `content`, as stored and as sent to clients. */
export function createDocState(content: JSONContent): Uint8Array {
  const doc = new Y.Doc()
  prosemirrorJSONToYXmlFragment(editorSchema, content, doc.getXmlFragment(docField))
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

/** The plain text of a document, one line per block. */
export function docText(doc: Y.Doc): string {
  const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(docField), editorSchema)
  const blocks: string[] = []
  root.forEach((block) => blocks.push(block.textContent))
  return blocks.join('\n')
}

/** The plain text of a stored state and the updates after it. */
export function stateText(state: Uint8Array, updates: readonly Uint8Array[] = []): string {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  for (const update of updates) Y.applyUpdate(doc, update)
  const text = docText(doc)
  doc.destroy()
  return text
}
