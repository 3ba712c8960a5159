import { sql } from 'kysely'
import type { TestServer } from './test-server.ts'

export interface Refusal {
  /** Which table refuses. */
  readonly table: string
  /** `INSERT`, or `UPDATE OF <column>`: the same words in both dialects. */
  readonly event?: string
  /** A condition on NEW, in SQL both backends read alike (`NEW.action = 'ballot.opened'`); every row when absent. */
  readonly when?: string
  /** The error's message, which the test may match. */
  readonly message?: string
}

let count = 0

/**
 * Makes the database refuse a write, as a full disk or a broken constraint would, on either backend:
 * a SQLite trigger that raises, or on PostgreSQL a plpgsql function that raises and a BEFORE trigger
 * that calls it (a trigger there runs a function, never a statement). Resolves to the function that
 * removes it; removing twice is harmless, so a test can also call it in `finally`.
 */
export async function refuseWrites(plenum: TestServer, refusal: Refusal): Promise<() => Promise<void>> {
  const name = `test_refuse_${refusal.table}_${++count}`
  const event = refusal.event ?? 'INSERT'
  const message = (refusal.message ?? `${refusal.table} refused by the test`).replaceAll("'", "''")
  const db = plenum.database.db
  if (plenum.database.backend === 'sqlite') {
    const when = refusal.when ? `WHEN ${refusal.when}` : ''
    await sql.raw(`CREATE TRIGGER ${name} BEFORE ${event} ON ${refusal.table} ${when} BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db)
    return async () => {
      await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db)
    }
  }
  // The message is a literal inside the function's $$-quoted body (quotes doubled above) and RAISE's format (% doubled).
  await sql.raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message.replaceAll('%', '%%')}'; END $$`).execute(db)
  const when = refusal.when ? `WHEN (${refusal.when})` : ''
  await sql.raw(`CREATE TRIGGER ${name} BEFORE ${event} ON ${refusal.table} FOR EACH ROW ${when} EXECUTE FUNCTION ${name}()`).execute(db)
  return async () => {
    await sql.raw(`DROP TRIGGER IF EXISTS ${name} ON ${refusal.table}`).execute(db)
    await sql.raw(`DROP FUNCTION IF EXISTS ${name}()`).execute(db)
  }
}

/** `refuseWrites` for inserts into `table`, on every row or those `when` selects. */
export function refuseInserts(plenum: TestServer, table: string, when?: string, message?: string): Promise<() => Promise<void>> {
  return refuseWrites(plenum, { table, when, message })
}
