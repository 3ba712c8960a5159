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

/** The text of each paragraph (each text block: paragraph, heading, list item) in reading order. */
export function docParagraphs(doc: Y.Doc): string[] {
  const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(docField), editorSchema)
  const paragraphs: string[] = []
  root.descendants((node) => {
    if (!node.isTextblock) return true
    paragraphs.push(node.textContent)
    return false
  })
  return paragraphs
}

/** The paragraphs of a document given as Yjs updates (a stored state and what came after it). */
export function stateParagraphs(...updates: readonly Uint8Array[]): string[] {
  const doc = new Y.Doc()
  Y.transact(doc, () => {
    for (const update of updates) Y.applyUpdate(doc, update)
  })
  const paragraphs = docParagraphs(doc)
  doc.destroy()
  return paragraphs
}

/** The document of a state and the updates after it as markup: its blocks with their marks and attributes (what "the same text" means for identical amendments). */
export function stateMarkup(...updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc()
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return doc.getXmlFragment(docField).toString()
  } finally {
    doc.destroy()
  }
}

/** The plain text of a document, one line per block. */
export function docText(doc: Y.Doc): string {
  return docParagraphs(doc).join('\n')
}

/** The plain text of a stored state and the updates after it. */
export function stateText(state: Uint8Array, updates: readonly Uint8Array[] = []): string {
  return stateParagraphs(state, ...updates).join('\n')
}

/** The paragraphs of a document frozen as one Y.encodeStateAsUpdateV2 update. */
export function stateV2Paragraphs(update: Uint8Array): string[] {
  const doc = new Y.Doc()
  Y.applyUpdateV2(doc, update)
  const paragraphs = docParagraphs(doc)
  doc.destroy()
  return paragraphs
}
