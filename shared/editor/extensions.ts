import type { AnyExtension } from '@tiptap/core'
import { Bold } from '@tiptap/extension-bold'
import { Document } from '@tiptap/extension-document'
import { HardBreak } from '@tiptap/extension-hard-break'
import { Italic } from '@tiptap/extension-italic'
import { BulletList } from '@tiptap/extension-list/bullet-list'
import { ListItem } from '@tiptap/extension-list/item'
import { ListKeymap } from '@tiptap/extension-list/keymap'
import { OrderedList } from '@tiptap/extension-list/ordered-list'
import { Paragraph } from '@tiptap/extension-paragraph'
import { Text } from '@tiptap/extension-text'
// Each from its own entry: a package's index brings its other extensions along (undo, placeholder, task lists…), which the bundler cannot drop.
import { Dropcursor } from '@tiptap/extensions/drop-cursor'
import { Gapcursor } from '@tiptap/extensions/gap-cursor'
import { TrailingNode } from '@tiptap/extensions/trailing-node'
import { LegacyBlockquote, LegacyCode, LegacyCodeBlock, LegacyHeading, LegacyHorizontalRule, LegacyStrike, LegacyUnderline } from './legacy-types.ts'
import { LinkMark } from './link-mark.ts'

/**
 * What a motion has no use for: headings (a proposal's title is its own field; a heading inside
 * would read as a new proposal), quotes, code, rules, strike-through and underline (the last two
 * read as an amendment's deletions and insertions). The editor cannot make them: no toolbar button,
 * shortcut, typed markdown ("## ", "> ", "---") or pasted HTML gives one; a pasted heading or
 * quote arrives as a paragraph. They stay in the schema so that texts written before keep
 * reading: ProseMirror drops, text and all, any node or mark its schema does not know.
 */
export const legacyOnly: ReadonlySet<string> = new Set(['heading', 'blockquote', 'codeBlock', 'code', 'horizontalRule', 'strike', 'underline'])

/**
 * The editor schema: every extension that shapes document content. The browser adds
 * collaboration on top; the server builds and reads documents from this list alone,
 * so both agree on what a document may contain. What a motion needs: paragraphs (with line
 * breaks), bulleted and numbered lists, bold, italic, links; and, to read only, `legacyOnly`.
 *
 * Tiptap's StarterKit, without its undo (Yjs' business in a shared document: StarterKit's own
 * history would undo other people's typing), in StarterKit's order, which orders the schema's
 * types: its link and legacy types are our own, smaller, with the same schema.
 */
export const contentExtensions: AnyExtension[] = [
  Bold,
  LegacyBlockquote,
  BulletList,
  LegacyCode,
  LegacyCodeBlock,
  Document,
  Dropcursor,
  Gapcursor,
  HardBreak,
  LegacyHeading,
  LegacyHorizontalRule,
  Italic,
  ListItem,
  ListKeymap,
  LinkMark,
  OrderedList,
  Paragraph,
  LegacyStrike,
  Text,
  LegacyUnderline,
  TrailingNode,
]

/** The Y.XmlFragment that holds the text; Tiptap's Collaboration extension reads this field by default. */
export const docField = 'default'
