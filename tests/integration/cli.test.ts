import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, test } from 'vitest'
import { openDatabase } from '../../db/sqlite/open.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'

const run = promisify(execFile)
const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))

describe('plenum command', () => {
  const data = makeTempDir()
  afterAll(() => data.remove())

  test('seed-demo --json creates the demo congress and prints one JSON object', async () => {
    const { stdout } = await run(process.execPath, [plenumBin, 'seed-demo', '--data', data.path, '--json'])
    const seed = JSON.parse(stdout) as { congressId: string; bureauCode: string; proposals: { id: string; number: number; docName: string }[] }
    expect(seed.congressId).toEqual(expect.any(String))
    expect(seed.bureauCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(seed.proposals.map((p) => p.number)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1))
    for (const p of seed.proposals) expect(p.docName).toBe(`${seed.congressId}/proposal/${p.id}`)

    const database = await openDatabase(join(data.path, 'plenum.db'))
    const congress = await database.db.selectFrom('congresses').selectAll().where('id', '=', seed.congressId).executeTakeFirstOrThrow()
    expect(congress.title).toBe('4e Congrès national des élus au numérique')
    expect(congress.organisation).toBe('Villes Internet')
    const themes = await database.db.selectFrom('themes').select('id').where('congress_id', '=', seed.congressId).execute()
    expect(themes).toHaveLength(4)
    const documents = await database.db.selectFrom('documents').select('kind').where('congress_id', '=', seed.congressId).execute()
    expect(documents.filter((d) => d.kind === 'preamble')).toHaveLength(1)
    expect(documents.filter((d) => d.kind === 'proposal')).toHaveLength(29)
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    await database.close()
  })

  test('a mistake on the command line is a message and exit code 2', async () => {
    const failure = await run(process.execPath, [plenumBin, 'frobnicate']).catch((error: { code: number; stderr: string }) => error)
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command: frobnicate') })
    const badPort = await run(process.execPath, [plenumBin, 'serve', '--port', 'abc']).catch((error: { code: number; stderr: string }) => error)
    expect(badPort).toMatchObject({ code: 2, stderr: expect.stringContaining('invalid port') })
  })
})
