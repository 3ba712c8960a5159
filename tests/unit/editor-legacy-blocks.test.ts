import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { docParagraphs, editorSchema } from '../../shared/editor/doc-state.ts'
import { legacyOnly } from '../../shared/editor/extensions.ts'

describe('headings, quotes, code, rules, strike-through and underline: read, never made', () => {
  test('the editor cannot make them: no HTML is read as one (a pasted <h3> is a paragraph)', () => {
    for (const name of legacyOnly) {
      const type = editorSchema.nodes[name] ?? editorSchema.marks[name]
      expect(type, name).toBeDefined()
      expect(type!.spec.parseDOM ?? [], name).toEqual([])
    }
    expect(editorSchema.nodes.paragraph!.spec.parseDOM).not.toEqual([])
  })

  test('a text written before, with a heading and an underlined word, still reads whole', () => {
    const doc = new Y.Doc()
    prosemirrorJSONToYXmlFragment(
      editorSchema,
      {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titre ancien' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'un mot ' }, { type: 'text', text: 'souligné', marks: [{ type: 'underline' }] }] },
        ],
      },
      doc.getXmlFragment('default'),
    )
    expect(docParagraphs(doc)).toEqual(['Titre ancien', 'un mot souligné'])
  })
})
