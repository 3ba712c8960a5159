import * as Y from 'yjs'
import { docField } from './extensions.ts'
import { editorRules, markNameOfAttribute, type SchemaRules } from './schema-rules.ts'
import { maxTextChars } from './text-limits.ts'

/** Why an update is refused: it would leave the text outside the editor schema, or over the size cap. */
export type UpdateRefusal = 'schema' | 'size'

export type UpdateVerdict = { readonly ok: true; readonly chars: number } | { readonly ok: false; readonly reason: UpdateRefusal; readonly detail: string }

type Struct = Y.Item | Y.GC | Y.Skip
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/** Where an item lands: under the root fragment, an element, a text, something else, or nowhere (Yjs turns it into GC). */
type Parent =
  | { readonly kind: 'root'; readonly name: string }
  | { readonly kind: 'element'; readonly nodeName: string }
  | { readonly kind: 'text' }
  | { readonly kind: 'other' }
  | { readonly kind: 'gc' }

interface Placement {
  readonly parent: Parent
  readonly parentSub: string | null
}

class Refused extends Error {
  constructor(
    readonly reason: UpdateRefusal,
    message: string,
  ) {
    super(message)
  }
}

const refuse = (detail: string): never => {
  throw new Refused('schema', detail)
}

/** What kind of parent `type` is; `doc` for a type integrated in it (a root has no item), null for one the update creates. */
function classify(type: unknown, doc: Y.Doc | null): Parent {
  if (doc && type instanceof Y.AbstractType && type._item === null) {
    return { kind: 'root', name: doc.share.get(docField) === type ? docField : Y.findRootTypeKey(type) }
  }
  if (type instanceof Y.XmlElement) return { kind: 'element', nodeName: type.nodeName }
  if (type instanceof Y.XmlText) return { kind: 'text' }
  return { kind: 'other' }
}

/** The struct holding `clock` in a clock-sorted list, or undefined. */
function findIn(structs: readonly Struct[] | undefined, clock: number): Struct | undefined {
  if (!structs) return undefined
  let low = 0
  let high = structs.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const s = structs[mid]!
    if (clock < s.id.clock) high = mid - 1
    else if (clock >= s.id.clock + s.length) low = mid + 1
    else return s
  }
  return undefined
}

/**
 * Decides, before it touches the document, whether a client's update keeps `doc` within the
 * editor schema and the size cap. It reads the update's structs: each new item's parent (named,
 * or inherited from its left or right neighbour, in the update or already in the document) and
 * its content. Linear in the update plus the deleted ranges it names, not in the document.
 *
 * Sound by construction: an item whose placement cannot be traced (a missing neighbour, a gap in
 * a client's clocks, a cycle) is refused rather than left pending, since Yjs would integrate a
 * pending item later, when another update fills the gap, without anyone checking it then.
 * Deletions are always allowed: removing content cannot add a node the schema does not know.
 *
 * `liveChars` is the document's current text length (see countTextChars and textCharDelta).
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, liveChars: number, rules: SchemaRules = editorRules): UpdateVerdict {
  try {
    return { ok: true, chars: check(doc, Y.decodeUpdate(update), liveChars, rules) }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, detail: error.message }
    throw error
  }
}

function check(doc: Y.Doc, decoded: { structs: Struct[]; ds: DeleteSet }, liveChars: number, rules: SchemaRules): number {
  const byClient = new Map<number, Struct[]>()
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) refuse('the update has a gap (a skipped range)')
    const list = byClient.get(struct.id.client) ?? []
    list.push(struct)
    byClient.set(struct.id.client, list)
  }
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.id.clock - b.id.clock)
    const known = Y.getState(doc.store, client)
    let next = list[0]!.id.clock
    if (next > known) refuse(`the update starts past what the document holds of client ${client}`)
    for (const s of list) {
      if (s.id.clock > next) refuse(`the update has a gap in client ${client}`)
      next = Math.max(next, s.id.clock + s.length)
    }
  }

  const placements = new Map<Y.Item, Placement>()
  const resolving = new Set<Y.Item>()

  /**
   * The struct with this id as Yjs will see it: the document's when it holds the clock (an update
   * that sends a known item again does not redefine it), else the update's.
   */
  const lookup = (id: Y.ID): { struct: Struct; inUpdate: boolean } | undefined => {
    if (id.clock < Y.getState(doc.store, id.client)) {
      const struct = findIn(doc.store.clients.get(id.client) as Struct[] | undefined, id.clock)
      return struct && { struct, inUpdate: false }
    }
    const own = findIn(byClient.get(id.client), id.clock)
    return own && { struct: own, inUpdate: true }
  }

  const placementOf = (item: Y.Item, inUpdate: boolean): Placement => {
    if (!inUpdate) return { parent: classify(item.parent, doc), parentSub: item.parentSub }
    const cached = placements.get(item)
    if (cached) return cached
    if (resolving.has(item)) refuse('the update places items in a cycle')
    resolving.add(item)
    const placement = resolveNew(item)
    resolving.delete(item)
    placements.set(item, placement)
    return placement
  }

  /** Yjs' own rule (Item.getMissing): the named parent, else the left neighbour's, else the right one's, else GC. */
  const resolveNew = (item: Y.Item): Placement => {
    const parent = item.parent as unknown
    if (typeof parent === 'string') return { parent: { kind: 'root', name: parent }, parentSub: item.parentSub }
    if (parent instanceof Y.ID) {
      const found = lookup(parent)
      if (!found) return refuse('an item names a parent the document does not hold')
      const p = found.struct
      if (!(p instanceof Y.Item)) return { parent: { kind: 'gc' }, parentSub: null }
      if (!(p.content instanceof Y.ContentType)) return refuse('an item names a parent that is not a type')
      return { parent: classify(p.content.type, found.inUpdate ? null : doc), parentSub: item.parentSub }
    }
    for (const neighbour of [item.origin, item.rightOrigin]) {
      if (neighbour === null) continue
      const found = lookup(neighbour)
      if (!found) return refuse('an item is placed next to one the document does not hold')
      if (!(found.struct instanceof Y.Item)) continue
      // Yjs turns an item next to a GC neighbour into GC too; checking it against the other
      // neighbour's parent instead is stricter, never looser.
      const placement = placementOf(found.struct, found.inUpdate)
      if (placement.parent.kind !== 'gc') return placement
    }
    return { parent: { kind: 'gc' }, parentSub: null }
  }

  let inserted = 0
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    // Known to the document already: Yjs skips it, and it was checked when it came.
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    const { parent, parentSub } = placementOf(struct, true)
    if (parent.kind === 'root' && parent.name !== docField) refuse(`the update writes the root type "${parent.name}"`)
    try {
      checkContent(struct.content, parent, parentSub, rules)
    } catch (error) {
      // Deleted by the same update (a merged log, a state with its deletions): never part of the text.
      if (error instanceof Refused && deletedBy(decoded.ds, struct)) continue
      throw error
    }
    if (struct.content instanceof Y.ContentString && parent.kind === 'text') {
      const known = Y.getState(doc.store, struct.id.client)
      inserted += Math.max(0, Math.min(struct.length, struct.id.clock + struct.length - known))
    }
  }
  const chars = liveChars + inserted - deletedChars(doc, decoded.ds)
  // Only growth is refused: a text already over the cap (an older one) may still be shortened.
  if (inserted > 0 && chars > maxTextChars) throw new Refused('size', `the text would hold ${chars} characters, over ${maxTextChars}`)
  return chars
}

function deletedBy(ds: DeleteSet, item: Y.Item): boolean {
  if (!ds.clients.has(item.id.client)) return false
  for (let clock = item.id.clock; clock < item.id.clock + item.length; clock++) if (!Y.isDeleted(ds, Y.createID(item.id.client, clock))) return false
  return true
}

const isPrimitive = (value: unknown) => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

function checkContent(content: Y.Item['content'], parent: Parent, parentSub: string | null, rules: SchemaRules): void {
  // Nowhere to live (Yjs makes it GC) or already deleted: cannot reach the text.
  if (parent.kind === 'gc' || content instanceof Y.ContentDeleted) return
  if (parent.kind === 'other') refuse('the update writes inside a type the editor does not use')
  if (parent.kind === 'text') {
    if (parentSub !== null) refuse('a text carries an attribute')
    if (content instanceof Y.ContentString) return
    if (content instanceof Y.ContentFormat) {
      const mark = markNameOfAttribute(content.key)
      if (!rules.marks.has(mark)) refuse(`unknown mark "${mark}"`)
      const value = content.value as unknown
      if (value === null) return
      if (typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every(isPrimitive)) refuse(`mark "${mark}" with attributes that are not plain values`)
      return
    }
    return refuse('a text holds something other than characters and marks')
  }
  const nodeName = parent.kind === 'element' ? parent.nodeName : 'doc'
  const allowed = rules.children.get(nodeName)
  if (!allowed) return refuse(`unknown element "${nodeName}"`)
  if (parentSub !== null) {
    if (parent.kind === 'root') refuse('the root fragment carries an attribute')
    if (!rules.attributes.get(nodeName)?.has(parentSub)) refuse(`"${nodeName}" has no attribute "${parentSub}"`)
    if (!(content instanceof Y.ContentAny) || !content.arr.every(isPrimitive)) refuse(`attribute "${parentSub}" is not a plain value`)
    return
  }
  if (!(content instanceof Y.ContentType)) return refuse(`"${nodeName}" holds something other than elements and texts`)
  const type = content.type as unknown
  if (type instanceof Y.XmlText) {
    if (!allowed.has('text')) refuse(`"${nodeName}" may not hold text`)
    return
  }
  // XmlHook extends Y.Map, not XmlElement; the constructor check keeps any other type out.
  if (!(type instanceof Y.XmlElement) || type.constructor !== Y.XmlElement) return refuse(`"${nodeName}" holds a type the editor does not use`)
  if (!allowed.has(type.nodeName) || type.nodeName === 'text') refuse(`"${nodeName}" may not hold "${type.nodeName}"`)
}

/** Characters of the document's live text that the delete set removes. */
function deletedChars(doc: Y.Doc, ds: DeleteSet): number {
  let removed = 0
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client) as Struct[] | undefined
    if (!structs || structs.length === 0) continue
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, Y.getState(doc.store, client))
      if (end <= clock) continue
      for (let i = Y.findIndexSS(structs as Y.Item[], clock); i < structs.length; i++) {
        const s = structs[i]!
        if (s.id.clock >= end) break
        if (s instanceof Y.Item && !s.deleted && s.content instanceof Y.ContentString && s.countable) {
          removed += Math.min(end, s.id.clock + s.length) - Math.max(clock, s.id.clock)
        }
      }
    }
  }
  return removed
}

/** The document's live text length: every character not deleted (once, when a room loads). */
export function countTextChars(doc: Y.Doc): number {
  let chars = 0
  for (const structs of doc.store.clients.values()) {
    for (const s of structs) if (s instanceof Y.Item && !s.deleted && s.content instanceof Y.ContentString) chars += s.length
  }
  return chars
}

/** How a transaction changed the live text length: characters added and not deleted, minus older ones deleted. */
export function textCharDelta(transaction: Y.Transaction): number {
  const store = transaction.doc.store
  let delta = 0
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    const structs = store.clients.get(client)!
    for (let i = Y.findIndexSS(structs as Y.Item[], before); i < structs.length; i++) {
      const s = structs[i]!
      if (s instanceof Y.Item && !s.deleted && s.content instanceof Y.ContentString) delta += s.length
    }
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (s) => {
    const before = transaction.beforeState.get(s.id.client) ?? 0
    if (s instanceof Y.Item && s.id.clock < before && s.content instanceof Y.ContentString) delta -= s.length
  })
  return delta
}
