import { createHash } from 'node:crypto'
import type { AmendmentMeasures } from '../../shared/floor/running-order.ts'
import { measuresOffThread } from '../diff/diff-pool.ts'
import type { DocumentAccess } from '../sync/sync-server.ts'

/** What locates an amendment's changes: its document, its target and its fork point. */
export interface AmendmentDocs {
  readonly id: string
  readonly doc_name: string
  readonly target_doc: string
  readonly fork_vector: Uint8Array
  /** Set once merged: the target as it was just before. */
  readonly merged_onto: Uint8Array | null
}

/** Measures by amendment, and the computations under way on the diff thread: one per amendment and revision. */
const measureCaches = new WeakMap<DocumentAccess, Map<string, { readonly key: string; readonly measures: AmendmentMeasures }>>()
const measuring = new WeakMap<DocumentAccess, Map<string, { readonly key: string; readonly measures: Promise<AmendmentMeasures> }>>()
/** An amendment whose texts cannot be read: it changes nothing that can be shown. */
/** A short digest of the text an amendment makes: two with the same are identical; an author checks a rewording by it. */
export function resultDigest(result: string): string {
  return createHash('sha256').update(result).digest('base64url').slice(0, 22)
}

export const unmeasured: AmendmentMeasures = { changed: [], deletion: false, distance: 0, result: '' }

/**
 * What an amendment changes, as the lists and the running order read it: its base lines, how far it
 * departs, the text it makes; against its target as it is now, or, once merged, as it was just
 * before. Computed on the diff thread (server/diff/), so that an amendment of a long text never
 * stalls the server, and kept until either document changes; a request arriving while the same
 * revisions are being computed waits for that computation.
 */
export async function measuresOffLoop(documents: DocumentAccess, amendment: AmendmentDocs): Promise<AmendmentMeasures> {
  const cache = measureCaches.get(documents) ?? new Map()
  measureCaches.set(documents, cache)
  const key = `${amendment.merged_onto ? 'merged' : documents.revision(amendment.target_doc)}:${documents.revision(amendment.doc_name)}`
  const cached = cache.get(amendment.id)
  if (cached?.key === key) return cached.measures
  const inFlight = measuring.get(documents) ?? new Map()
  measuring.set(documents, inFlight)
  const current = inFlight.get(amendment.id)
  if (current?.key === key) return current.measures
  // Registered before the texts are read, so a request arriving meanwhile waits for this one.
  const measures = (async () => {
    const target = amendment.merged_onto ?? (await documents.read(amendment.target_doc))
    const state = await documents.read(amendment.doc_name)
    return target && state ? measuresOffThread(target, state, amendment.fork_vector) : unmeasured
  })()
  inFlight.set(amendment.id, { key, measures })
  try {
    const result = await measures
    // Stored under the revisions read above: if either text changed meanwhile, the next call recomputes.
    cache.set(amendment.id, { key, measures: result })
    return result
  } finally {
    if (inFlight.get(amendment.id)?.measures === measures) inFlight.delete(amendment.id)
  }
}
