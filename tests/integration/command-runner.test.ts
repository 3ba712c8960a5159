import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createSqliteCongressStore } from '../../db/sqlite/congress-store.ts'
import { openDatabase, type SqliteHandle } from '../../db/sqlite/open.ts'
import { command, operatorOf, type CommandDeps } from '../../server/commands/command.ts'
import { CongressHub } from '../../server/congress-hub.ts'
import { fail } from '../../server/domain-error.ts'
import { seedDemo } from '../../server/services/seed-demo.ts'

/** The one shape of a decision (server/commands/command.ts), on a real SQLite file. */
describe('the command runner', () => {
  let dir: string
  let database: SqliteHandle
  let deps: CommandDeps
  let congressId: string
  const title = async () => (await database.db.selectFrom('congresses').select('title').where('id', '=', congressId).executeTakeFirstOrThrow()).title
  const auditCount = async () => Number((await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plenum-runner-'))
    database = await openDatabase(join(dir, 'plenum.db'))
    congressId = (await seedDemo(database.db, Date.now())).congressId
    deps = { db: database.db, hub: new CongressHub(createSqliteCongressStore(database.sqlite)), clock: Date.now }
  })
  afterEach(() => {
    database.sqlite.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Renames the congress in a transaction with its log entry; `middle` runs between the two. */
  function rename(to: string, middle: () => Promise<void>, effects: string[]) {
    return command(deps, operatorOf(congressId), async (steps) => {
      await steps.authorize(congressId, 'structure.edit')
      return steps.transaction(async (tx) => {
        await tx.trx.updateTable('congresses').set({ title: to }).where('id', '=', congressId).execute()
        tx.afterCommit(() => effects.push(`after commit, the title is read back: ${to}`))
        tx.onRollback(() => effects.push('rolled back'))
        await middle()
        await tx.audit(congressId, 'congress.renamed', { to })
        return to
      })
    })
  }

  test('a decision commits with its log entry, then its effects run', async () => {
    const before = await auditCount()
    const effects: string[] = []
    const result = await rename('Congrès renommé', async () => undefined, effects)
    expect(result).toEqual({ ok: true, value: 'Congrès renommé' })
    expect(await title()).toBe('Congrès renommé')
    expect(await auditCount()).toBe(before + 1)
    expect(effects).toEqual(['after commit, the title is read back: Congrès renommé'])
  })

  test('a domain error becomes the result and takes back the whole transaction; no effect runs but the undo', async () => {
    const was = await title()
    const before = await auditCount()
    const effects: string[] = []
    const result = await rename('Jamais', async () => {
      throw fail('congress_not_found', { congressId }, 'pour le test')
    }, effects)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.info).toEqual({ code: 'congress_not_found', congressId })
    expect(await title()).toBe(was)
    expect(await auditCount()).toBe(before)
    expect(effects).toEqual(['rolled back'])
  })

  test('a refusal of the policy comes before any write', async () => {
    const result = await command(deps, { participantId: 'p', congressId: 'another', role: 'bureau', name: 'X' }, async (steps) => {
      await steps.authorize(congressId, 'structure.edit')
      return steps.transaction(async (tx) => tx.trx.updateTable('congresses').set({ title: 'volé' }).where('id', '=', congressId).execute())
    })
    expect(!result.ok && result.error.info).toEqual({ code: 'forbidden', reason: 'congress' })
    expect(await title()).not.toBe('volé')
  })

  test('a transaction that waits for a timer is refused and rolled back: another write could have joined it', async () => {
    const was = await title()
    const before = await auditCount()
    const effects: string[] = []
    await expect(rename('Trop lent', () => new Promise((resolve) => setTimeout(resolve, 5)), effects)).rejects.toThrow(/waited for I\/O or a timer/)
    expect(await title()).toBe(was)
    expect(await auditCount()).toBe(before)
    expect(effects).toEqual(['rolled back'])
  })
})
