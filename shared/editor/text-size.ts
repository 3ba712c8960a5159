import * as Y from 'yjs'

// The size of a text as the caps of text-limits.ts count it: kept live by the room (countTextSize
// when it loads, textSizeDelta per transaction) and checked by update-check.ts against an update.

export type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']
type Struct = Y.Item | Y.GC | Y.Skip

/**
 * A text's size as the caps count it: its characters (what the editor counts too), and the
 * characters of its marks' and attributes' values (see valueChars).
 */
export interface TextSize {
  readonly chars: number
  readonly markup: number
}

/** The size of an empty document, as a new one checked whole starts from. */
export const emptyTextSize: TextSize = { chars: 0, markup: 0 }

/**
 * What a mark's or an attribute's value weighs: the characters of its strings and keys, one for a
 * number or a boolean. Values are plain (checkContent); an object's fields are read one level deep.
 */
export function valueChars(value: unknown): number {
  if (typeof value === 'string') return value.length
  if (value === null || value === undefined) return 0
  if (typeof value !== 'object') return 1
  let chars = 0
  for (const [key, field] of Object.entries(value)) chars += key.length + (typeof field === 'string' ? field.length : 1)
  return chars
}

/**
 * What an item's content adds to the markup count, over its part [start, end): each mark or
 * attribute value one, plus valueChars.
 */
export function contentMarkup(content: Y.Item['content'], start = 0, end = content.getLength()): number {
  if (content instanceof Y.ContentFormat) return start > 0 ? 0 : 1 + valueChars(content.value)
  if (content instanceof Y.ContentAny) {
    let markup = 0
    for (let i = start; i < end; i++) markup += 1 + valueChars(content.arr[i])
    return markup
  }
  return 0
}

/** The size of a part [from, to) of an item: its characters if a string, its values' weight if a mark or an attribute. */
function partSize(s: Y.Item, from: number, to: number): TextSize {
  if (s.content instanceof Y.ContentString) return { chars: to - from, markup: 0 }
  return { chars: 0, markup: contentMarkup(s.content, from - s.id.clock, to - s.id.clock) }
}

/** What the delete set removes of the document's live text: characters, and marks' and attributes' values. */
export function deletedSize(doc: Y.Doc, ds: DeleteSet): TextSize {
  let chars = 0
  let markup = 0
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client) as Struct[] | undefined
    if (!structs || structs.length === 0) continue
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, Y.getState(doc.store, client))
      if (end <= clock) continue
      for (let i = Y.findIndexSS(structs as Y.Item[], clock); i < structs.length; i++) {
        const s = structs[i]!
        if (s.id.clock >= end) break
        if (!(s instanceof Y.Item) || s.deleted) continue
        const part = partSize(s, Math.max(clock, s.id.clock), Math.min(end, s.id.clock + s.length))
        chars += part.chars
        markup += part.markup
      }
    }
  }
  return { chars, markup }
}

/** The document's live size: every character, mark and attribute value not deleted (once, when a room loads). */
export function countTextSize(doc: Y.Doc): TextSize {
  let chars = 0
  let markup = 0
  for (const structs of doc.store.clients.values()) {
    for (const s of structs) {
      if (!(s instanceof Y.Item) || s.deleted) continue
      const part = partSize(s, s.id.clock, s.id.clock + s.length)
      chars += part.chars
      markup += part.markup
    }
  }
  return { chars, markup }
}

/** How a transaction changed the live size: what it added and did not delete, minus older content it deleted. */
export function textSizeDelta(transaction: Y.Transaction): TextSize {
  const store = transaction.doc.store
  let chars = 0
  let markup = 0
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    const structs = store.clients.get(client)!
    for (let i = Y.findIndexSS(structs as Y.Item[], before); i < structs.length; i++) {
      const s = structs[i]!
      if (!(s instanceof Y.Item) || s.deleted) continue
      const part = partSize(s, s.id.clock, s.id.clock + s.length)
      chars += part.chars
      markup += part.markup
    }
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (s) => {
    const before = transaction.beforeState.get(s.id.client) ?? 0
    if (!(s instanceof Y.Item) || s.id.clock >= before) return
    const part = partSize(s, s.id.clock, s.id.clock + s.length)
    chars -= part.chars
    markup -= part.markup
  })
  return { chars, markup }
}
