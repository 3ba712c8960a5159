import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase, type SqliteHandle } from '../../db/sqlite/open.ts'
import { migrations } from '../../db/migrations/index.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'

const now = Date.now()
const blob = Buffer.from([0])

/** Rows in every table with a constrained column, written straight through better-sqlite3. */
function seed(sqlite: SQLite.Database): void {
  const insert = (table: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row)
    sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row)
  }
  insert('congresses', { id: 'c1', title: 'Congrès', edition: 1, organisation: 'Org', place: 'Lyon', date: '2026-01-01', preamble_doc: 'c1/preamble/p', phase: 'setup', motion_outcome: null })
  insert('documents', { name: 'c1/preamble/p', congress_id: 'c1', kind: 'preamble', state: blob, updated_at: now })
  insert('documents', { name: 'c1/proposal/p1', congress_id: 'c1', kind: 'proposal', state: blob, updated_at: now })
  insert('documents', { name: 'c1/amendment/a1', congress_id: 'c1', kind: 'amendment', state: blob, updated_at: now })
  insert('themes', { id: 't1', congress_id: 'c1', title: 'Thème', position: 1 })
  insert('proposals', { id: 'p1', congress_id: 'c1', theme_id: 't1', number: 1, title: 'Proposition', doc_name: 'c1/proposal/p1', outcome: null })
  insert('participants', { id: 'u1', congress_id: 'c1', name: 'Ada', organisation: 'Org', email: null, role: 'delegate', access_code_hash: 'h1' })
  insert('amendments', { id: 'a1', congress_id: 'c1', proposal_id: 'p1', target_doc: 'c1/proposal/p1', number: 1, doc_name: 'c1/amendment/a1', author_id: 'u1', justification: '', status: 'draft', fork_vector: blob, created_at: now, updated_at: now })
  insert('ballots', { id: 'b1', congress_id: 'c1', subject_kind: 'amendment', subject_id: 'a1', rule: '{}', status: 'draft', created_at: now })
  insert('ballot_box', { ballot_id: 'b1', receipt: 'r1', choice: 'yes', nonce: 'n1', represented_id: null })
}

/** A count in the room (migration 0016), on a file seeded as above. */
function seedRoomCount(sqlite: SQLite.Database): void {
  sqlite.prepare('INSERT INTO room_counts (ballot_id, yes, no, abstain, recorded_at) VALUES (?, 1, 0, 0, ?)').run('b1', now)
  sqlite.prepare("INSERT INTO room_votes (ballot_id, participant_id, choice) VALUES ('b1', 'u1', 'yes')").run()
}

interface Constrained {
  readonly table: string
  readonly column: string
  /** The row's key, as a WHERE clause on its seeded row. */
  readonly where: string
  readonly known: string
}

const constrained: readonly Constrained[] = [
  { table: 'congresses', column: 'phase', where: "id = 'c1'", known: 'voting' },
  { table: 'congresses', column: 'motion_outcome', where: "id = 'c1'", known: 'adopted' },
  { table: 'proposals', column: 'outcome', where: "id = 'p1'", known: 'rejected' },
  { table: 'participants', column: 'role', where: "id = 'u1'", known: 'bureau' },
  { table: 'documents', column: 'kind', where: "name = 'c1/amendment/a1'", known: 'proposal' },
  { table: 'amendments', column: 'status', where: "id = 'a1'", known: 'submitted' },
  { table: 'ballots', column: 'status', where: "id = 'b1'", known: 'closed' },
  { table: 'ballots', column: 'subject_kind', where: "id = 'b1'", known: 'proposal' },
  { table: 'ballot_box', column: 'choice', where: "ballot_id = 'b1' AND receipt = 'r1'", known: 'no' },
  { table: 'room_votes', column: 'choice', where: "ballot_id = 'b1' AND participant_id = 'u1'", known: 'abstain' },
]

describe('the database refuses an unknown value in a status-like column', () => {
  const dir = makeTempDir('plenum-checks-')
  let handle: SqliteHandle
  beforeAll(async () => {
    handle = await openDatabase(join(dir.path, 'plenum.db'))
    seed(handle.sqlite)
    seedRoomCount(handle.sqlite)
  })
  afterAll(async () => {
    await handle.close()
    dir.remove()
  })

  const rowOf = (c: Constrained) => handle.sqlite.prepare(`SELECT * FROM ${c.table} WHERE ${c.where}`).get() as Record<string, unknown>

  for (const c of constrained) {
    test(`${c.table}.${c.column}: an unknown value is refused on update and insert, a known one is accepted`, () => {
      const before = rowOf(c)
      expect(() => handle.sqlite.prepare(`UPDATE ${c.table} SET ${c.column} = 'unheard-of' WHERE ${c.where}`).run()).toThrow(`${c.table}.${c.column}`)
      expect(rowOf(c)).toEqual(before)

      // A copy of the row under a new key: refused before any uniqueness check could be.
      const count = () => (handle.sqlite.prepare(`SELECT count(*) AS n FROM ${c.table}`).get() as { n: number }).n
      const rows = count()
      const copy = { ...before, [c.column]: 'unheard-of', ...(c.table === 'documents' ? { name: 'other' } : c.table === 'ballot_box' ? { receipt: 'other' } : c.table === 'room_votes' ? { participant_id: 'other' } : { id: 'other' }) }
      const columns = Object.keys(copy)
      expect(() => handle.sqlite.prepare(`INSERT INTO ${c.table} (${columns.join(', ')}) VALUES (${columns.map((k) => `@${k}`).join(', ')})`).run(copy)).toThrow(`${c.table}.${c.column}`)
      expect(count()).toBe(rows)

      handle.sqlite.prepare(`UPDATE ${c.table} SET ${c.column} = ? WHERE ${c.where}`).run(c.known)
      expect(rowOf(c)[c.column]).toBe(c.known)
    })
  }

  test('the rebuilt tables keep their foreign keys, enforced, and their indexes', () => {
    expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(() => handle.sqlite.prepare("UPDATE participants SET congress_id = 'nowhere' WHERE id = 'u1'").run()).toThrow(/FOREIGN KEY/)
    expect(() => handle.sqlite.prepare("INSERT INTO ballots (id, congress_id, subject_kind, rule, status, created_at) VALUES ('b2', 'c1', 'motion', '{}', 'open', 0), ('b3', 'c1', 'motion', '{}', 'open', 0)").run()).toThrow(/UNIQUE/)
    expect(handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  test('a count in the room is never negative', () => {
    expect(() => handle.sqlite.prepare("UPDATE room_counts SET no = -1 WHERE ballot_id = 'b1'").run()).toThrow('plenum: negative room_counts count')
  })

  test('the nullable outcomes take null back', () => {
    handle.sqlite.prepare("UPDATE congresses SET motion_outcome = NULL WHERE id = 'c1'").run()
    handle.sqlite.prepare("UPDATE proposals SET outcome = NULL WHERE id = 'p1'").run()
    expect(rowOf(constrained[1]!).motion_outcome).toBeNull()
    expect(rowOf(constrained[2]!).outcome).toBeNull()
  })
})

describe('migration 0009 on a file that already holds an unknown value', () => {
  const dir = makeTempDir('plenum-checks-old-')
  afterAll(() => dir.remove())

  test('fails naming the table, the column and the value, and leaves the file as it was', async () => {
    const file = join(dir.path, 'plenum.db')
    const sqlite = new SQLite(file)
    sqlite.pragma('journal_mode = WAL')
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0009'))
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()
    if (error) throw error
    seed(sqlite)
    sqlite.prepare("UPDATE ballots SET status = 'pending' WHERE id = 'b1'").run()
    await db.destroy()

    await expect(openDatabase(file)).rejects.toThrow(/ballots\.status.*'pending'/)

    const after = new SQLite(file, { readonly: true })
    try {
      const applied = after.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
      expect(applied.map((m) => m.name)).toEqual(Object.keys(before))
      expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all()).toEqual([])
      expect(after.prepare("SELECT status FROM ballots WHERE id = 'b1'").get()).toEqual({ status: 'pending' })
      // Nothing refuses a write yet: the file is exactly an 0008 file.
      expect(after.prepare("SELECT sql FROM sqlite_master WHERE name = 'ballots'").get()).toEqual({ sql: expect.not.stringContaining('CHECK') })
    } finally {
      after.close()
    }

    // Once the row is corrected, the migration goes through and every row is still there.
    const fix = new SQLite(file)
    fix.prepare("UPDATE ballots SET status = 'closed' WHERE id = 'b1'").run()
    fix.close()
    const upgraded = await openDatabase(file)
    try {
      expect(upgraded.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'ballots'").get()).toEqual({ sql: expect.stringContaining('plenum: unknown ballots.status value') })
      const counts = upgraded.sqlite.prepare('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM amendments) AS amendments, (SELECT count(*) FROM ballot_box) AS box').get()
      expect(counts).toEqual({ documents: 3, amendments: 1, box: 1 })
      expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([])
    } finally {
      await upgraded.close()
    }
  })
})

describe('migration 0013 (fallen amendments) on a file that already holds amendments', () => {
  const dir = makeTempDir('plenum-checks-0013-')
  afterAll(() => dir.remove())

  test('rebuilds the table keeping every row, its foreign keys and indexes; takes `fallen` and its reason, still refuses the unknown', async () => {
    const file = join(dir.path, 'plenum.db')
    const sqlite = new SQLite(file)
    sqlite.pragma('journal_mode = WAL')
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0013'))
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()
    if (error) throw error
    seed(sqlite)
    sqlite.prepare("INSERT INTO amendment_cosigners (amendment_id, participant_id, signed_at) VALUES ('a1', 'u1', ?)").run(now)
    const rowBefore = sqlite.prepare("SELECT * FROM amendments WHERE id = 'a1'").get() as Record<string, unknown>
    const indexes = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'amendments' ORDER BY name").all()
    await db.destroy()

    const handle = await openDatabase(file)
    try {
      const sqlite = handle.sqlite
      // Opening migrates to the latest: 0015's sub-amendment columns and index come with it.
      expect(sqlite.prepare("SELECT * FROM amendments WHERE id = 'a1'").get()).toEqual({ ...rowBefore, fallen_by: null, parent_id: null, rewording: 0, rectified_at: null, ruled_by: null, ruled_at: null })
      expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'amendments' ORDER BY name").all()).toEqual(
        [...(indexes as { name: string }[]), { name: 'amendments_parent' }].sort((a, b) => a.name.localeCompare(b.name)),
      )
      expect(sqlite.prepare("SELECT count(*) AS n FROM amendment_cosigners WHERE amendment_id = 'a1'").get()).toEqual({ n: 1 })
      expect(sqlite.pragma('foreign_key_check')).toEqual([])
      sqlite.prepare("UPDATE amendments SET status = 'fallen', fallen_by = 'a1' WHERE id = 'a1'").run()
      expect(() => sqlite.prepare("UPDATE amendments SET fallen_by = 'nobody' WHERE id = 'a1'").run()).toThrow(/FOREIGN KEY/)
      expect(() => sqlite.prepare("UPDATE amendments SET parent_id = 'nobody' WHERE id = 'a1'").run()).toThrow(/FOREIGN KEY/)
      expect(() => sqlite.prepare("UPDATE amendments SET status = 'vanished' WHERE id = 'a1'").run()).toThrow(/plenum: unknown amendments\.status value/)
    } finally {
      await handle.close()
    }
  })
})
