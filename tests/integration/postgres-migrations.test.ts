import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Kysely, Migrator, PostgresDialect } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrations } from '../../db/migrations/index.ts'
import { openPostgres } from '../../db/postgres/open.ts'
import type { Database } from '../../db/schema.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'

const run = promisify(execFile)
const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))
const server = 'postgres://postgres@127.0.0.1:5432'
const migrationNames = Object.keys(migrations)

/** `plenum migrate` as an operator runs it: its exit code and what it printed. */
async function migrate(env: Record<string, string | undefined>, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _inherited, ...rest } = process.env
  try {
    const { stdout, stderr } = await run(process.execPath, [plenumBin, 'migrate', ...args], { env: { ...rest, ...env } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string }
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr }
  }
}

/** Every table of db/schema.ts with every one of its columns. */
const expectedColumns: { readonly [T in keyof Database]: readonly (keyof Database[T] & string)[] } = {
  congresses: ['id', 'title', 'edition', 'organisation', 'place', 'date', 'preamble_doc', 'phase', 'min_cosigners', 'time_zone', 'ballot_rule', 'room_code', 'projected_ballot_id', 'motion_outcome', 'created_at'],
  themes: ['id', 'congress_id', 'title', 'position'],
  proposals: ['id', 'congress_id', 'theme_id', 'number', 'title', 'doc_name', 'outcome', 'outcome_ballot_id'],
  participants: ['id', 'congress_id', 'name', 'organisation', 'email', 'role', 'access_code_hash', 'created_at', 'revoked_at'],
  sessions: ['token_hash', 'participant_id', 'created_at', 'expires_at'],
  sign_ins: ['id', 'participant_id', 'congress_id', 'at', 'browser', 'os', 'session_hash', 'ended_at'],
  documents: ['name', 'congress_id', 'kind', 'state', 'updated_at'],
  document_updates: ['id', 'doc_name', 'data', 'created_at'],
  audit_log: ['seq', 'congress_id', 'at', 'actor_id', 'actor_name', 'action', 'payload', 'prev_hash', 'hash'],
  amendments: ['id', 'congress_id', 'proposal_id', 'target_doc', 'number', 'doc_name', 'author_id', 'justification', 'status', 'fork_vector', 'ruling_reason', 'conflicts', 'merged_onto', 'created_at', 'updated_at', 'merged_at', 'fallen_by', 'parent_id', 'rewording', 'rectified_at', 'ruled_by', 'ruled_at'],
  amendment_cosigners: ['amendment_id', 'participant_id', 'signed_at', 'accepted_at'],
  amendment_opinions: ['amendment_id', 'opinion', 'comment', 'given_by', 'given_at'],
  vote_orders: ['target_doc', 'congress_id', 'lead_ids', 'set_by', 'set_at'],
  floor_settings: ['congress_id', 'debate_doc', 'speaking_seconds', 'alternate', 'first_timers', 'debate_amendment'],
  floor_requests: ['id', 'congress_id', 'debate_doc', 'participant_id', 'stance', 'status', 'asked_at', 'started_at', 'ended_at', 'debate_amendment'],
  attendance: ['participant_id', 'congress_id', 'checked_in_at'],
  proxies: ['giver_id', 'congress_id', 'holder_id', 'created_at'],
  ballots: ['id', 'congress_id', 'subject_kind', 'subject_id', 'rule', 'status', 'created_at', 'opened_at', 'closes_at', 'closed_at', 'published_at', 'entitled_count', 'present_count', 'represented_count', 'result', 'chain_head'],
  ballot_voters: ['ballot_id', 'represented_id', 'holder_id'],
  ballot_texts: ['ballot_id', 'doc_name', 'sha256'],
  ballot_structures: ['ballot_id', 'structure', 'sha256'],
  ballot_participations: ['ballot_id', 'represented_id', 'client_vote_hash', 'receipt_box', 'cast_at'],
  ballot_box: ['ballot_id', 'receipt', 'choice', 'nonce', 'represented_id'],
  room_counts: ['ballot_id', 'yes', 'no', 'abstain', 'recorded_at'],
  room_votes: ['ballot_id', 'participant_id', 'choice'],
  ballot_block_members: ['ballot_id', 'position', 'proposal_id', 'amendment_id'],
  ballot_parts: ['ballot_id', 'blocks', 'positions', 'label'],
  text_cuts: ['ballot_id', 'doc_name', 'from_sha256', 'to_sha256', 'cut_at'],
  text_versions: ['id', 'congress_id', 'doc_name', 'seq', 'at', 'event', 'delta', 'actor_id', 'phase', 'amendment_id', 'restored_from'],
  text_version_typists: ['version_id', 'participant_id'],
  text_typing: ['doc_name', 'participant_id', 'typed_at'],
  frozen_documents: ['doc_name', 'congress_id', 'state_v2', 'sha256'],
  seals: ['congress_id', 'frozen_at', 'manifest_sha256', 'signature', 'public_key_fingerprint'],
  deliveries: ['id', 'congress_id', 'advisor_name', 'institution', 'delivered_on', 'channel', 'participant_id', 'created_at'],
  notifications: ['id', 'congress_id', 'participant_id', 'kind', 'at', 'actor_name', 'label', 'parent_label', 'amendment_id', 'ballot_id'],
  notification_reads: ['participant_id', 'read_up_to'],
  amendment_cosign_invitations: ['amendment_id', 'participant_id', 'invited_at'],
}

describe('plenum migrate on PostgreSQL', () => {
  const name = `plenum_test_${randomBytes(6).toString('hex')}`
  const url = `${server}/${name}`
  const admin = new pg.Client({ connectionString: `${server}/postgres` })
  let client: pg.Client
  /** The first `plenum migrate` on the new database: every other test reads what it made. */
  let first: Awaited<ReturnType<typeof migrate>>

  beforeAll(async () => {
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    client = new pg.Client({ connectionString: url })
    await client.connect()
    first = await migrate({ DATABASE_URL: url })
  })
  afterAll(async () => {
    await client?.end()
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.end()
  })

  test('applies every migration to DATABASE_URL and says which', async () => {
    expect(first).toMatchObject({ code: 0, stderr: '' })
    for (const migration of migrationNames) expect(first.stdout).toContain(migration)
    const { rows } = await client.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name')
    expect(rows.map((r) => r.name)).toEqual(migrationNames)
  })

  test('every table of the schema exists with its columns; times are bigint, bytes bytea', async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
      "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'kysely_migration' AND table_name <> 'kysely_migration_lock'",
    )
    const actual: Record<string, string[]> = {}
    for (const row of rows) (actual[row.table_name] ??= []).push(row.column_name)
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expectedColumns).sort())
    for (const [table, columns] of Object.entries(expectedColumns)) expect(actual[table]?.sort(), table).toEqual([...columns].sort())

    const typeOf = (table: string, column: string) => rows.find((r) => r.table_name === table && r.column_name === column)?.data_type
    // Epoch milliseconds do not fit PostgreSQL's 4-byte integer: every time column is 8 bytes.
    const timeColumns = rows.filter((r) => /(^|_)at$/.test(r.column_name))
    expect(timeColumns.length).toBeGreaterThan(20)
    for (const r of timeColumns) expect(r.data_type, `${r.table_name}.${r.column_name}`).toBe('bigint')
    for (const [table, column] of [['documents', 'state'], ['document_updates', 'data'], ['amendments', 'fork_vector'], ['amendments', 'merged_onto'], ['ballot_participations', 'receipt_box'], ['frozen_documents', 'state_v2']] as const) {
      expect(typeOf(table, column), `${table}.${column}`).toBe('bytea')
    }
  })

  test('the database refuses an unknown phase, and takes a known one', async () => {
    const insert = (id: string, phase: string) =>
      client.query("INSERT INTO congresses (id, title, edition, organisation, place, date, preamble_doc, phase) VALUES ($1, 'Congrès', 1, 'Org', 'Lyon', '2026-01-01', 'p', $2)", [id, phase])
    await expect(insert('c-bad', 'brainstorming')).rejects.toThrow('plenum: unknown congresses.phase value')
    await insert('c-good', 'voting')
    const { rows } = await client.query<{ phase: string }>("SELECT phase FROM congresses WHERE id IN ('c-bad', 'c-good')")
    expect(rows).toEqual([{ phase: 'voting' }])
  })

  test('one e-mail address per congress, any number of participants without one', async () => {
    await client.query("INSERT INTO congresses (id, title, edition, organisation, place, date, preamble_doc) VALUES ('c-mail', 'Congrès', 1, 'Org', 'Lyon', '2026-01-01', 'p')")
    const insert = (id: string, email: string | null) =>
      client.query("INSERT INTO participants (id, congress_id, name, role, access_code_hash, email) VALUES ($1, 'c-mail', 'Ada', 'delegate', $1, $2)", [id, email])
    await insert('u1', 'ada@example.org')
    await expect(insert('u2', 'ada@example.org')).rejects.toThrow('participants_congress_email')
    await insert('u3', null)
    await insert('u4', null)
    const { rows } = await client.query<{ id: string }>("SELECT id FROM participants WHERE congress_id = 'c-mail' ORDER BY id")
    expect(rows.map((r) => r.id)).toEqual(['u1', 'u3', 'u4'])
  })

  test('a millisecond time and bytes come back through Kysely as they went in', async () => {
    const handle = await openPostgres(url)
    try {
      const before = Date.now()
      await handle.db.insertInto('congresses').values({ id: 'c-time', title: 'Congrès', edition: 1, organisation: 'Org', place: 'Lyon', date: '2026-01-01', preamble_doc: 'c-time/preamble/p' }).execute()
      const after = Date.now()
      const updatedAt = Date.now()
      const state = new Uint8Array([0, 1, 2, 255])
      await handle.db.insertInto('documents').values({ name: 'c-time/preamble/p', congress_id: 'c-time', kind: 'preamble', state, updated_at: updatedAt }).execute()
      const { id } = await handle.db.insertInto('document_updates').values({ doc_name: 'c-time/preamble/p', data: state, created_at: updatedAt }).returning('id').executeTakeFirstOrThrow()
      expect(id).toEqual(expect.any(Number))

      const document = await handle.db.selectFrom('documents').select(['updated_at', 'state']).where('name', '=', 'c-time/preamble/p').executeTakeFirstOrThrow()
      expect(document.updated_at).toBe(updatedAt)
      expect([...document.state]).toEqual([...state])
      // The column's default is the time of the insert, in milliseconds, as on SQLite.
      const congress = await handle.db.selectFrom('congresses').select('created_at').where('id', '=', 'c-time').executeTakeFirstOrThrow()
      expect(congress.created_at).toEqual(expect.any(Number))
      expect(congress.created_at).toBeGreaterThanOrEqual(before - 1000)
      expect(congress.created_at).toBeLessThanOrEqual(after + 1000)
    } finally {
      await handle.close()
    }
  })

  test('a second run applies nothing', async () => {
    const second = await migrate({ DATABASE_URL: url })
    expect(second.code).toBe(0)
    for (const migration of migrationNames) expect(second.stdout).not.toContain(migration)
    expect(second.stdout).toContain('aucune migration à appliquer')
    const asJson = await migrate({ DATABASE_URL: url }, ['--json'])
    expect(JSON.parse(asJson.stdout)).toEqual({ database: url, applied: [] })
    const { rows } = await client.query<{ count: string }>('SELECT count(*) AS count FROM kysely_migration')
    expect(Number(rows[0]!.count)).toBe(migrationNames.length)
  })

  test('a bad or unreachable DATABASE_URL is a message and exit code 1, no stack trace', async () => {
    for (const [bad, says] of [
      ['not a url', 'DATABASE_URL'],
      ['mysql://root@127.0.0.1/plenum', 'postgres://'],
      ['postgres://postgres@127.0.0.1:1/plenum', '127.0.0.1:1'],
      [`${server}/${name}_absent`, `${name}_absent`],
    ] as const) {
      const failure = await migrate({ DATABASE_URL: bad })
      expect(failure.code, bad).toBe(1)
      expect(failure.stderr, bad).toContain('plenum: ')
      expect(failure.stderr, bad).toContain(says)
      expect(failure.stderr, bad).not.toMatch(/^\s+at /m)
    }
  })
})

describe('plenum migrate on a PostgreSQL database that already holds rows', () => {
  const name = `plenum_test_${randomBytes(6).toString('hex')}`
  const url = `${server}/${name}`
  const admin = new pg.Client({ connectionString: `${server}/postgres` })
  let client: pg.Client

  beforeAll(async () => {
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    // The database as a Plenum of migration 0005 left it: clear access codes, no room codes.
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }) })
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('0005-seal')
    await db.destroy()
    if (error) throw error
    client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query("INSERT INTO congresses (id, title, edition, organisation, place, date, preamble_doc, phase) VALUES ('c1', 'Congrès', 1, 'Org', 'Lyon', '2026-01-01', 'p', 'setup')")
    await client.query("INSERT INTO participants (id, congress_id, name, role, access_code) VALUES ('u1', 'c1', 'Ada', 'chair', 'ABCD-EFGH-JKLM')")
  })
  afterAll(async () => {
    await client?.end()
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.end()
  })

  test('an unknown value stops the migration, named, and leaves the database as it was; corrected, it applies', async () => {
    const refused = await migrate({ DATABASE_URL: url })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain("participants.role holds an unknown value 'chair'")
    expect(refused.stderr).not.toMatch(/^\s+at /m)
    const before = await client.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name')
    expect(before.rows.map((r) => r.name)).toEqual(migrationNames.slice(0, 5))
    const { rows: kept } = await client.query<{ access_code: string }>("SELECT access_code FROM participants WHERE id = 'u1'")
    expect(kept).toEqual([{ access_code: 'ABCD-EFGH-JKLM' }])

    await client.query("UPDATE participants SET role = 'bureau' WHERE id = 'u1'")
    const applied = await migrate({ DATABASE_URL: url }, ['--json'])
    expect(applied.code).toBe(0)
    expect(JSON.parse(applied.stdout)).toEqual({ database: url, applied: migrationNames.slice(5) })
    // 0006: the clear code is replaced by its hash; 0010: the congress gets a room code.
    const hash = createHash('sha256').update('plenum-access-code:ABCDEFGHJKLM').digest('hex')
    const { rows: participants } = await client.query<{ access_code_hash: string }>("SELECT access_code_hash FROM participants WHERE id = 'u1'")
    expect(participants).toEqual([{ access_code_hash: hash }])
    const { rows: congresses } = await client.query<{ room_code: string }>("SELECT room_code FROM congresses WHERE id = 'c1'")
    expect(congresses[0]!.room_code).toMatch(/^\d{6}$/)
  })
})

describe('plenum migrate without DATABASE_URL', () => {
  const data = makeTempDir()
  afterAll(() => data.remove())

  test('applies the migrations to the SQLite file of the data folder, then nothing', async () => {
    const first = await migrate({}, ['--data', data.path])
    expect(first.code).toBe(0)
    for (const migration of migrationNames) expect(first.stdout).toContain(migration)
    expect(existsSync(join(data.path, 'plenum.db'))).toBe(true)
    const second = await migrate({}, ['--data', data.path])
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('à jour')
  })
})
