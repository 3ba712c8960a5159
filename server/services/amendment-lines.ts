import { amendmentDiff } from '../../shared/amendments/fork.ts'
import type { LineRange } from '../../shared/amendments/text-diff.ts'
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
export function changedLines(documents: DocumentAccess, amendment: AmendmentDocs, base?: Uint8Array): readonly LineRange[] {
  const cache = caches.get(documents) ?? new Map()
  caches.set(documents, cache)
  const baseKey = amendment.merged_onto ? 'merged' : base ? undefined : documents.revision(amendment.target_doc)
  const key = `${baseKey}:${documents.revision(amendment.doc_name)}`
  const cached = cache.get(amendment.id)
  if (baseKey !== undefined && cached?.key === key) return cached.ranges
  const target = base ?? amendment.merged_onto ?? documents.read(amendment.target_doc)
  const state = documents.read(amendment.doc_name)
  if (!target || !state) return []
  const ranges = amendmentDiff(target, state, amendment.fork_vector).changed
  if (baseKey !== undefined) cache.set(amendment.id, { key, ranges })
  return ranges
}
