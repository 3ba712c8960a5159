import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

/**
 * The editor schema: every extension that shapes document content. The browser adds
 * collaboration on top; the server builds and reads documents from this list alone,
 * so both agree on what a document may contain.
 */
export const contentExtensions: AnyExtension[] = [
  // Undo is Yjs' business in a shared document: StarterKit's own history would undo other people's typing.
  StarterKit.configure({ undoRedo: false }),
]

/** The Y.XmlFragment that holds the text; Tiptap's Collaboration extension reads this field by default. */
export const docField = 'default'
