import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: never import application types here. An amendment may now fall (*tomber*): an
// adopted amendment changed the same lines, so it can no longer apply and is not put to the vote.
// `fallen_by` names the adopted one. The status column's check (0009) is widened to take 'fallen'.
const before = ['draft', 'submitted', 'admissible', 'inadmissible', 'withdrawn', 'adopted', 'rejected', 'merged']
const after = [...before, 'fallen']
const constraint = 'plenum: unknown amendments.status value'
const condition = (values: readonly string[]) => `"status" IN (${values.map((v) => `'${v}'`).join(', ')})`

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.alterTable('amendments').addColumn('fallen_by', 'text', (c) => c.references('amendments.id')).execute()
    await sql.raw(`ALTER TABLE "amendments" DROP CONSTRAINT "${constraint}"`).execute(db)
    await sql.raw(`ALTER TABLE "amendments" ADD CONSTRAINT "${constraint}" CHECK (${condition(after)})`).execute(db)
    return
  }
  // SQLite cannot change a CHECK: the table is rebuilt with the wider one, as 0009 built it (the
  // procedure of sqlite.org/lang_altertable.html#otheralter), foreign keys off while it is dropped,
  // everything else in one transaction.
  await sql`PRAGMA foreign_keys = OFF`.execute(db)
  try {
    const { rows } = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)
    if (rows[0]?.foreign_keys !== 0) throw new Error('foreign keys could not be turned off to rebuild the amendments table')
    await sql`BEGIN IMMEDIATE`.execute(db)
    try {
      const { rows: schema } = await sql<{ type: string; sql: string }>`SELECT type, sql FROM sqlite_master WHERE tbl_name = 'amendments' AND sql IS NOT NULL`.execute(db)
      const create = schema.find((s) => s.type === 'table')?.sql
      if (!create?.includes(condition(before))) throw new Error(`unexpected definition of amendments: ${create}`)
      const head = /^CREATE TABLE\s+("[^"]+"|\w+)/i.exec(create)
      const end = /\)(\s*WITHOUT\s+ROWID)?\s*$/i.exec(create)
      if (!head || !end) throw new Error(`unexpected definition of amendments: ${create}`)
      // The new column goes after the last one (merged_at, 0003's), before the table's constraints.
      const lastColumn = '"merged_at" integer'
      if (!create.includes(`${lastColumn},`)) throw new Error(`unexpected definition of amendments: ${create}`)
      const body = create
        .slice(head[0].length, end.index)
        .replace(condition(before), condition(after))
        .replace(`${lastColumn},`, `${lastColumn}, "fallen_by" text references "amendments" ("id"),`)
      await sql.raw(`CREATE TABLE "amendments_widened"${body})${end[1] ?? ''}`).execute(db)
      await sql.raw(`INSERT INTO "amendments_widened" SELECT *, NULL FROM "amendments"`).execute(db)
      await sql.raw(`DROP TABLE "amendments"`).execute(db)
      await sql.raw(`ALTER TABLE "amendments_widened" RENAME TO "amendments"`).execute(db)
      for (const other of schema.filter((s) => s.type !== 'table')) await sql.raw(other.sql).execute(db)
      const { rows: broken } = await sql<{ table: string }>`PRAGMA foreign_key_check`.execute(db)
      if (broken.length > 0) throw new Error(`rebuilding amendments broke a foreign key in ${broken[0]!.table}`)
      await sql`COMMIT`.execute(db)
    } catch (error) {
      await sql`ROLLBACK`.execute(db)
      throw error
    }
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db)
  }
}

export async function down(): Promise<void> {
  // A fallen amendment stays fallen: going back keeps the column and the wider check.
}
