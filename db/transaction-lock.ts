import { sql, type Kysely, type Transaction } from 'kysely'
import { transactionsShareTheConnection } from './database-handle.ts'
import type { Database } from './schema.ts'

/** What a lock serializes; each its own class of PostgreSQL advisory locks, apart from the server's claim (one bigint key). */
const lockClasses = { 'audit-chain': 1, 'amendment-numbers': 2, 'proposal-numbers': 3 } as const

/**
 * Until the transaction ends, no other transaction holding the same lock runs past this point: for a
 * read-then-write that must not interleave (the last entry of a hash chain, the next number). On
 * PostgreSQL transactions run side by side, on one process or several: an advisory lock per
 * (kind, key). SQLite writes one transaction at a time already.
 */
export async function lockWithinTransaction(trx: Transaction<Database> | Kysely<Database>, kind: keyof typeof lockClasses, key: string): Promise<void> {
  if (transactionsShareTheConnection(trx)) return
  await sql`SELECT pg_advisory_xact_lock(${lockClasses[kind]}, hashtext(${key}))`.execute(trx)
}
