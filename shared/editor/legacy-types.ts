import { Mark, Node } from '@tiptap/core'

/**
 * Headings, quotes, code, rules, strike-through and underline as texts written before kept them:
 * the schema of Tiptap's own extensions (names, content, groups, attributes and their defaults),
 * so that ProseMirror, which drops, text and all, any node or mark its schema does not know, reads
 * those texts whole. Nothing makes one: no HTML is read as one, no typed markdown, no shortcut,
 * no command. They only show, as the tags Tiptap gave them.
 */

const readOnly = { parseHTML: () => [] }

export const LegacyHeading = Node.create({
  name: 'heading',
  ...readOnly,
  content: 'inline*',
  group: 'block',
  defining: true,
  addAttributes: () => ({ level: { default: 1, rendered: false } }),
  renderHTML: ({ node, HTMLAttributes }) => {
    const level = node.attrs.level as number
    return [`h${[1, 2, 3, 4, 5, 6].includes(level) ? level : 1}`, HTMLAttributes, 0]
  },
})

export const LegacyBlockquote = Node.create({
  name: 'blockquote',
  ...readOnly,
  content: 'block+',
  group: 'block',
  defining: true,
  renderHTML: ({ HTMLAttributes }) => ['blockquote', HTMLAttributes, 0],
})

export const LegacyCodeBlock = Node.create({
  name: 'codeBlock',
  ...readOnly,
  content: 'text*',
  marks: '',
  group: 'block',
  code: true,
  defining: true,
  addAttributes: () => ({ language: { default: null, rendered: false } }),
  renderHTML: ({ node, HTMLAttributes }) => {
    const language = node.attrs.language as string | null
    return ['pre', HTMLAttributes, ['code', { class: language ? `language-${language}` : null }, 0]]
  },
})

export const LegacyHorizontalRule = Node.create({
  name: 'horizontalRule',
  ...readOnly,
  group: 'block',
  renderHTML: ({ HTMLAttributes }) => ['hr', HTMLAttributes],
})

export const LegacyCode = Mark.create({
  name: 'code',
  ...readOnly,
  excludes: '_',
  code: true,
  renderHTML: ({ HTMLAttributes }) => ['code', HTMLAttributes, 0],
})

export const LegacyStrike = Mark.create({
  name: 'strike',
  ...readOnly,
  renderHTML: ({ HTMLAttributes }) => ['s', HTMLAttributes, 0],
})

export const LegacyUnderline = Mark.create({
  name: 'underline',
  ...readOnly,
  renderHTML: ({ HTMLAttributes }) => ['u', HTMLAttributes, 0],
})
