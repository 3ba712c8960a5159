import { createHash } from 'node:crypto'
import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: never import application types here (the hash is written out again on purpose).
const codeHash = (code: string) => createHash('sha256').update(`plenum-access-code:${code.toUpperCase().replace(/-/g, '')}`).digest('hex')

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const millis = pg ? 'bigint' : 'integer'
  // Access codes become hashes: the column keeps its UNIQUE constraint under its new name, and
  // every clear code is overwritten by its hash before the rename.
  const rows = await db.selectFrom('participants').select(['id', 'access_code']).execute()
  for (const row of rows) {
    await db.updateTable('participants').set({ access_code: codeHash(String(row.access_code)) }).where('id', '=', row.id).execute()
  }
  await sql`ALTER TABLE participants RENAME COLUMN access_code TO access_code_hash`.execute(db)

  // Every sign-in: who, when, from which kind of device, and the session it opened.
  await db.schema
    .createTable('sign_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('at', millis, (c) => c.notNull())
    .addColumn('browser', 'text', (c) => c.notNull())
    .addColumn('os', 'text', (c) => c.notNull())
    .addColumn('session_hash', 'text', (c) => c.notNull())
    .addColumn('ended_at', millis)
    .execute()
  await db.schema.createIndex('sign_ins_participant').on('sign_ins').columns(['participant_id', 'at']).execute()

  // The clear codes were in the file's pages and the write-ahead log: rewrite the file (VACUUM
  // leaves no old page or free cell) and empty the log, so no copy of the data folder has them.
  // SQLite only: VACUUM cannot run inside the one transaction PostgreSQL migrations run in, and no
  // released Plenum stored clear codes on PostgreSQL (it came after this migration).
  if (rows.length > 0 && !pg) {
    await sql`VACUUM`.execute(db)
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_ins').execute()
  // The clear codes are gone: going back leaves hashes under the old name.
  await sql`ALTER TABLE participants RENAME COLUMN access_code_hash TO access_code`.execute(db)
}
