import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { expect, test } from 'vitest'
import { migrations } from '../../db/migrations/index.ts'

const now = 1_780_000_000_000
const blob = Buffer.from([0])

/** Migration 0022: amendments ruled before it take who ruled them, and when, from their last ruling in the log. */
test('who ruled and when are read back from the decision log, the last ruling winning; an unruled amendment keeps none', async () => {
  const sqlite = new SQLite(':memory:')
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0022'))
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()
    if (error) throw error
    const insert = (table: string, row: Record<string, unknown>) => {
      const columns = Object.keys(row)
      sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row)
    }
    insert('congresses', { id: 'c1', title: 'Congrès', edition: 1, organisation: 'Org', place: 'Lyon', date: '2026-01-01', preamble_doc: 'c1/preamble/p', phase: 'amendments', motion_outcome: null })
    insert('documents', { name: 'c1/preamble/p', congress_id: 'c1', kind: 'preamble', state: blob, updated_at: now })
    insert('themes', { id: 't1', congress_id: 'c1', title: 'Thème', position: 1 })
    for (const p of ['u1', 'u2']) insert('participants', { id: p, congress_id: 'c1', name: p, organisation: 'Org', email: null, role: 'bureau', access_code_hash: `h-${p}` })
    for (const a of ['a1', 'a2']) {
      insert('documents', { name: `c1/amendment/${a}`, congress_id: 'c1', kind: 'amendment', state: blob, updated_at: now })
      insert('amendments', { id: a, congress_id: 'c1', proposal_id: null, target_doc: 'c1/preamble/p', number: a === 'a1' ? 1 : 2, doc_name: `c1/amendment/${a}`, author_id: 'u1', justification: '', status: 'submitted', fork_vector: blob, created_at: now, updated_at: now })
    }
    const log = (seq: number, actor: string | null, action: string, payload: string) =>
      insert('audit_log', { seq, congress_id: 'c1', at: now + seq, actor_id: actor, actor_name: actor ?? 'ligne de commande', action, payload, prev_hash: '0'.repeat(64), hash: String(seq).padStart(64, '0') })
    log(1, 'u1', 'amendment.ruled', JSON.stringify({ amendmentId: 'a1', admissible: true }))
    log(2, 'u2', 'amendment.opinion', JSON.stringify({ amendmentId: 'a2' }))
    log(3, 'u2', 'amendment.ruled', JSON.stringify({ amendmentId: 'a1', admissible: false, reason: 'Hors sujet.' }))
    log(4, null, 'amendment.ruled', 'not json')

    const { error: after } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest()
    if (after) throw after
    const rows = sqlite.prepare('SELECT id, ruled_by, ruled_at FROM amendments ORDER BY id').all()
    expect(rows).toEqual([
      { id: 'a1', ruled_by: 'u2', ruled_at: now + 3 },
      { id: 'a2', ruled_by: null, ruled_at: null },
    ])
  } finally {
    await db.destroy()
  }
})
