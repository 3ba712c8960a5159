import * as Y from 'yjs'

// A version is stored as what changed since the one before it: the structs past the previous state
// vector (what Y.encodeStateAsUpdate writes against it) and only the deletions made since. Yjs
// writes a document's whole delete set into every update; kept as is, each version would carry
// every deletion ever made, and a text typed and corrected all day would store its typos once per
// version. Applying the deltas 1..N in order into a fresh document rebuilds version N exactly, even
// though the live document (gc: true) has long dropped what was deleted: the content of an item was
// captured by the first version that held it.

type DeleteSet = ReturnType<typeof Y.createDeleteSet>
interface DeleteRange {
  clock: number
  len: number
}

/** A document built from versions' deltas, applied in order. The caller destroys it. */
export function rebuildDoc(deltas: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  Y.transact(doc, () => {
    for (const delta of deltas) Y.applyUpdate(doc, delta)
  })
  return doc
}

export interface VersionDelta {
  readonly delta: Uint8Array
  /** Anything new since the version before: an insertion (the state vector moved) or a deletion (it did not). */
  readonly changed: boolean
}

/** The delta of `current` over `previous` (the document as the version before left it; undefined for a first version). */
export function versionDelta(current: Y.Doc, previous: Y.Doc | undefined): VersionDelta {
  const vector = Y.encodeStateVector(current)
  if (!previous) return { delta: Y.encodeStateAsUpdate(current), changed: Y.decodeStateVector(vector).size > 0 }
  const previousVector = Y.encodeStateVector(previous)
  const full = Y.encodeStateAsUpdate(current, previousVector)
  const currentDeletes = Y.createDeleteSetFromStructStore(current.store)
  const fullDeletes = encodeDeleteSet(currentDeletes)
  const freshDeletes = subtract(currentDeletes, Y.createDeleteSetFromStructStore(previous.store))
  const changed = !sameStateVector(vector, previousVector) || freshDeletes.clients.size > 0
  // The update ends with the document's delete set, encoded as encodeDeleteSet encodes it: the
  // structs are what comes before. Should Yjs ever write it otherwise, the whole update is kept
  // (larger, never wrong).
  if (!endsWith(full, fullDeletes)) return { delta: full, changed }
  const structs = full.subarray(0, full.byteLength - fullDeletes.byteLength)
  const fresh = encodeDeleteSet(freshDeletes)
  const delta = new Uint8Array(structs.byteLength + fresh.byteLength)
  delta.set(structs, 0)
  delta.set(fresh, structs.byteLength)
  return { delta, changed }
}

/** A delete set in the update encoding (V1): encodeSnapshot writes it, then the (empty) state vector's one byte. */
function encodeDeleteSet(ds: DeleteSet): Uint8Array {
  const snapshot = Y.encodeSnapshot(Y.createSnapshot(ds, new Map()))
  return snapshot.subarray(0, snapshot.byteLength - 1)
}

function endsWith(bytes: Uint8Array, tail: Uint8Array): boolean {
  if (tail.byteLength > bytes.byteLength) return false
  const offset = bytes.byteLength - tail.byteLength
  for (let i = 0; i < tail.byteLength; i++) if (bytes[offset + i] !== tail[i]) return false
  return true
}

/** The ranges of `a` not in `b`, per client (both sorted and merged, as createDeleteSetFromStructStore makes them). */
function subtract(a: DeleteSet, b: DeleteSet): DeleteSet {
  const out = Y.createDeleteSet()
  for (const [client, ranges] of a.clients as Map<number, DeleteRange[]>) {
    const taken = (b.clients as Map<number, DeleteRange[]>).get(client) ?? []
    const left: DeleteRange[] = []
    let j = 0
    for (const range of ranges) {
      let start = range.clock
      const end = range.clock + range.len
      while (j < taken.length && taken[j]!.clock + taken[j]!.len <= start) j++
      let k = j
      while (start < end && k < taken.length && taken[k]!.clock < end) {
        const t = taken[k]!
        if (t.clock > start) left.push({ clock: start, len: t.clock - start })
        start = Math.max(start, t.clock + t.len)
        k++
      }
      if (start < end) left.push({ clock: start, len: end - start })
    }
    if (left.length > 0) (out.clients as Map<number, DeleteRange[]>).set(client, left)
  }
  return out
}

export function sameStateVector(a: Uint8Array, b: Uint8Array): boolean {
  const x = Y.decodeStateVector(a)
  const y = Y.decodeStateVector(b)
  if (x.size !== y.size) return false
  for (const [client, clock] of x) if (y.get(client) !== clock) return false
  return true
}
