import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, test } from 'vitest'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { loginChild, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { connectSynced, nextClose } from '../helpers/providers.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { waitFor } from '../helpers/wait-for.ts'

const run = promisify(execFile)
const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))
const plenum = (...args: string[]) => run(process.execPath, [plenumBin, ...args])
const failure = (...args: string[]) => plenum(...args).then(
  () => ({ code: 0, stderr: '' }),
  (error: { code: number; stderr: string }) => error,
)
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('backup, restore and a clean shutdown', () => {
  const work = makeTempDir('plenum-backup-')
  const original = join(work.path, 'original')
  const servers: ChildServer[] = []
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL')
    work.remove()
  })
  const serve = async (dataDir: string) => {
    const server = await startChildServer(dataDir)
    servers.push(server)
    return server
  }
  const get = async (server: ChildServer, token: string, path: string) => {
    const response = await fetch(`${server.baseUrl}/api${path}`, { headers: { authorization: `Bearer ${token}` } })
    expect(response.status, path).toBe(200)
    return new Uint8Array(await response.arrayBuffer())
  }

  test('taken while the server serves and a delegate types, restored elsewhere: the same texts, the same sealed motion byte for byte, the same key', async () => {
    const live = await serve(original)
    const { token, congress } = await loginChild(live)
    const docName = congress.proposals[2]!.docName
    const typist = await connectSynced(live.wsUrl, docName, token, 'Typist')
    typist.appendParagraph('Avant la sauvegarde.')
    const watcher = await connectSynced(live.wsUrl, docName, token, 'Watcher')
    await waitFor(() => watcher.text().includes('Avant la sauvegarde.'), 'the edit stored')

    // The typist keeps going during the backup: the copy is consistent, whatever it catches.
    let line = 0
    const typing = setInterval(() => typist.appendParagraph(`Pendant la sauvegarde ${++line}.`), 5)
    const during = join(work.path, 'during')
    const { stdout } = await plenum('backup', during, '--data', original)
    clearInterval(typing)
    expect(stdout).toContain('Sauvegarde écrite')
    expect(line).toBeGreaterThan(0)
    typist.destroy()
    watcher.destroy()

    const restoredDuring = join(work.path, 'restored-during')
    await plenum('restore', during, '--data', restoredDuring)
    const copy = await serve(restoredDuring)
    const again = await loginChild(copy)
    const reader = await connectSynced(copy.wsUrl, docName, again.token, 'Reader')
    expect(reader.text()).toContain('Avant la sauvegarde.')
    reader.destroy()

    // Frozen and sealed, then backed up while still serving; the restored one renders the same bytes.
    const frozen = await fetch(`${live.baseUrl}/api/congresses/${congress.id}/freeze`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    expect(frozen.status).toBe(200)
    const motion = await get(live, token, `/congresses/${congress.id}/bundle/motion.json`)
    const publicKey = await get(live, token, '/keys/public')
    const sealedBackup = join(work.path, 'sealed')
    await plenum('backup', sealedBackup, '--data', original)
    const keyFile = readdirSync(join(sealedBackup, 'keys')).find((f) => f.endsWith('.pem') && !f.includes('public'))
    expect(statSync(join(sealedBackup, 'keys', keyFile!)).mode & 0o777).toBe(0o600)

    const restored = join(work.path, 'restored-sealed')
    await plenum('restore', sealedBackup, '--data', restored)
    // Without the rendered files, the restored server renders the motion again from the database.
    rmSync(join(restored, 'bundles'), { recursive: true })
    const sealedCopy = await serve(restored)
    const bureau = await loginChild(sealedCopy)
    expect(bureau.congress.phase).toBe('frozen')
    expect(await get(sealedCopy, bureau.token, `/congresses/${congress.id}/bundle/motion.json`)).toEqual(motion)
    expect(await get(sealedCopy, bureau.token, '/keys/public')).toEqual(publicKey)
  }, 120_000)

  test('never over something: an existing backup folder, a data folder with a congress, a folder that is no backup', async () => {
    const taken = join(work.path, 'taken')
    mkdirSync(taken)
    writeFileSync(join(taken, 'notes.txt'), 'à garder')
    const overBackup = await failure('backup', taken, '--data', original)
    expect(overBackup.code).toBe(1)
    expect(overBackup.stderr).toContain('not empty')
    expect(readdirSync(taken)).toEqual(['notes.txt'])

    const database = join(original, 'plenum.db')
    const before = sha256(database)
    const overCongress = await failure('restore', join(work.path, 'sealed'), '--data', original)
    expect(overCongress.code).toBe(1)
    expect(overCongress.stderr).toContain('never over a congress')
    expect(sha256(database)).toBe(before)

    const notBackup = await failure('restore', taken, '--data', join(work.path, 'fresh'))
    expect(notBackup.code).toBe(1)
    expect(notBackup.stderr).toContain('not a Plenum backup')
    expect(existsSync(join(work.path, 'fresh'))).toBe(false)

    const noData = await failure('backup', join(work.path, 'nowhere'), '--data', join(work.path, 'empty'))
    expect(noData.code).toBe(1)
    expect(noData.stderr).toContain('no Plenum database')
    expect(readdirSync(work.path).filter((f) => f.includes('partial'))).toEqual([])
  }, 60_000)

  test('SIGTERM closes every socket with 1001 after storing, and the process exits 0', async () => {
    const dataDir = join(work.path, 'shutdown')
    const server = await serve(dataDir)
    const { token, congress } = await loginChild(server)
    const docName = congress.proposals[4]!.docName
    const writer = await connectSynced(server.wsUrl, docName, token, 'Writer')
    const closed = nextClose(writer.provider)
    writer.appendParagraph('Juste avant l’arrêt.')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)))
    server.process.kill('SIGTERM')
    expect(await closed).toBe(CloseCode.GoingAway)
    expect(await exited).toBe(0)
    writer.destroy()

    const restarted = await serve(dataDir)
    const again = await loginChild(restarted)
    const reader = await connectSynced(restarted.wsUrl, docName, again.token, 'Reader')
    expect(reader.text()).toContain('Juste avant l’arrêt.')
    reader.destroy()
  }, 60_000)
})
