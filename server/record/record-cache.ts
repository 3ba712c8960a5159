import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { DocumentAccess } from '../sync/sync-server.ts'

/**
 * What a congress's record is made of, as one key: its decision log's last entry (every decision
 * writes one) and the revision of each of its texts (every stored edit, on any process, moves one).
 * The same key, the same minutes and comparative table: readers share one computation.
 */
export async function recordKey(db: Kysely<Database>, documents: DocumentAccess, congressId: string): Promise<string> {
  const [last, docs] = await Promise.all([
    db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).where('congress_id', '=', congressId).executeTakeFirst(),
    db.selectFrom('documents').select('name').where('congress_id', '=', congressId).orderBy('name').execute(),
  ])
  return `${last?.seq ?? 0}:${docs.map((d) => documents.revision(d.name)).join(',')}`
}

const slots = new Map<string, { readonly key: string; readonly value: Promise<unknown> }>()

/**
 * One value per slot (a congress's minutes or comparative table, in one language and format), kept
 * while its key holds: computed once for every reader asking meanwhile, computed again when the key
 * moves. A failed computation is not kept.
 */
export function cachedRecord<T>(slot: string, key: string, make: () => Promise<T>): Promise<T> {
  const held = slots.get(slot)
  if (held?.key === key) return held.value as Promise<T>
  const value = make()
  slots.set(slot, { key, value })
  value.catch(() => {
    if (slots.get(slot)?.value === value) slots.delete(slot)
  })
  return value
}
