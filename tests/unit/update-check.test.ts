import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { createDocState, editorSchema, paragraphsToContent, stateParagraphs } from '../../shared/editor/doc-state.ts'
import { countTextSize, textSizeDelta } from '../../shared/editor/text-size.ts'
import { checkUpdate } from '../../shared/editor/update-check.ts'
import { maxMarkupChars, maxTextChars, maxValueChars } from '../../shared/editor/text-limits.ts'
import { craftUpdate, schemaBreakingFrames, schemaBreaks } from '../helpers/socket-fuzz.ts'

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

const verdict = (server: Y.Doc, update: Uint8Array) => checkUpdate(server, update, countTextSize(server))

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
    let live = countTextSize(server).chars
    server.on('afterTransaction', (tr: Y.Transaction) => (live += textSizeDelta(tr).chars))
    expect(live).toBe(maxTextChars - 10)
    const text = () => (client.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
    const small = updateOf(client, () => text().insert(0, '0123456789'))
    expect(checkUpdate(server, small, { chars: live, markup: 0 })).toMatchObject({ ok: true, chars: maxTextChars })
    Y.applyUpdate(server, small)
    expect(live).toBe(maxTextChars)
    const over = updateOf(client, () => text().insert(0, '!'))
    expect(checkUpdate(server, over, { chars: live, markup: 0 })).toMatchObject({ ok: false, reason: 'size' })
    const { server: s2, client: c2 } = pair(['y'.repeat(100)])
    const replace = updateOf(c2, (f) => {
      const t = (f.get(0) as Y.XmlElement).get(0) as Y.XmlText
      t.delete(0, 100)
      t.insert(0, 'z'.repeat(maxTextChars))
    })
    expect(checkUpdate(s2, replace, countTextSize(s2))).toMatchObject({ ok: true, chars: maxTextChars })
    const shrink = updateOf(client, () => text().delete(0, 500))
    // The refused '!' is still in the client's text: it deletes it and 499 characters the server holds.
    expect(checkUpdate(server, shrink, { chars: live, markup: 0 })).toMatchObject({ ok: true, chars: maxTextChars - 499 })
    Y.applyUpdate(server, shrink)
    expect(live).toBe(countTextSize(server).chars)
  })
})

/** What the seal reads: the paragraphs of the state, read afresh. Throws when the tree is outside the schema. */
const seals = (doc: Y.Doc) => stateParagraphs(Y.encodeStateAsUpdate(doc))

/** The struct of `doc` holding (client, clock). */
const structAt = (doc: Y.Doc, client: number, clock: number) => {
  const structs = doc.store.clients.get(client)!
  return structs[Y.findIndexSS(structs as Y.Item[], clock)]!
}

const lastCharId = (text: Y.XmlText) => {
  let item = text._start
  while (item!.right) item = item!.right
  return item!.lastId
}

describe('checkUpdate: a clock range the document partly holds (issue 15 review, bypass 1)', () => {
  test("the reviewer's case: a client id's first clock is a paragraph at the root; the same range re-sent from another history, as characters in a text, is refused", () => {
    const { server, client } = pair(['hello'])
    const base = Y.encodeStateAsUpdate(server)
    client.clientID = 777
    const first = updateOf(client, (f) => f.insert(1, [new Y.XmlElement('paragraph')]))
    expect(verdict(server, first)).toMatchObject({ ok: true })
    Y.applyUpdate(server, first)
    const other = new Y.Doc()
    other.clientID = 777
    Y.applyUpdate(other, base)
    const second = updateOf(other, (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(5, 'XXXXXXXXXXX'))
    const before = Y.encodeStateAsUpdate(server)
    expect(verdict(server, second)).toMatchObject({ ok: false, reason: 'schema' })
    // What the room would have done had it been accepted: the root holds bare characters, the seal fails.
    const victim = new Y.Doc()
    Y.applyUpdate(victim, before)
    Y.applyUpdate(victim, second)
    expect(() => seals(victim)).toThrow()
    expect(seals(server)).toEqual(['hello', ''])
  })

  test('the same with a crafted struct: declared in one text, its known part in another text (the tail would sit in the wrong list)', () => {
    const { server } = pair(['un', 'deux'])
    const fragment = server.getXmlFragment('default')
    const firstText = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
    const secondText = (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText
    const k = secondText._start!.lastId // the known clock the tail would follow
    const update = craftUpdate([{ client: k.client, clock: k.clock, origin: lastCharId(firstText), content: new Y.ContentString('XXXX') }])
    expect(verdict(server, update)).toMatchObject({ ok: false, reason: 'schema' })
  })

  test('a partly known struct declared at the root (deleted content, which the schema never looks at) beside a character, and a paragraph placed after it in the same update', () => {
    const { server } = pair(['un', 'deux'])
    const text = ((server.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText)
    const k = text._start!.lastId
    const intruder = 424242
    const update = craftUpdate([
      { client: intruder, clock: 0, origin: Y.createID(k.client, k.clock + 1), content: new Y.ContentType(new Y.XmlElement('paragraph')) },
      { client: k.client, clock: k.clock, parent: 'default', content: new Y.ContentDeleted(3) },
    ])
    expect(verdict(server, update)).toMatchObject({ ok: false, reason: 'schema' })
  })

  test('a partly known struct whose known part was garbage-collected (Yjs would throw half-way through the update) is refused', () => {
    const { server, client } = pair(['un'])
    client.clientID = 31
    const added = updateOf(client, (f) => {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('parti')])
      f.insert(1, [p])
    })
    Y.applyUpdate(server, added)
    server.getXmlFragment('default').delete(1, 1)
    const known = Y.getState(server.store, 31)
    expect(structAt(server, 31, known - 1)).toBeInstanceOf(Y.GC)
    const text = (server.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
    const update = craftUpdate([{ client: 31, clock: known - 1, origin: lastCharId(text), content: new Y.ContentString('XXXX') }])
    expect(verdict(server, update)).toMatchObject({ ok: false, reason: 'schema' })
    const victim = new Y.Doc()
    Y.applyUpdate(victim, Y.encodeStateAsUpdate(server))
    expect(() => Y.applyUpdate(victim, update)).toThrow()
  })

  test('what Yjs would read differently from the check: a client in two blocks, a reference to a later clock of the same client, an empty struct, another root named by a known struct', () => {
    const { server } = pair(['un'])
    const text = (server.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
    const origin = lastCharId(text)
    const c = 5150
    const cases = [
      craftUpdate([
        { client: c, clock: 0, origin, content: new Y.ContentString('ab') },
        { client: 6160, clock: 0, origin, content: new Y.ContentString('cd') },
        { client: c, clock: 0, parent: 'default', content: new Y.ContentType(new Y.XmlElement('paragraph')) },
      ]),
      craftUpdate([
        { client: c, clock: 0, origin: Y.createID(c, 1), content: new Y.ContentString('a') },
        { client: c, clock: 1, origin, content: new Y.ContentString('b') },
      ]),
      craftUpdate([{ client: c, clock: 0, origin, content: new Y.ContentString('') }]),
      craftUpdate([{ client: text._start!.id.client, clock: 0, parent: 'ailleurs', content: new Y.ContentType(new Y.XmlElement('paragraph')) }]),
    ]
    for (const update of cases) expect(verdict(server, update)).toMatchObject({ ok: false, reason: 'schema' })
  })

  test('a legitimate overlap is still accepted: an update, then a state from before it was acknowledged (a reconnection race)', () => {
    const { server, client } = pair(['Premier.'])
    const sv = Y.encodeStateVector(server)
    const text = () => (client.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
    const first = updateOf(client, () => text().insert(8, ' Suite'))
    Y.applyUpdate(server, first)
    updateOf(client, () => text().insert(14, ' et fin'))
    updateOf(client, (f) => f.insert(1, [new Y.XmlElement('paragraph')]))
    const resent = Y.encodeStateAsUpdate(client, sv)
    expect(verdict(server, resent)).toMatchObject({ ok: true })
    Y.applyUpdate(server, resent)
    expect(seals(server)).toEqual(['Premier. Suite et fin', ''])
  })
})

describe('checkUpdate: marks and attributes count (issue 15 review, bypass 2)', () => {
  const firstText = (f: Y.XmlFragment) => (f.get(0) as Y.XmlElement).get(0) as Y.XmlText

  test("the reviewer's case: a link whose address is 900 kB is refused as too large; one of 2,000 characters passes", () => {
    const { server, client } = pair(['abcdefghijklmnopqrst'])
    const huge = updateOf(client, (f) => firstText(f).format(0, 1, { link: { href: 'h'.repeat(900_000) } }))
    expect(verdict(server, huge)).toMatchObject({ ok: false, reason: 'size' })
    const { server: s2, client: c2 } = pair(['abcdefghijklmnopqrst'])
    const fits = updateOf(c2, (f) => firstText(f).format(0, 1, { link: { href: 'h'.repeat(maxValueChars - 4) } }))
    expect(verdict(s2, fits)).toMatchObject({ ok: true })
    Y.applyUpdate(s2, fits)
    const over = updateOf(c2, (f) => firstText(f).format(2, 1, { link: { href: 'h'.repeat(maxValueChars) } }))
    expect(verdict(s2, over)).toMatchObject({ ok: false, reason: 'size' })
  })

  test('a schema break beside an oversized value is named as a schema break (the freeze refuses those, not sizes)', () => {
    const { server, client } = pair(['abc'])
    const both = updateOf(client, (f) => {
      firstText(f).format(0, 1, { link: { href: 'h'.repeat(maxValueChars + 1) } })
      f.insert(1, [new Y.XmlText('nu')])
    })
    expect(verdict(server, both)).toMatchObject({ ok: false, reason: 'schema' })
  })

  test('an attribute value over the cap is refused, an ordinary one passes', () => {
    const { server, client } = pair()
    const code = updateOf(client, (f) => {
      const block = new Y.XmlElement('codeBlock')
      block.setAttribute('language', 'x'.repeat(maxValueChars + 1))
      f.insert(0, [block])
    })
    expect(verdict(server, code)).toMatchObject({ ok: false, reason: 'size' })
    const { server: s2, client: c2 } = pair()
    const ok = updateOf(c2, (f) => {
      const block = new Y.XmlElement('codeBlock')
      block.setAttribute('language', 'typescript')
      f.insert(0, [block])
    })
    expect(verdict(s2, ok)).toMatchObject({ ok: true })
  })

  test('all values of a text together are capped: links of 1,900 characters on every character stop at the cap; removing them frees room; the count follows transactions', () => {
    const { server, client } = pair(['x'.repeat(200)])
    let live = countTextSize(server)
    server.on('afterTransaction', (tr: Y.Transaction) => {
      const delta = textSizeDelta(tr)
      live = { chars: live.chars + delta.chars, markup: live.markup + delta.markup }
    })
    let accepted = 0
    let refusal: unknown
    for (let i = 0; i < 200 && refusal === undefined; i++) {
      const update = updateOf(client, (f) => firstText(f).format(i, 1, { link: { href: `${i}`.padEnd(1_900, 'h') } }))
      const result = checkUpdate(server, update, live)
      if (!result.ok) refusal = result
      else {
        Y.applyUpdate(server, update)
        accepted++
      }
    }
    expect(refusal).toMatchObject({ ok: false, reason: 'size' })
    expect(accepted).toBeGreaterThan(40)
    expect(accepted).toBeLessThan(maxMarkupChars / 1_900)
    expect(live).toEqual(countTextSize(server))
    expect(live.markup).toBeLessThanOrEqual(maxMarkupChars)
    // Removing the links frees the room.
    const { server: fresh } = pair(['y'])
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server))
    const unlink = updateOf(client, (f) => firstText(f).format(0, 200, { link: null }))
    expect(checkUpdate(server, unlink, live)).toMatchObject({ ok: true })
    Y.applyUpdate(server, unlink)
    expect(live).toEqual(countTextSize(server))
    expect(live.markup).toBeLessThan(1_000)
  })
})

describe('the fuzzer\'s schema-breaking updates (tests/helpers/socket-fuzz.ts)', () => {
  test('every kind, on a text with several paragraphs and on one with a single paragraph, is refused', () => {
    for (const paragraphs of [['Premier paragraphe.', 'Second.', ''], ['Seul.']]) {
      const seen = new Set<string>()
      for (const { kind, make } of schemaBreakingFrames(7, schemaBreaks.length * 3)) {
        const { server } = pair(paragraphs)
        const decoder = decoding.createDecoder(make(server))
        decoding.readVarUint(decoder)
        decoding.readVarUint(decoder)
        const result = verdict(server, decoding.readVarUint8Array(decoder))
        expect(result, kind).toMatchObject({ ok: false })
        seen.add(kind)
      }
      expect([...seen].sort()).toEqual([...schemaBreaks].sort())
    }
  })
})
