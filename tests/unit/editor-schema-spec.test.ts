import type { MarkType, NodeType, TagParseRule } from '@tiptap/pm/model'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { createDocState, editorSchema } from '../../shared/editor/doc-state.ts'
import { docField } from '../../shared/editor/extensions.ts'
import { addressBeforeSpace, addressesIn, isAllowedUri } from '../../shared/editor/web-address.ts'

/**
 * The schema as Tiptap's StarterKit (3.31.3, without undo) made it, read from it before the editor
 * dropped it for its own list of extensions: what shapes a stored document, in the schema's order
 * (which ranks a text's marks). A document written by the old editor must read and validate the same.
 */
const starterKitNodes = {
  paragraph: { content: 'inline*', group: 'block', attrs: {} },
  blockquote: { content: 'block+', group: 'block', defining: true, attrs: {} },
  bulletList: { content: 'listItem+', group: 'block list', attrs: {} },
  codeBlock: { content: 'text*', group: 'block', marks: '', defining: true, code: true, attrs: { language: null } },
  doc: { content: 'block+', attrs: {} },
  hardBreak: { group: 'inline', inline: true, selectable: false, linebreakReplacement: true, attrs: {} },
  heading: { content: 'inline*', group: 'block', defining: true, attrs: { level: 1 } },
  horizontalRule: { group: 'block', attrs: {} },
  listItem: { content: 'paragraph block*', defining: true, attrs: {} },
  orderedList: { content: 'listItem+', group: 'block list', attrs: { start: 1, type: null } },
  text: { group: 'inline', attrs: {} },
}
const starterKitMarks = {
  link: { inclusive: true, attrs: { href: null, target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } },
  bold: { attrs: {} },
  code: { code: true, excludes: '_', attrs: {} },
  italic: { attrs: {} },
  strike: { attrs: {} },
  underline: { attrs: {} },
}

const shapingFields = ['content', 'group', 'marks', 'inline', 'atom', 'defining', 'isolating', 'code', 'whitespace', 'inclusive', 'excludes', 'spanning', 'selectable', 'linebreakReplacement'] as const

function shape(type: NodeType | MarkType): Record<string, unknown> {
  const spec = type.spec as Record<string, unknown>
  const fields = Object.fromEntries(shapingFields.filter((field) => spec[field] !== undefined).map((field) => [field, spec[field]]))
  const attrs = Object.fromEntries(Object.entries(type.spec.attrs ?? {}).map(([name, attr]) => [name, attr.default]))
  return { ...fields, attrs }
}

describe('the editor schema is the one StarterKit gave: texts written before read and validate the same', () => {
  test('every node and mark, in the same order, with the same content, groups, flags, attributes and defaults', () => {
    expect(Object.keys(editorSchema.nodes)).toEqual(Object.keys(starterKitNodes))
    expect(Object.keys(editorSchema.marks)).toEqual(Object.keys(starterKitMarks))
    for (const [name, type] of Object.entries(editorSchema.nodes)) expect(shape(type), name).toEqual(starterKitNodes[name as keyof typeof starterKitNodes])
    for (const [name, type] of Object.entries(editorSchema.marks)) expect(shape(type), name).toEqual(starterKitMarks[name as keyof typeof starterKitMarks])
  })

  test('a text holding every type the old editor could write goes through Yjs and back unchanged', () => {
    const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: 'text', text: value, ...(marks && { marks }) })
    const content = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Titre')] },
        {
          type: 'paragraph',
          content: [
            text('gras', [{ type: 'bold' }]),
            { type: 'hardBreak' },
            text('lien', [{ type: 'link', attrs: { href: 'https://example.org', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } }, { type: 'italic' }]),
            text('barré', [{ type: 'strike' }, { type: 'underline' }]),
            text('code', [{ type: 'code' }]),
          ],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('citation')] }] },
        { type: 'codeBlock', attrs: { language: 'js' }, content: [text('x = 1')] },
        { type: 'horizontalRule' },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('point')] }] }] },
        { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('trois')] }] }] },
      ],
    }
    const doc = new Y.Doc()
    Y.applyUpdate(doc, createDocState(content))
    const read = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(docField), editorSchema)
    read.check()
    expect(read.toJSON()).toEqual(editorSchema.nodeFromJSON(content).toJSON())
    expect(read.textContent).toContain('lien')
  })
})

describe('links: only the protocols Tiptap allowed become an href', () => {
  const unsafe = ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\u2028script:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd']
  const safe = ['https://example.org', 'http://example.org/a?b#c', 'mailto:bureau@example.org', 'tel:+33100000000', '/congresses/1', '#proposition-2']

  test('isAllowedUri refuses script and data protocols, whatever their case or the blanks inside them', () => {
    for (const uri of unsafe) expect(isAllowedUri(uri), uri).toBe(false)
    for (const uri of safe) expect(isAllowedUri(uri), uri).toBe(true)
  })

  test('pasted HTML: an <a href="javascript:…"> is read as no link; an https one is, with its href', () => {
    const rule = editorSchema.marks.link!.spec.parseDOM!.find((r) => r.tag === 'a[href]') as TagParseRule
    const anchor = (href: string) => ({ getAttribute: (name: string) => (name === 'href' ? href : null) }) as unknown as HTMLElement
    for (const href of unsafe) expect(rule.getAttrs!(anchor(href)), href).toBe(false)
    expect(rule.getAttrs!(anchor('https://example.org'))).toMatchObject({ href: 'https://example.org' })
  })

  test('a stored link with an unsafe href (written by another client) renders with an empty href, and keeps rel and target', () => {
    const link = editorSchema.marks.link!
    const render = (href: string) => link.spec.toDOM!(link.create({ href }), true) as [string, Record<string, string>, number]
    const [, attrs] = render('javascript:alert(1)')
    expect(attrs).toMatchObject({ href: '', rel: 'noopener noreferrer nofollow', target: '_blank' })
    expect(render('https://example.org')[1]).toMatchObject({ href: 'https://example.org', rel: 'noopener noreferrer nofollow', target: '_blank' })
  })
})

describe('web addresses in a sentence: what autolink and paste link', () => {
  test('the address before a typed space, without the punctuation of the sentence around it', () => {
    expect(addressBeforeSpace('voir https://example.org ')).toEqual({ index: 5, url: 'https://example.org' })
    expect(addressBeforeSpace('voir https://example.org. ')).toEqual({ index: 5, url: 'https://example.org' })
    expect(addressBeforeSpace('(voir https://fr.wikipedia.org/wiki/Quorum_(droit)) ')).toEqual({ index: 6, url: 'https://fr.wikipedia.org/wiki/Quorum_(droit)' })
    expect(addressBeforeSpace('«https://example.org/a?b=1» ')).toEqual({ index: 1, url: 'https://example.org/a?b=1' })
    expect(addressBeforeSpace('voir https://example.org')).toBeUndefined()
    expect(addressBeforeSpace('https:// ')).toBeUndefined()
    expect(addressBeforeSpace('javascript:alert(1) ')).toBeUndefined()
    expect(addressBeforeSpace('example.org ')).toBeUndefined()
    expect(addressBeforeSpace('xhttps://example.org ')).toBeUndefined()
  })

  test('every address of a pasted text', () => {
    expect(addressesIn('site https://a.example, puis http://b.example/x.')).toEqual([
      { index: 5, url: 'https://a.example' },
      { index: 29, url: 'http://b.example/x' },
    ])
  })
})
