import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: never import application types here. The lists below are the values each column
// may hold as of this migration; a new value needs a new migration that widens its constraint.
const known: readonly { readonly table: string; readonly column: string; readonly values: readonly string[]; readonly nullable: boolean }[] = [
  { table: 'congresses', column: 'phase', values: ['setup', 'drafting', 'amendments', 'voting', 'frozen', 'delivered'], nullable: false },
  { table: 'congresses', column: 'motion_outcome', values: ['adopted', 'rejected'], nullable: true },
  { table: 'proposals', column: 'outcome', values: ['adopted', 'rejected'], nullable: true },
  { table: 'participants', column: 'role', values: ['attendee', 'delegate', 'bureau', 'advisor'], nullable: false },
  { table: 'documents', column: 'kind', values: ['preamble', 'proposal', 'amendment'], nullable: false },
  { table: 'amendments', column: 'status', values: ['draft', 'submitted', 'admissible', 'inadmissible', 'withdrawn', 'adopted', 'rejected', 'merged'], nullable: false },
  { table: 'ballots', column: 'status', values: ['draft', 'open', 'closed', 'published'], nullable: false },
  { table: 'ballots', column: 'subject_kind', values: ['amendment', 'proposal', 'motion'], nullable: false },
  { table: 'ballot_box', column: 'choice', values: ['yes', 'no', 'abstain'], nullable: false },
]

/** The constraint's name is what SQLite's "CHECK constraint failed: …" shows: it names the column. */
const constraintName = (table: string, column: string) => `plenum: unknown ${table}.${column} value`
const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`
// NULL IN (…) is NULL, which a CHECK lets through: a nullable column needs nothing more, and a
// NOT NULL one is already refused null by its own constraint.
const condition = (column: string, values: readonly string[]) => `"${column}" IN (${values.map(quoted).join(', ')})`

export async function up(db: Kysely<any>): Promise<void> {
  await refuseUnknownRows(db)
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const k of known) {
      await sql.raw(`ALTER TABLE "${k.table}" ADD CONSTRAINT "${constraintName(k.table, k.column)}" CHECK (${condition(k.column, k.values)})`).execute(db)
    }
    return
  }
  await rebuildSqliteTablesWithChecks(db)
}

/** Before writing anything: a row that already holds an unknown value stops the migration, named. */
async function refuseUnknownRows(db: Kysely<any>): Promise<void> {
  for (const k of known) {
    const { rows } = await sql.raw<{ value: unknown }>(`SELECT "${k.column}" AS value FROM "${k.table}" WHERE ${k.nullable ? `"${k.column}" IS NOT NULL AND ` : ''}NOT (${condition(k.column, k.values)}) LIMIT 1`).execute(db)
    if (rows[0]) {
      throw new Error(`${k.table}.${k.column} holds an unknown value ${quoted(String(rows[0].value))} (known: ${k.values.join(', ')}); correct the row, then start again`)
    }
  }
}

/**
 * SQLite cannot add a CHECK to an existing table, so each table is rebuilt with its checks (the
 * procedure of sqlite.org/lang_altertable.html#otheralter): its own CREATE TABLE text with the
 * constraints added, the rows copied, the old table dropped, the new one renamed, its indexes and
 * triggers created again. Foreign keys must be off while tables are dropped (the pragma cannot
 * change inside a transaction, and Kysely's migrator runs SQLite migrations outside one, on one
 * connection); everything else runs in one transaction, so a failure leaves the file as it was.
 */
async function rebuildSqliteTablesWithChecks(db: Kysely<any>): Promise<void> {
  const tables = [...new Set(known.map((k) => k.table))]
  await sql`PRAGMA foreign_keys = OFF`.execute(db)
  try {
    // Inside a transaction the pragma does nothing, and dropping a table would then delete, by
    // cascade, every row that refers to it: stop rather than rebuild with foreign keys on.
    const { rows } = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)
    if (rows[0]?.foreign_keys !== 0) throw new Error('foreign keys could not be turned off to rebuild the tables')
    await sql`BEGIN IMMEDIATE`.execute(db)
    try {
      for (const table of tables) await rebuild(db, table)
      const { rows: broken } = await sql<{ table: string }>`PRAGMA foreign_key_check`.execute(db)
      if (broken.length > 0) throw new Error(`rebuilding the tables broke a foreign key in ${broken[0]!.table}`)
      await sql`COMMIT`.execute(db)
    } catch (error) {
      await sql`ROLLBACK`.execute(db)
      throw error
    }
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db)
  }
}

async function rebuild(db: Kysely<any>, table: string): Promise<void> {
  const { rows: schema } = await sql<{ type: string; sql: string }>`SELECT type, sql FROM sqlite_master WHERE tbl_name = ${table} AND sql IS NOT NULL`.execute(db)
  const create = schema.find((s) => s.type === 'table')?.sql
  if (!create) throw new Error(`no table ${table}`)
  const checks = known.filter((k) => k.table === table).map((k) => `CONSTRAINT "${constraintName(k.table, k.column)}" CHECK (${condition(k.column, k.values)})`)
  // The table's body ends at its last parenthesis; WITHOUT ROWID may follow it.
  const end = /\)(\s*WITHOUT\s+ROWID)?\s*$/i.exec(create)
  const head = /^CREATE TABLE\s+("[^"]+"|\w+)/i.exec(create)
  if (!end || !head) throw new Error(`unexpected definition of ${table}: ${create}`)
  const rebuilt = `CREATE TABLE "${table}_checked"${create.slice(head[0].length, end.index)}, ${checks.join(', ')})${end[1] ?? ''}`
  await sql.raw(rebuilt).execute(db)
  await sql.raw(`INSERT INTO "${table}_checked" SELECT * FROM "${table}"`).execute(db)
  await sql.raw(`DROP TABLE "${table}"`).execute(db)
  await sql.raw(`ALTER TABLE "${table}_checked" RENAME TO "${table}"`).execute(db)
  for (const other of schema.filter((s) => s.type !== 'table')) await sql.raw(other.sql).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  // The checks refuse only values no version of the app writes: going back keeps them.
  void db
}
