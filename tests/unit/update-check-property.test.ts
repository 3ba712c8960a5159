import fc from 'fast-check'
import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { createDocState, docParagraphs, paragraphsToContent, stateParagraphs } from '../../shared/editor/doc-state.ts'
import { docField } from '../../shared/editor/extensions.ts'
import { editorRules, markNameOfAttribute } from '../../shared/editor/schema-rules.ts'
import { countTextSize, textSizeDelta, type TextSize } from '../../shared/editor/text-size.ts'
import { checkUpdate } from '../../shared/editor/update-check.ts'

const isPrimitive = (value: unknown) => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

/**
 * The invariant the check exists for, read from the Y.Doc's own lists (not through the API, which
 * would hide a misplaced item): every item of a type's list has that type as parent, every live
 * node is allowed where it is, attributes and marks are known and plain, no other root holds
 * anything; and the paragraphs read, here and afresh, as the seal reads them.
 */
function assertWithinSchema(doc: Y.Doc): void {
  for (const [name, type] of doc.share) {
    if (name === docField) continue
    expect(type._start, `root "${name}"`).toBeNull()
    expect(type._map.size, `root "${name}"`).toBe(0)
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const walk = (type: Y.AbstractType<any>, nodeName: string, isText: boolean) => {
    let length = 0
    for (let item = type._start; item !== null; item = item.right) {
      expect(item.parent, 'an item in the list of another type').toBe(type)
      expect(item.parentSub).toBeNull()
      if (!item.deleted && item.countable) length += item.length
      if (item.deleted) continue
      const content = item.content
      if (isText) {
        if (content instanceof Y.ContentString) continue
        expect(content, 'a text holds characters and marks').toBeInstanceOf(Y.ContentFormat)
        const format = content as Y.ContentFormat
        expect(editorRules.marks.has(markNameOfAttribute(format.key)), format.key).toBe(true)
        const value = format.value as unknown
        if (value !== null) expect(Object.values(value as object).every(isPrimitive)).toBe(true)
        continue
      }
      expect(content, `"${nodeName}" holds types`).toBeInstanceOf(Y.ContentType)
      const child = (content as Y.ContentType).type
      const allowed = editorRules.children.get(nodeName)!
      if (child instanceof Y.XmlText) {
        expect(allowed.has('text'), `text under "${nodeName}"`).toBe(true)
        walk(child, 'text', true)
      } else {
        expect(child.constructor, `a type under "${nodeName}"`).toBe(Y.XmlElement)
        const element = child as Y.XmlElement
        expect(allowed.has(element.nodeName), `"${element.nodeName}" under "${nodeName}"`).toBe(true)
        walk(element, element.nodeName, false)
      }
    }
    expect(type._length, `the length of "${nodeName}"`).toBe(length)
    for (const [key, last] of type._map) {
      expect(isText, 'a text carries no attribute').toBe(false)
      expect(editorRules.attributes.get(nodeName)?.has(key), `"${nodeName}" attribute "${key}"`).toBe(true)
      for (let item: Y.Item | null = last; item !== null; item = item.left) {
        expect(item.parent).toBe(type)
        expect(item.parentSub).toBe(key)
        if (!item.deleted) expect((item.content as Y.ContentAny).arr.every(isPrimitive)).toBe(true)
      }
    }
  }
  const fragment = doc.share.get(docField)
  if (fragment) walk(fragment, 'doc', false)
  docParagraphs(doc)
  stateParagraphs(Y.encodeStateAsUpdate(doc))
}

type Edit =
  | { readonly kind: 'type'; readonly at: number; readonly text: string }
  | { readonly kind: 'paragraph'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number; readonly root: boolean }
  | { readonly kind: 'format'; readonly at: number; readonly length: number; readonly mark: 'bold' | 'link' | 'blink' }
  | { readonly kind: 'heading'; readonly at: number; readonly level: number }
  | { readonly kind: 'hostile'; readonly at: number; readonly what: 'bare-text' | 'script' | 'nested-paragraph' | 'other-root' }

type Step =
  /** Client slot `slot` starts again from what the server holds, under client id `id`. */
  | { readonly kind: 'fork'; readonly slot: number; readonly id: number }
  | { readonly kind: 'edit'; readonly slot: number; readonly edit: Edit }
  /** Sends: the client's last edit, its whole state, or its state past what the server holds (a sync step 2). */
  | { readonly kind: 'send'; readonly slot: number; readonly how: 'last' | 'all' | 'diff' | 'merged' }

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(50), text: fc.string({ minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('paragraph' as const), at: fc.nat(10), text: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(50), length: fc.integer({ min: 1, max: 4 }), root: fc.boolean() }),
  fc.record({ kind: fc.constant('format' as const), at: fc.nat(50), length: fc.integer({ min: 1, max: 4 }), mark: fc.constantFrom('bold' as const, 'link' as const, 'blink' as const) }),
  fc.record({ kind: fc.constant('heading' as const), at: fc.nat(10), level: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('hostile' as const), at: fc.nat(10), what: fc.constantFrom('bare-text' as const, 'script' as const, 'nested-paragraph' as const, 'other-root' as const) }),
)

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fork' as const), slot: fc.nat(1), id: fc.constantFrom(7001, 7002) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), slot: fc.nat(1), edit }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('send' as const), slot: fc.nat(1), how: fc.constantFrom('last' as const, 'all' as const, 'diff' as const, 'merged' as const) }) },
)

const texts = (doc: Y.Doc) => [...doc.getXmlFragment(docField).createTreeWalker((n) => n instanceof Y.XmlText)] as Y.XmlText[]

function applyEdit(doc: Y.Doc, e: Edit): void {
  const fragment = doc.getXmlFragment(docField)
  const all = texts(doc)
  const text = all.length > 0 ? all[e.at % all.length]! : undefined
  switch (e.kind) {
    case 'type':
      if (text) text.insert(e.at % (text.length + 1), e.text)
      return
    case 'paragraph': {
      const p = new Y.XmlElement('paragraph')
      if (e.text) p.insert(0, [new Y.XmlText(e.text)])
      fragment.insert(e.at % (fragment.length + 1), [p])
      return
    }
    case 'delete':
      if (e.root && fragment.length > 0) fragment.delete(e.at % fragment.length, Math.min(e.length, fragment.length - (e.at % fragment.length)))
      else if (text && text.length > 0) text.delete(e.at % text.length, Math.min(e.length, text.length - (e.at % text.length)))
      return
    case 'format':
      if (text && text.length > 0) text.format(e.at % text.length, e.length, e.mark === 'link' ? { link: { href: 'https://example.org' } } : { [e.mark]: {} })
      return
    case 'heading': {
      const h = new Y.XmlElement('heading')
      h.setAttribute('level', e.level as unknown as string)
      fragment.insert(e.at % (fragment.length + 1), [h])
      return
    }
    case 'hostile':
      if (e.what === 'bare-text') fragment.insert(e.at % (fragment.length + 1), [new Y.XmlText('nu')])
      else if (e.what === 'script') fragment.insert(e.at % (fragment.length + 1), [new Y.XmlElement('script')])
      else if (e.what === 'nested-paragraph' && fragment.length > 0) {
        const first = fragment.get(e.at % fragment.length)
        if (first instanceof Y.XmlElement) first.insert(0, [new Y.XmlElement('paragraph')])
      } else doc.getMap('ailleurs').set('k', 1)
      return
  }
}

interface Slot {
  doc: Y.Doc
  updates: Uint8Array[]
}

/**
 * One run: a server doc and two clients that start from it under the same client id, and may
 * start again later under either of two (so both may write the same clock range from different
 * histories), edit (some edits break the
 * schema) and send in any order and any form. Whatever the check lets through, applied as the room
 * applies it, must keep the document within the schema, and the size kept by transactions must
 * match a recount.
 */
function run(steps: readonly Step[]): void {
  const server = new Y.Doc()
  Y.applyUpdate(server, createDocState(paragraphsToContent(['Premier paragraphe.', 'Second.'])))
  let live: TextSize = countTextSize(server)
  server.on('afterTransaction', (tr: Y.Transaction) => {
    const d = textSizeDelta(tr)
    live = { chars: live.chars + d.chars, markup: live.markup + d.markup }
  })
  const slots: Slot[] = []
  const fork = (slot: number, id: number) => {
    const doc = new Y.Doc()
    doc.clientID = id
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    const s: Slot = { doc, updates: [] }
    doc.on('update', (u: Uint8Array) => s.updates.push(u))
    slots[slot] = s
    return s
  }
  fork(0, 7001)
  fork(1, 7001)
  for (const st of steps) {
    const slot = slots[st.slot]!
    if (st.kind === 'fork') fork(st.slot, st.id)
    else if (st.kind === 'edit') applyEdit(slot.doc, st.edit)
    else {
      const update =
        st.how === 'last' ? slot.updates[slot.updates.length - 1]
        : st.how === 'all' ? Y.encodeStateAsUpdate(slot.doc)
        : st.how === 'merged' ? (slot.updates.length > 0 ? Y.mergeUpdates(slot.updates) : undefined)
        : Y.encodeStateAsUpdate(slot.doc, Y.encodeStateVector(server))
      if (!update) continue
      const verdict = checkUpdate(server, update, live)
      if (!verdict.ok) continue
      // As the room does: applied whole (a throw half-way would be a partial write), pending dropped.
      expect(() => Y.applyUpdate(server, update)).not.toThrow()
      if (server.store.pendingStructs) server.store.pendingStructs = null
      assertWithinSchema(server)
      expect(live).toEqual(countTextSize(server))
    }
  }
  server.destroy()
}

describe('checkUpdate, property: whatever it accepts keeps the document within the schema', () => {
  test('random edits and sends from clients sharing client ids (divergent histories of the same clocks)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => run(steps)),
      { numRuns: 400, seed: 15 },
    )
  })

  test('the shape that found the bypass: one id writes a paragraph at the root, the same id from the older state writes characters', () => {
    run([
      { kind: 'fork', slot: 0, id: 7001 },
      { kind: 'fork', slot: 1, id: 7001 },
      { kind: 'edit', slot: 0, edit: { kind: 'paragraph', at: 2, text: '' } },
      { kind: 'send', slot: 0, how: 'last' },
      { kind: 'edit', slot: 1, edit: { kind: 'type', at: 0, text: 'XXXXXX' } },
      { kind: 'send', slot: 1, how: 'all' },
    ])
  })
})
