import { getExtensionField, type AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

// Undo is Yjs' business in a shared document: StarterKit's own history would undo other people's typing.
const kit = StarterKit.configure({ undoRedo: false })

/**
 * What a motion has no use for: headings (a proposal's title is its own field; a heading inside
 * would read as a new proposal), quotes, code, rules, strike-through and underline (the last two
 * read as an amendment's deletions and insertions). The editor cannot make them: no toolbar button,
 * shortcut, typed markdown ("## ", "> ", "---") or pasted HTML gives one; a pasted heading or
 * quote arrives as a paragraph. They stay in the schema so that texts written before keep
 * reading: ProseMirror drops, text and all, any node or mark its schema does not know.
 */
export const legacyOnly: ReadonlySet<string> = new Set(['heading', 'blockquote', 'codeBlock', 'code', 'horizontalRule', 'strike', 'underline'])

const kitExtensions = getExtensionField<() => AnyExtension[]>(kit, 'addExtensions', { name: kit.name, options: kit.options, storage: kit.storage } as never)()

/**
 * The editor schema: every extension that shapes document content. The browser adds
 * collaboration on top; the server builds and reads documents from this list alone,
 * so both agree on what a document may contain. What a motion needs: paragraphs (with line
 * breaks), bulleted and numbered lists, bold, italic, links; and, to read only, `legacyOnly`.
 */
export const contentExtensions: AnyExtension[] = kitExtensions.map((extension) =>
  legacyOnly.has(extension.name)
    ? (extension.extend({ parseHTML: () => [], addInputRules: () => [], addPasteRules: () => [], addKeyboardShortcuts: () => ({}) }) as AnyExtension)
    : extension,
)

/** The Y.XmlFragment that holds the text; Tiptap's Collaboration extension reads this field by default. */
export const docField = 'default'
