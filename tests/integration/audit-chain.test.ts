import { execFile, execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeTempDir } from '../helpers/temp-dir.ts'

const run = promisify(execFile)
const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))
const plenum = (...args: string[]) => run(process.execPath, [plenumBin, ...args])

describe('audit log chain and the command line', () => {
  const data = makeTempDir()
  let congressId: string

  beforeAll(async () => {
    congressId = (JSON.parse((await plenum('seed-demo', '--data', data.path, '--json')).stdout) as { congressId: string }).congressId
  })
  afterAll(() => data.remove())

  test('participants import from the command line: JSON answer, all or nothing', async () => {
    const good = join(data.path, 'good.csv')
    writeFileSync(good, 'name;organisation;email;role\nInès Côté;Ville de Nîmes;ines@example.fr;delegate\nZoé;Ville;;advisor\n')
    const { stdout } = await plenum('participants', 'import', good, '--congress', congressId, '--data', data.path, '--json')
    const { participants } = JSON.parse(stdout) as { participants: { id: string; name: string; role: string; code: string }[] }
    expect(participants.map((p) => [p.name, p.role])).toEqual([
      ['Inès Côté', 'delegate'],
      ['Zoé', 'advisor'],
    ])
    for (const p of participants) expect(p.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)

    const bad = join(data.path, 'bad.csv')
    writeFileSync(bad, 'name;organisation;email;role\nOK;Ville;ok@example.fr;delegate\nKO;Ville;ko@;delegate\n')
    const failure = await plenum('participants', 'import', bad, '--congress', congressId, '--data', data.path).catch((e: { code: number; stderr: string }) => e)
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('bad.csv:3: email') })
  })

  test('verify passes on an untouched chain', async () => {
    const { stdout } = await plenum('audit', 'verify', '--data', data.path)
    expect(stdout).toMatch(/audit chain holds: 2 entries/)
  })

  test('editing one stored entry with sqlite3 makes verify fail and name it', async () => {
    const db = join(data.path, 'plenum.db')
    execFileSync('sqlite3', [db, `UPDATE audit_log SET payload = replace(payload, '"count":2', '"count":3') WHERE seq = 2`])
    const failure = await plenum('audit', 'verify', '--data', data.path).catch((e: { code: number; stderr: string }) => e)
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('broken at entry 2') })
  })
})
