import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { afterAll, describe, expect, test } from 'vitest'
import { openDatabase } from '../../db/sqlite/open.ts'
import { migrations } from '../../db/migrations/index.ts'
import { seedDemo } from '../../server/services/seed-demo.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'

/** The room code exists from the congress's creation: the desk and the projector only read it. */
describe('the room code', () => {
  const dir = makeTempDir('plenum-room-code-')
  afterAll(() => dir.remove())

  test('a new congress has one', async () => {
    const database = await openDatabase(join(dir.path, 'new.db'))
    const { congressId } = await seedDemo(database.db, Date.now())
    const row = await database.db.selectFrom('congresses').select('room_code').where('id', '=', congressId).executeTakeFirstOrThrow()
    expect(row.room_code).toMatch(/^\d{6}$/)
    database.sqlite.close()
  })

  test('migration 0010 gives one to every congress of an older file that had none, and keeps those that had one', async () => {
    const file = join(dir.path, 'old.db')
    const sqlite = new SQLite(file)
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0010'))
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()
    if (error) throw error
    const congress = { title: 'Ancien congrès', edition: 1, organisation: 'Org', place: 'Lyon', date: '2026-01-01', phase: 'setup' }
    await db.insertInto('congresses').values({ ...congress, id: 'c1', preamble_doc: 'c1/preamble/p' }).execute()
    await db.insertInto('congresses').values({ ...congress, id: 'c2', preamble_doc: 'c2/preamble/p', room_code: '123456' }).execute()
    await db.destroy()

    const database = await openDatabase(file)
    const rows = await database.db.selectFrom('congresses').select(['id', 'room_code']).orderBy('id').execute()
    expect(rows[0]?.room_code).toMatch(/^\d{6}$/)
    expect(rows[1]).toEqual({ id: 'c2', room_code: '123456' })
    database.sqlite.close()
  })
})
