import * as Y from 'yjs'
import { docField } from './extensions.ts'
import { editorRules, markNameOfAttribute, type SchemaRules } from './schema-rules.ts'
import { maxMarkupChars, maxTextChars, maxValueChars } from './text-limits.ts'
import { contentMarkup, deletedSize, valueChars, type DeleteSet, type TextSize } from './text-size.ts'

/** Why an update is refused: it would leave the text outside the editor schema, or over the size cap. */
export type UpdateRefusal = 'schema' | 'size'

export type UpdateVerdict = ({ readonly ok: true } & TextSize) | { readonly ok: false; readonly reason: UpdateRefusal; readonly detail: string }

type Struct = Y.Item | Y.GC | Y.Skip

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
  /**
   * The parent type itself: the document's, or the update's own object for a type the update
   * creates (never equal to a document's); null for GC, or a root the document does not have.
   */
  readonly type: object | null
}

const gcPlacement: Placement = { parent: { kind: 'gc' }, parentSub: null, type: null }

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
 * editor schema and the size caps. It reads the update's structs: each new item's parent (named,
 * or inherited from its left or right neighbour, in the update or already in the document) and
 * its content. Linear in the update plus the deleted ranges it names, not in the document.
 *
 * Sound by construction: an item whose placement cannot be traced (a missing neighbour, a gap in
 * a client's clocks, a cycle) is refused rather than left pending, since Yjs would integrate a
 * pending item later, when another update fills the gap, without anyone checking it then. So is
 * whatever Yjs would read otherwise than the check: a client in two blocks (Yjs keeps the last), a
 * reference to a clock of the same client that is not earlier, an empty struct, and a struct
 * whose first clocks the document already holds unless the document's item just before its new
 * part sits in the same list (Yjs links the new part after that item, whatever the struct says).
 * Deletions are always allowed: removing content cannot add a node the schema does not know.
 *
 * `live` is the document's current size (see countTextSize and textSizeDelta in text-size.ts).
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, live: TextSize, rules: SchemaRules = editorRules): UpdateVerdict {
  try {
    return { ok: true, ...check(doc, Y.decodeUpdate(update), live, rules) }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, detail: error.message }
    throw error
  }
}

/** The ids an item names, as Yjs reads them: its left and right origins and, with neither, its parent. */
function namedIds(item: Y.Item): Y.ID[] {
  const ids: Y.ID[] = []
  if (item.origin) ids.push(item.origin)
  if (item.rightOrigin) ids.push(item.rightOrigin)
  if (item.parent instanceof Y.ID) ids.push(item.parent)
  return ids
}

function check(doc: Y.Doc, decoded: { structs: Struct[]; ds: DeleteSet }, live: TextSize, rules: SchemaRules): TextSize {
  // Yjs reads one block per client (a second replaces the first) and integrates each from the
  // first clock it does not hold: the update must read the same to the check. (A second block
  // that starts where the first ends reads the same, but for the first, which Yjs drops; then the
  // second starts past what the document holds and waits, and the room drops what waits: less
  // gets in, never something else.)
  const byClient = new Map<number, Struct[]>()
  let previous: Struct | undefined
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) refuse('the update has a gap (a skipped range)')
    if (struct.length < 1) refuse('the update holds an empty struct')
    const client = struct.id.client
    let list = byClient.get(client)
    if (!list) {
      if (struct.id.clock > Y.getState(doc.store, client)) refuse(`the update starts past what the document holds of client ${client}`)
      list = []
      byClient.set(client, list)
    } else if (previous!.id.client !== client || previous!.id.clock + previous!.length !== struct.id.clock) {
      refuse(`the update holds client ${client} in two blocks`)
    }
    list.push(struct)
    previous = struct
    if (!(struct instanceof Y.Item)) continue
    // Yjs looks these up for every struct, even one it then skips: a later clock of the same client
    // is not there yet (it would throw half-way), another root would be created.
    for (const id of namedIds(struct)) if (id.client === client && id.clock >= struct.id.clock) refuse('an item names a clock of its own client that is not earlier')
    if (typeof struct.parent === 'string' && struct.parent !== docField) refuse(`the update writes the root type "${struct.parent}"`)
  }

  const placements = new Map<Y.Item, Placement>()

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

  const docPlacement = (item: Y.Item): Placement => ({ parent: classify(item.parent, doc), parentSub: item.parentSub, type: item.parent })

  /**
   * Yjs' own rule (Item.getMissing): the named parent, else the left neighbour's, else the right
   * one's, else GC. Either the placement, or the update's item whose placement it needs first.
   */
  const resolveStep = (item: Y.Item): Placement | Y.Item => {
    const parent = item.parent as unknown
    if (typeof parent === 'string') return { parent: { kind: 'root', name: parent }, parentSub: item.parentSub, type: doc.share.get(parent) ?? null }
    if (parent instanceof Y.ID) {
      const found = lookup(parent)
      if (!found) return refuse('an item names a parent the document does not hold')
      const p = found.struct
      if (!(p instanceof Y.Item)) return gcPlacement
      if (!(p.content instanceof Y.ContentType)) return refuse('an item names a parent that is not a type')
      return { parent: classify(p.content.type, found.inUpdate ? null : doc), parentSub: item.parentSub, type: p.content.type }
    }
    for (const neighbour of [item.origin, item.rightOrigin]) {
      if (neighbour === null) continue
      const found = lookup(neighbour)
      if (!found) return refuse('an item is placed next to one the document does not hold')
      if (!(found.struct instanceof Y.Item)) continue
      // Yjs turns an item next to a GC neighbour into GC too; checking it against the other
      // neighbour's parent instead is stricter, never looser.
      if (!found.inUpdate) return docPlacement(found.struct)
      const placement = placements.get(found.struct)
      if (!placement) return found.struct
      if (placement.parent.kind !== 'gc') return placement
    }
    return gcPlacement
  }

  /** An update item's placement, resolved without recursion (a long chain of neighbours is fine), memoised. */
  const placementOf = (item: Y.Item): Placement => {
    const known = placements.get(item)
    if (known) return known
    const first = resolveStep(item)
    if (!(first instanceof Y.Item)) {
      placements.set(item, first)
      return first
    }
    const stack = [item]
    const resolving = new Set<Y.Item>([item])
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const step = placements.get(top) ?? resolveStep(top)
      if (step instanceof Y.Item) {
        if (resolving.has(step)) refuse('the update places items in a cycle')
        resolving.add(step)
        stack.push(step)
        continue
      }
      placements.set(top, step)
      resolving.delete(top)
      stack.pop()
    }
    return placements.get(item)!
  }

  let inserted = 0
  let insertedMarkup = 0
  let oversize: Refused | undefined
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    const known = Y.getState(doc.store, struct.id.client)
    // Known to the document already: Yjs skips it, and it was checked when it came.
    if (struct.id.clock + struct.length <= known) continue
    const placement = placementOf(struct)
    const { parent, parentSub } = placement
    if (struct.id.clock < known && parent.kind !== 'gc') {
      // Yjs integrates only the new part, with the document's item just before it as its left
      // neighbour, whatever list that item is in, and the parent found above: the two must agree.
      const left = findIn(doc.store.clients.get(struct.id.client) as Struct[] | undefined, known - 1)
      if (!(left instanceof Y.Item) || left.parent !== placement.type || left.parentSub !== parentSub) {
        refuse('the update resends a clock range the document holds, from another place')
      }
    }
    if (parent.kind === 'root' && parent.name !== docField) refuse(`the update writes the root type "${parent.name}"`)
    try {
      checkContent(struct.content, parent, parentSub, rules)
    } catch (error) {
      if (!(error instanceof Refused)) throw error
      // Deleted by the same update (a merged log, a state with its deletions): never part of the text.
      if (deletedBy(decoded.ds, struct)) continue
      // A value over its cap: said once the whole update is read, so that a schema break further on
      // is what is said (the freeze refuses only those, a size being no bar to rendering).
      if (error.reason !== 'size') throw error
      oversize ??= error
      continue
    }
    const offset = Math.max(0, known - struct.id.clock)
    if (struct.content instanceof Y.ContentString && parent.kind === 'text') inserted += struct.length - offset
    if (parent.kind !== 'gc') insertedMarkup += contentMarkup(struct.content, offset)
  }
  if (oversize) throw oversize
  const removed = deletedSize(doc, decoded.ds)
  const chars = live.chars + inserted - removed.chars
  const markup = live.markup + insertedMarkup - removed.markup
  // Only growth is refused: a text already over a cap (an older one) may still be shortened.
  if (inserted > 0 && chars > maxTextChars) throw new Refused('size', `the text would hold ${chars} characters, over ${maxTextChars}`)
  if (insertedMarkup > 0 && markup > maxMarkupChars) throw new Refused('size', `the text's marks and attributes would hold ${markup} characters, over ${maxMarkupChars}`)
  return { chars, markup }
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
      if (valueChars(value) > maxValueChars) throw new Refused('size', `mark "${mark}" with attributes over ${maxValueChars} characters`)
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
    if (!(content instanceof Y.ContentAny) || !content.arr.every(isPrimitive)) return refuse(`attribute "${parentSub}" is not a plain value`)
    if (content.arr.some((value: unknown) => valueChars(value) > maxValueChars)) throw new Refused('size', `attribute "${parentSub}" over ${maxValueChars} characters`)
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
