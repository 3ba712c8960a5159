import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { maxValueChars } from '../../shared/editor/text-limits.ts'

/** A small seeded generator (mulberry32): the same seed, the same frames, so a crash can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type FuzzKind = 'random' | 'truncated-varint' | 'wrong-type' | 'huge-length' | 'invalid-update' | 'mutated-update' | 'awareness' | 'text' | 'oversize'

export interface FuzzFrame {
  readonly kind: FuzzKind
  readonly data: Uint8Array | string
}

const kinds: readonly FuzzKind[] = ['random', 'truncated-varint', 'wrong-type', 'huge-length', 'invalid-update', 'mutated-update', 'awareness', 'text']

/** Real updates to mutate: a few paragraphs and a map, as a client would send them. */
function sampleUpdates(): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const fragment = doc.getXmlFragment('default')
  for (let i = 0; i < 5; i++) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(`Paragraphe ${i} à muter.`)])
    fragment.insert(fragment.length, [paragraph])
  }
  doc.getMap('m').set('k', { nested: [1, 2, 3] })
  fragment.delete(1, 2)
  return updates
}

/** One struct to write by hand: its id, where it says it goes, its content. */
export interface CraftedStruct {
  readonly client: number
  readonly clock: number
  readonly origin?: Y.ID | null
  readonly rightOrigin?: Y.ID | null
  /** A root type's name or a parent item's id; written only when the struct names no neighbour. */
  readonly parent?: string | Y.ID | null
  readonly parentSub?: string | null
  readonly content: Y.Item['content']
}

/**
 * A Yjs update (v1) holding exactly these structs, one block per run of the same client, in the
 * given order, and no deletions: what a hostile client can put on the wire that no Y.Doc would
 * write (a clock range the server already holds, from another history; a client in two blocks).
 */
export function craftUpdate(structs: readonly CraftedStruct[]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const blocks: CraftedStruct[][] = []
  for (const s of structs) {
    const last = blocks[blocks.length - 1]
    if (last && last[0]!.client === s.client) last.push(s)
    else blocks.push([s])
  }
  encoding.writeVarUint(encoder.restEncoder, blocks.length)
  for (const block of blocks) {
    encoding.writeVarUint(encoder.restEncoder, block.length)
    encoder.writeClient(block[0]!.client)
    encoding.writeVarUint(encoder.restEncoder, block[0]!.clock)
    for (const s of block) {
      const item = new Y.Item(Y.createID(s.client, s.clock), null, s.origin ?? null, null, s.rightOrigin ?? null, (s.parent ?? null) as never, s.parentSub ?? null, s.content)
      item.write(encoder, 0)
    }
  }
  encoding.writeVarUint(encoder.restEncoder, 0)
  return encoder.toUint8Array()
}

const frame = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * Bad y-websocket frames of every kind the issue names: random bytes, truncated varints, unknown
 * message types, huge declared lengths, valid framing around invalid Yjs updates, real updates with
 * flipped bytes, broken awareness, text frames; oversize frames when `oversize` is set.
 */
export function* fuzzFrames(seed: number, count: number, options: { oversize?: number } = {}): Generator<FuzzFrame> {
  const random = seededRandom(seed)
  const int = (n: number) => Math.floor(random() * n)
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256))
  const samples = sampleUpdates()
  for (let i = 0; i < count; i++) {
    if (options.oversize && i % options.oversize === options.oversize - 1) {
      yield { kind: 'oversize', data: new Uint8Array(1024 * 1024 + 1 + int(1000)) }
      continue
    }
    const kind = kinds[int(kinds.length)]!
    switch (kind) {
      case 'random':
        yield { kind, data: bytes(int(300)) }
        break
      case 'truncated-varint':
        yield { kind, data: Uint8Array.from([...bytes(int(3)).map((b) => b % 4), ...Array.from({ length: 1 + int(8) }, () => 0x80 | int(128))]) }
        break
      case 'wrong-type':
        yield { kind, data: frame((e) => (encoding.writeVarUint(e, 4 + int(1000)), encoding.writeUint8Array(e, bytes(int(50))))) }
        break
      case 'huge-length':
        yield { kind, data: frame((e) => (encoding.writeVarUint(e, int(2)), encoding.writeVarUint(e, int(3)), encoding.writeVarUint(e, 2 ** 31 + int(2 ** 20)), encoding.writeUint8Array(e, bytes(int(20))))) }
        break
      case 'invalid-update':
        yield { kind, data: frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1 + int(2)), encoding.writeVarUint8Array(e, bytes(1 + int(200))))) }
        break
      case 'mutated-update': {
        const update = Uint8Array.from(samples[int(samples.length)]!)
        for (let flips = 1 + int(4); flips > 0; flips--) update[int(update.length)] = int(256)
        const cut = random() < 0.3 ? update.subarray(0, int(update.length)) : update
        yield { kind, data: frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, cut))) }
        break
      }
      case 'awareness':
        yield {
          kind,
          data: frame((e) => {
            encoding.writeVarUint(e, 1)
            encoding.writeVarUint8Array(
              e,
              frame((a) => {
                encoding.writeVarUint(a, 1 + int(3))
                encoding.writeVarUint(a, int(2 ** 32))
                encoding.writeVarUint(a, int(2 ** 20))
                encoding.writeVarString(a, random() < 0.5 ? '{"user":' : String.fromCharCode(...bytes(int(40))))
              }),
            )
          }),
        }
        break
      case 'text':
        yield { kind, data: String.fromCharCode(...bytes(1 + int(60))) }
        break
    }
  }
}

/** Updates that decode and apply, but would leave the text outside the editor schema or over its size cap. */
export type SchemaBreak =
  | 'bare-text-root'
  | 'unknown-element'
  | 'content-under-fragment'
  | 'new-root'
  | 'root-map-entry'
  | 'unknown-attribute'
  | 'unknown-mark'
  | 'mark-with-object-value'
  | 'element-in-wrong-parent'
  | 'text-in-list'
  | 'embed-in-text'
  | 'huge-text'
  | 'reused-clock'
  | 'huge-mark-value'
  | 'huge-attribute-value'

export const schemaBreaks: readonly SchemaBreak[] = [
  'bare-text-root',
  'unknown-element',
  'content-under-fragment',
  'new-root',
  'root-map-entry',
  'unknown-attribute',
  'unknown-mark',
  'mark-with-object-value',
  'element-in-wrong-parent',
  'text-in-list',
  'embed-in-text',
  'huge-text',
  'reused-clock',
  'huge-mark-value',
  'huge-attribute-value',
]

/**
 * A schema-breaking update, made on a scratch copy of what the sender knows of the document (so
 * it names real neighbours and passes every structural check but the schema's): the frame it goes
 * in is built when it is sent (see sendFuzz).
 */
export interface SchemaFrame {
  readonly kind: SchemaBreak
  readonly make: (known: Y.Doc) => Uint8Array
}

function firstText(fragment: Y.XmlFragment): Y.XmlText | undefined {
  for (const node of fragment.createTreeWalker((n) => n instanceof Y.XmlText)) return node as Y.XmlText
  return undefined
}

/** The id of the last character of a live text other than `besides`, if any. */
function lastCharOfAnotherText(doc: Y.Doc, besides: unknown): Y.ID | undefined {
  let found: Y.ID | undefined
  for (const node of doc.getXmlFragment('default').createTreeWalker((n) => n instanceof Y.XmlText)) {
    if (node === besides) continue
    for (let item = (node as Y.XmlText)._start; item !== null; item = item.right) if (!item.deleted && item.content instanceof Y.ContentString) found = item.lastId
    if (found) return found
  }
  return undefined
}

/**
 * A clock range the server already holds, sent again from another history: Yjs integrates only
 * the unknown tail, after the server's own item at the last known clock (whatever list that item
 * is in), under the parent the struct declares. Declared in one place while that item sits in
 * another, the tail lands in the wrong list: characters at the root, a paragraph inside a text.
 */
function reusedClock(known: Y.Doc, random: () => number): Uint8Array | undefined {
  const clients = [...known.store.clients.entries()]
  for (let tries = 0; tries < clients.length; tries++) {
    const [client, structs] = clients[(Math.floor(random() * clients.length) + tries) % clients.length]!
    const last = structs[structs.length - 1]
    if (!(last instanceof Y.Item)) continue
    const clock = last.id.clock + last.length - 1
    if (!(last.parent instanceof Y.XmlText)) {
      const origin = lastCharOfAnotherText(known, null)
      if (origin) return craftUpdate([{ client, clock, origin, content: new Y.ContentString('X'.repeat(12)) }])
      continue
    }
    const origin = lastCharOfAnotherText(known, last.parent)
    if (origin) return craftUpdate([{ client, clock, origin, content: new Y.ContentString('X'.repeat(12)) }])
    // One text only: deleted content declared at the root (the schema never reads it), its tail in
    // the text, and a paragraph after the tail.
    return craftUpdate([
      { client: 0x7ffffff0 + Math.floor(random() * 15), clock: 0, origin: Y.createID(client, clock + 1), content: new Y.ContentType(new Y.XmlElement('paragraph')) },
      { client, clock, parent: 'default', content: new Y.ContentDeleted(3) },
    ])
  }
  return undefined
}

function breakDoc(kind: SchemaBreak, doc: Y.Doc, random: () => number): void {
  // The same root name read as another type (before anything reads it as the fragment): plain
  // values, or map entries, straight under the fragment.
  if (kind === 'content-under-fragment') return void doc.getArray('default').insert(0, ['valeur brute', 42])
  if (kind === 'root-map-entry') return void doc.getMap('default').set('clé', 'valeur')
  const fragment = doc.getXmlFragment('default')
  const at = Math.floor(random() * (fragment.length + 1))
  const paragraphWith = (text: string) => {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText(text)])
    return p
  }
  const text = () => {
    const existing = firstText(fragment)
    if (existing) return existing
    const p = paragraphWith('amorce')
    fragment.insert(0, [p])
    return p.get(0) as Y.XmlText
  }
  switch (kind) {
    case 'bare-text-root':
      return fragment.insert(at, [new Y.XmlText('texte nu à la racine')])
    case 'unknown-element':
      return fragment.insert(at, [new Y.XmlElement(['script', 'iframe', 'table', 'div', 'img'][Math.floor(random() * 5)]!)])
    case 'new-root': {
      const name = `racine${Math.floor(random() * 1000)}`
      if (random() < 0.5) doc.getMap(name).set('clé', 'valeur')
      else doc.getText(name).insert(0, 'texte ailleurs')
      return
    }
    case 'unknown-attribute': {
      const p = paragraphWith('attribut inconnu')
      p.setAttribute('onclick', 'alert(1)')
      return fragment.insert(at, [p])
    }
    case 'unknown-mark':
      return text().format(0, 1, { blink: {} })
    case 'mark-with-object-value':
      return text().format(0, 1, { link: { href: { nested: ['javascript:alert(1)'] } } })
    case 'element-in-wrong-parent': {
      const p = paragraphWith('parent')
      p.insert(0, [paragraphWith('enfant')])
      return fragment.insert(at, [p])
    }
    case 'text-in-list': {
      const list = new Y.XmlElement('bulletList')
      list.insert(0, [new Y.XmlText('texte dans une liste')])
      return fragment.insert(at, [list])
    }
    case 'embed-in-text':
      return text().insertEmbed(0, { image: 'x' })
    case 'huge-text':
      return text().insert(0, 'x'.repeat(100_001 + Math.floor(random() * 1000)))
    case 'reused-clock':
      // Nothing to reuse (a document without items): a bare text instead.
      return fragment.insert(at, [new Y.XmlText('texte nu à la racine')])
    case 'huge-mark-value':
      return text().format(0, 1, { link: { href: `https://exemple.org/${'h'.repeat(maxValueChars + Math.floor(random() * 900_000))}` } })
    case 'huge-attribute-value': {
      const block = new Y.XmlElement('codeBlock')
      block.setAttribute('language', 'x'.repeat(maxValueChars + 1 + Math.floor(random() * 100_000)))
      return fragment.insert(at, [block])
    }
    default:
      return
  }
}

/** `count` schema-breaking updates of every kind, seeded. */
export function* schemaBreakingFrames(seed: number, count: number): Generator<SchemaFrame> {
  const random = seededRandom(seed)
  for (let i = 0; i < count; i++) {
    const kind = schemaBreaks[i % schemaBreaks.length]!
    yield {
      kind,
      make(known) {
        const crafted = kind === 'reused-clock' ? reusedClock(known, random) : undefined
        if (crafted) return frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, crafted)))
        const scratch = new Y.Doc()
        Y.applyUpdate(scratch, Y.encodeStateAsUpdate(known))
        const before = Y.encodeStateVector(scratch)
        breakDoc(kind, scratch, random)
        const update = Y.encodeStateAsUpdate(scratch, before)
        scratch.destroy()
        return frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update)))
      },
    }
  }
}
