import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { withStatementCache } from '../../db/sqlite/statement-cache.ts'

describe('Kysely over better-sqlite3 with prepared statements kept', () => {
  test('each SQL text is prepared once while it stays among the most recent, and answers stay right after eviction', async () => {
    const sqlite = new SQLite(':memory:')
    const prepared: string[] = []
    const prepare = sqlite.prepare.bind(sqlite)
    sqlite.prepare = ((source: string) => (prepared.push(source), prepare(source))) as typeof sqlite.prepare
    const db = new Kysely<{ motions: { id: number; title: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, 2) }) })
    await sql`CREATE TABLE motions (id INTEGER PRIMARY KEY, title TEXT NOT NULL)`.execute(db)
    for (let id = 1; id <= 3; id++) await db.insertInto('motions').values({ id, title: `Motion ${id}` }).execute()
    expect(prepared.filter((s) => s.startsWith('insert')).length).toBe(1)

    const byId = (id: number) => db.selectFrom('motions').select('title').where('id', '=', id).executeTakeFirst()
    const all = () => db.selectFrom('motions').select('id').orderBy('id').execute()
    const count = () => db.selectFrom('motions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect((await byId(2))?.title).toBe('Motion 2')
    expect((await all()).map((r) => r.id)).toEqual([1, 2, 3])
    expect((await byId(3))?.title).toBe('Motion 3')
    // byId and all were the two most recent: neither was prepared again.
    expect(prepared.filter((s) => s.startsWith('select')).length).toBe(2)
    expect(Number((await count()).n)).toBe(3)
    // count pushed out all (least recent); byId stayed.
    expect((await byId(1))?.title).toBe('Motion 1')
    expect((await all()).length).toBe(3)
    expect(prepared.filter((s) => s.startsWith('select')).length).toBe(4)
    await db.destroy()
  })
})
