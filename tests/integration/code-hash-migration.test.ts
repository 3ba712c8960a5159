import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { afterAll, describe, expect, test } from 'vitest'
import { openDatabase } from '../../db/sqlite/open.ts'
import { migrations } from '../../db/migrations/index.ts'
import { hashAccessCode } from '../../server/ids.ts'
import { createSignInLimit } from '../../server/auth/sign-in-limit.ts'
import { openSession } from '../../server/commands/session/open-session.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'

/** A data folder from before codes were hashed: every migration up to 0005, and codes in clear. */
async function oldDataFolder(file: string, codes: readonly string[]): Promise<void> {
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0006'))
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()
  if (error) throw error
  await db.insertInto('congresses').values({ id: 'c1', title: 'Ancien congrès', edition: 1, organisation: 'Org', place: 'Lyon', date: '2026-01-01', preamble_doc: 'c1/preamble/p', phase: 'setup' }).execute()
  for (const [i, code] of codes.entries()) {
    await db.insertInto('participants').values({ id: `p${i}`, congress_id: 'c1', name: `Personne ${i}`, organisation: 'Org', email: null, role: 'delegate', access_code: code }).execute()
  }
  await db.destroy()
}

describe('migration 0006 on a data folder with clear codes', () => {
  const dir = makeTempDir('plenum-migration-')
  afterAll(() => dir.remove())

  test('keeps every code working, by its hash, and leaves no clear code in the database or its log', async () => {
    const file = join(dir.path, 'plenum.db')
    const codes = ['K7QM-2XPA-9RTB', 'HW3N-8CDF-4GJZ']
    await oldDataFolder(file, codes)
    const seen = (code: string) => readdirSync(dir.path).filter((f) => readFileSync(join(dir.path, f)).includes(code))
    expect(seen(codes[0]!).length).toBeGreaterThan(0)

    const upgraded = await openDatabase(file)
    try {
      const rows = await upgraded.db.selectFrom('participants').select(['id', 'access_code_hash']).orderBy('id').execute()
      expect(rows.map((r) => r.access_code_hash)).toEqual(codes.map((code) => hashAccessCode(code)))
      const deps = { db: upgraded.db, clock: Date.now, loginLimit: createSignInLimit() }
      const session = await openSession(deps, { attempt: { address: '127.0.0.1', code: codes[1]!.toLowerCase() }, device: { browser: 'Firefox', os: 'Linux' } })
      expect(session.ok && session.value.participant.id).toBe('p1')
      for (const code of codes) {
        expect(seen(code)).toEqual([])
        expect(seen(code.replace(/-/g, ''))).toEqual([])
      }
    } finally {
      await upgraded.close()
    }
  })
})
