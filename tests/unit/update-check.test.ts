import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { createDocState, editorSchema, paragraphsToContent } from '../../shared/editor/doc-state.ts'
import { checkUpdate, countTextChars, textCharDelta } from '../../shared/editor/update-check.ts'
import { maxTextChars } from '../../shared/editor/text-limits.ts'

/** A server doc and a client doc that start from the same state. */
function pair(paragraphs: string[] = ['Premier paragraphe.', 'Second.']) {
  const state = createDocState(paragraphsToContent(paragraphs))
  const server = new Y.Doc()
  Y.applyUpdate(server, state)
  const client = new Y.Doc()
  Y.applyUpdate(client, state)
  return { server, client }
}

/** The update `edit` makes on the client. */
function updateOf(client: Y.Doc, edit: (fragment: Y.XmlFragment) => void): Uint8Array {
  const updates: Uint8Array[] = []
  const on = (u: Uint8Array) => updates.push(u)
  client.on('update', on)
  client.transact(() => edit(client.getXmlFragment('default')))
  client.off('update', on)
  return Y.mergeUpdates(updates)
}

const verdict = (server: Y.Doc, update: Uint8Array) => checkUpdate(server, update, countTextChars(server))

const richContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titre' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'gras', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'lien', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'italic' }] }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'point' }] }, { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'citation' }] }] },
    { type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'code' }] },
    { type: 'horizontalRule' },
  ],
}

describe('checkUpdate: what the editor writes is accepted', () => {
  test('a whole rich document (headings, marks, links, lists, quote, code, rule, line break)', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const update = updateOf(client, (f) => prosemirrorJSONToYXmlFragment(editorSchema, richContent, f))
    expect(verdict(server, update)).toMatchObject({ ok: true })
  })

  test('typing, formatting, deleting, a new paragraph, an attribute change', () => {
    const { server, client } = pair()
    const steps: ((f: Y.XmlFragment) => void)[] = [
      (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(5, 'ajout '),
      (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 7, { bold: {} }),
      (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(2, 4),
      (f) => {
        const heading = new Y.XmlElement('heading')
        heading.setAttribute('level', 3 as unknown as string)
        heading.insert(0, [new Y.XmlText('Nouveau titre')])
        f.insert(1, [heading])
      },
      (f) => (f.get(1) as Y.XmlElement).setAttribute('level', 2 as unknown as string),
      (f) => f.delete(0, 1),
    ]
    for (const step of steps) {
      const update = updateOf(client, step)
      const result = verdict(server, update)
      expect(result).toMatchObject({ ok: true })
      Y.applyUpdate(server, update)
    }
  })
})

describe('checkUpdate: what breaks the schema is refused', () => {
  const cases: [string, (f: Y.XmlFragment, doc: Y.Doc) => void][] = [
    ['a bare text at the root', (f) => f.insert(0, [new Y.XmlText('nu')])],
    ['an unknown element', (f) => f.insert(0, [new Y.XmlElement('script')])],
    ['a paragraph inside a paragraph', (f) => (f.get(0) as Y.XmlElement).insert(0, [new Y.XmlElement('paragraph')])],
    ['a text directly in a list', (f) => {
      const list = new Y.XmlElement('bulletList')
      list.insert(0, [new Y.XmlText('x')])
      f.insert(0, [list])
    }],
    ['an unknown mark', (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { blink: {} })],
    ['an unknown attribute', (f) => (f.get(0) as Y.XmlElement).setAttribute('onclick', 'x')],
    ['a map on another root', (_f, doc) => doc.getMap('evil').set('k', 1)],
    ['an array on the root name', (_f, doc) => doc.getArray('other').insert(0, [1])],
    ['an embed in a text', (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).insertEmbed(0, { img: 1 })],
  ]
  for (const [name, edit] of cases) {
    test(name, () => {
      const { server, client } = pair()
      const result = verdict(server, updateOf(client, (f) => edit(f, client)))
      expect(result).toMatchObject({ ok: false, reason: 'schema' })
    })
  }

  test('an item placed next to one the server never saw (it would wait, then land unchecked)', () => {
    const { server, client } = pair()
    const first = updateOf(client, (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'aaa'))
    const second = updateOf(client, (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(3, 'bbb'))
    expect(verdict(server, second)).toMatchObject({ ok: false, reason: 'schema' })
    expect(verdict(server, first)).toMatchObject({ ok: true })
  })
})

describe('checkUpdate: the size cap', () => {
  test('a paste past the cap is refused; a text may shrink; the count follows transactions', () => {
    const { server, client } = pair(['x'.repeat(maxTextChars - 10)])
    let live = countTextChars(server)
    server.on('afterTransaction', (tr: Y.Transaction) => (live += textCharDelta(tr)))
    expect(live).toBe(maxTextChars - 10)
    const text = () => (client.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
    const small = updateOf(client, () => text().insert(0, '0123456789'))
    expect(checkUpdate(server, small, live)).toMatchObject({ ok: true, chars: maxTextChars })
    Y.applyUpdate(server, small)
    expect(live).toBe(maxTextChars)
    const over = updateOf(client, () => text().insert(0, '!'))
    expect(checkUpdate(server, over, live)).toMatchObject({ ok: false, reason: 'size' })
    const { server: s2, client: c2 } = pair(['y'.repeat(100)])
    const replace = updateOf(c2, (f) => {
      const t = (f.get(0) as Y.XmlElement).get(0) as Y.XmlText
      t.delete(0, 100)
      t.insert(0, 'z'.repeat(maxTextChars))
    })
    expect(checkUpdate(s2, replace, countTextChars(s2))).toMatchObject({ ok: true, chars: maxTextChars })
    const shrink = updateOf(client, () => text().delete(0, 500))
    // The refused '!' is still in the client's text: it deletes it and 499 characters the server holds.
    expect(checkUpdate(server, shrink, live)).toMatchObject({ ok: true, chars: maxTextChars - 499 })
    Y.applyUpdate(server, shrink)
    expect(live).toBe(countTextChars(server))
  })
})
