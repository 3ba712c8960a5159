import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

/**
 * The editor schema: every extension that shapes document content. The browser adds
 * collaboration on top; the server builds and reads documents from this list alone,
 * so both agree on what a document may contain.
 *
 * What a motion needs and no more: paragraphs (with line breaks), bulleted and numbered lists,
 * bold and italic, links. No headings (a proposal's title is its own field; a heading inside
 * would read as a new proposal), no quotes, code, rules, strike-through or underline (the last
 * two read as an amendment's deletions and insertions).
 */
export const contentExtensions: AnyExtension[] = [
  StarterKit.configure({
    // Undo is Yjs' business in a shared document: StarterKit's own history would undo other people's typing.
    undoRedo: false,
    heading: false,
    blockquote: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    strike: false,
    underline: false,
  }),
]

/** The Y.XmlFragment that holds the text; Tiptap's Collaboration extension reads this field by default. */
export const docField = 'default'
