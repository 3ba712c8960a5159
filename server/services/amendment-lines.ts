import { amendmentDiff } from '../../shared/amendments/fork.ts'
import type { LineRange } from '../../shared/amendments/text-diff.ts'
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

type Cache = Map<string, { readonly key: string; readonly ranges: readonly LineRange[] }>
const caches = new WeakMap<DocumentAccess, Cache>()

/**
 * The base lines an amendment changes: against its target as it is now, or, once merged, as it was
 * just before. Lists ask for every amendment of a congress at once, so the result is kept until
 * either document changes.
 */
export async function changedLines(documents: DocumentAccess, amendment: AmendmentDocs, base?: Uint8Array): Promise<readonly LineRange[]> {
  const cache = caches.get(documents) ?? new Map()
  caches.set(documents, cache)
  const baseKey = amendment.merged_onto ? 'merged' : base ? undefined : documents.revision(amendment.target_doc)
  const key = `${baseKey}:${documents.revision(amendment.doc_name)}`
  const cached = cache.get(amendment.id)
  if (baseKey !== undefined && cached?.key === key) return cached.ranges
  const target = base ?? amendment.merged_onto ?? (await documents.read(amendment.target_doc))
  const state = await documents.read(amendment.doc_name)
  if (!target || !state) return []
  const ranges = amendmentDiff(target, state, amendment.fork_vector).changed
  if (baseKey !== undefined) cache.set(amendment.id, { key, ranges })
  return ranges
}

/**
 * The same, for the lists and the detail: computed on the diff thread (server/diff/), so that an
 * amendment of a long text never stalls the server, and kept as above. A request arriving while the
 * same revisions are being computed waits for that computation.
 */
export async function changedLinesOffLoop(documents: DocumentAccess, amendment: AmendmentDocs): Promise<readonly LineRange[]> {
  return (await measuresOffLoop(documents, amendment)).changed
}

/** Measures by amendment, and the computations under way on the diff thread: one per amendment and revision. */
const measureCaches = new WeakMap<DocumentAccess, Map<string, { readonly key: string; readonly measures: AmendmentMeasures }>>()
const measuring = new WeakMap<DocumentAccess, Map<string, { readonly key: string; readonly measures: Promise<AmendmentMeasures> }>>()
const unmeasured: AmendmentMeasures = { changed: [], deletion: false, distance: 0, result: '' }

/** What an amendment changes, as the lists and the running order read it: its lines, how far it departs, the text it makes. */
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

/** Lines computed ahead of a decision; `get` answers only while neither text has changed since. */
export interface LinesAhead {
  get(amendment: AmendmentDocs): readonly LineRange[] | undefined
}

/**
 * The changed lines of amendments of one text against that text as it is now, computed on the diff
 * thread before a decision's transaction (the merge), which must not await anything else: inside
 * it, what `get` still answers stands; what changed meanwhile is computed there, synchronously.
 */
export async function changedLinesAhead(documents: DocumentAccess, amendments: readonly AmendmentDocs[]): Promise<LinesAhead> {
  const seen = (a: AmendmentDocs) => `${documents.revision(a.target_doc)}:${documents.revision(a.doc_name)}`
  const results = new Map<string, { readonly key: string; readonly ranges: readonly LineRange[] }>()
  // Each key is taken before its text is read: a change landing during the read makes it stale, never the reverse.
  const keys = new Map(amendments.map((a) => [a.id, seen(a)]))
  const base = amendments[0] && (await documents.read(amendments[0].target_doc))
  if (base) {
    await Promise.all(
      amendments.map(async (a) => {
        const key = keys.get(a.id)!
        const state = await documents.read(a.doc_name)
        if (state) results.set(a.id, { key, ranges: (await measuresOffThread(base, state, a.fork_vector)).changed })
      }),
    )
  }
  return {
    get(a) {
      const result = results.get(a.id)
      return result && result.key === seen(a) ? result.ranges : undefined
    },
  }
}
