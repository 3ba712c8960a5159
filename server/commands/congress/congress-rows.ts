import type { Kysely } from 'kysely'
import { transactionsShareTheConnection } from '../../../db/database-handle.ts'
import type { CongressRow, Database } from '../../../db/schema.ts'
import type { Phase } from '../../../shared/phases.ts'
import { fail } from '../../domain-error.ts'

/**
 * The congress's row: the one place that says a congress does not exist (404 congress_not_found).
 * Inside a transaction it is the row the decision meets.
 */
export async function loadCongress(db: Kysely<Database>, congressId: string): Promise<CongressRow> {
  const row = await db.selectFrom('congresses').selectAll().where('id', '=', congressId).executeTakeFirst()
  if (!row) throw fail('congress_not_found', { congressId }, 'Ce congrès n’existe pas.')
  return row
}

/** What names a congress in every view and document: the same six fields, read from its row. */
export function congressIdentity(row: CongressRow) {
  return { id: row.id, title: row.title, edition: row.edition, organisation: row.organisation, place: row.place, date: row.date }
}

/**
 * Inside a decision's transaction: the congress's row locked until the commit (on PostgreSQL, FOR NO
 * KEY UPDATE: decisions in one congress go one at a time, as the hash chain of its log needs; on
 * SQLite one transaction writes at a time already), and its phase as it stands.
 */
export async function lockCongress(trx: Kysely<Database>, congressId: string): Promise<Phase> {
  const row = await trx
    .selectFrom('congresses')
    .select('phase')
    .where('id', '=', congressId)
    .$if(!transactionsShareTheConnection(trx), (qb) => qb.forNoKeyUpdate())
    .executeTakeFirst()
  if (!row) throw fail('congress_not_found', { congressId }, 'Ce congrès n’existe pas.')
  return row.phase
}

/** The congress's phase as the database holds it (inside a transaction: the phase the decision meets). */
export async function readPhase(db: Kysely<Database>, congressId: string): Promise<Phase> {
  return (await loadCongress(db, congressId)).phase
}

/** Refuses a congress that does not exist (404 congress_not_found). */
export async function requireCongress(db: Kysely<Database>, congressId: string): Promise<void> {
  await loadCongress(db, congressId)
}
