import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { decodeObject } from '../../db/json-columns.ts'
import type { AuditLogRow, Database } from '../../db/schema.ts'
import { lockWithinTransaction } from '../../db/transaction-lock.ts'
import type { AuditEntryView } from '../../shared/api-types.ts'
import { canonicalJson } from '../../shared/canonical-json.ts'

export const genesisHash = '0'.repeat(64)

export interface AuditEvent {
  readonly congressId: string
  /** Null when the command line acted. */
  readonly actor: { readonly id: string; readonly name: string } | null
  readonly action: string
  readonly payload: Record<string, unknown>
}

type HashedFields = Pick<AuditLogRow, 'congress_id' | 'at' | 'actor_id' | 'actor_name' | 'action' | 'payload' | 'prev_hash'>

/** SHA-256 of an entry's canonical form, its predecessor's hash included: the chain. */
export function auditHash(entry: HashedFields): string {
  const canonical = canonicalJson({
    action: entry.action,
    actorId: entry.actor_id,
    actorName: entry.actor_name,
    at: entry.at,
    congressId: entry.congress_id,
    payload: entry.payload,
    prevHash: entry.prev_hash,
  })
  return createHash('sha256').update(canonical).digest('hex')
}

/** Appends a decision to the congress's chain; call it inside the decision's own transaction. */
export async function appendAudit(trx: Transaction<Database> | Kysely<Database>, event: AuditEvent, now: number): Promise<void> {
  // Two transactions reading the same last entry would fork the chain.
  await lockWithinTransaction(trx, 'audit-chain', event.congressId)
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .where('congress_id', '=', event.congressId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  const entry: HashedFields = {
    congress_id: event.congressId,
    at: now,
    actor_id: event.actor?.id ?? null,
    actor_name: event.actor?.name ?? 'ligne de commande',
    action: event.action,
    payload: canonicalJson(event.payload),
    prev_hash: last?.hash ?? genesisHash,
  }
  await trx.insertInto('audit_log').values({ ...entry, hash: auditHash(entry) }).execute()
}

export async function listAudit(db: Kysely<Database>, congressId: string): Promise<AuditEntryView[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('congress_id', '=', congressId).orderBy('seq').execute()
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    payload: decodeObject(row.payload, 'audit_log.payload'),
    prevHash: row.prev_hash,
    hash: row.hash,
  }))
}

export type AuditVerification = { readonly ok: true; readonly entries: number } | { readonly ok: false; readonly entries: number; readonly brokenSeq: number; readonly congressId: string; readonly reason: string }

/** Walks every congress's chain in order; reports the first entry that does not hold. */
export async function verifyAudit(db: Kysely<Database>): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('congress_id').orderBy('seq').execute()
  const lastHash = new Map<string, string>()
  let checked = 0
  for (const row of rows) {
    const expectedPrev = lastHash.get(row.congress_id) ?? genesisHash
    if (row.prev_hash !== expectedPrev) {
      return { ok: false, entries: checked, brokenSeq: row.seq, congressId: row.congress_id, reason: 'previous hash does not match the entry before it' }
    }
    if (auditHash(row) !== row.hash) {
      return { ok: false, entries: checked, brokenSeq: row.seq, congressId: row.congress_id, reason: 'content does not match its hash' }
    }
    lastHash.set(row.congress_id, row.hash)
    checked++
  }
  return { ok: true, entries: checked }
}
