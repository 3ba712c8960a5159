import { spawn, execFile } from 'node:child_process'
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, test } from 'vitest'
import { bearer } from '../helpers/participants.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { waitFor } from '../helpers/wait-for.ts'

const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))
const run = promisify(execFile)

/** `plenum ARGS` under a permissive umask (022), as a default shell gives: what the data folder then looks like. */
function underUmask022(args: string[]) {
  const command = `umask 022 && exec "${process.execPath}" "${plenumBin}" ${args.map((a) => `'${a}'`).join(' ')}`
  return spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } })
}

/** Every path under `dir` (the folder itself included) whose permissions are not its owner's only. */
function loose(dir: string, prefix = '.'): string[] {
  const found: string[] = []
  const mode = statSync(dir).mode & 0o777
  if (mode !== 0o700) found.push(`${prefix} ${mode.toString(8)}`)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...loose(path, `${prefix}/${entry.name}`))
    else if ((statSync(path).mode & 0o777) !== 0o600) found.push(`${prefix}/${entry.name} ${(statSync(path).mode & 0o777).toString(8)}`)
  }
  return found
}

/** Every file under `dir`, relative. */
function files(dir: string, prefix = '.'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? [`${prefix}/${entry.name}`, ...files(join(dir, entry.name), `${prefix}/${entry.name}`)] : [`${prefix}/${entry.name}`]))
}

describe('the data folder is its owner’s only', () => {
  const work = makeTempDir('plenum-modes-')
  const children: ReturnType<typeof spawn>[] = []
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
    work.remove()
  })

  async function serve(dataDir: string) {
    const child = underUmask022(['serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir])
    children.push(child)
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const baseUrl = await waitFor(() => {
      if (child.exitCode !== null) throw new Error(`plenum exited: ${output}`)
      return /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] && /Lien d’accès|Codes d’accès/.test(output) ? /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1] : undefined
    }, 'plenum to listen', 30_000)
    const stop = async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    return { baseUrl: baseUrl!, output: () => output, stop }
  }

  test('after plenum serve, a seal and a backup, under umask 022: folders 0700, files 0600; the bureau link carries its code in the fragment, once', async () => {
    const dataDir = join(work.path, 'data')
    // A folder made before, readable by all, with a file in it: tightened at start.
    mkdirSync(dataDir, { mode: 0o755 })
    chmodSync(dataDir, 0o755)
    writeFileSync(join(dataDir, 'notes.txt'), 'avant', { mode: 0o644 })
    const server = await serve(dataDir)
    const code = /\/join(?:#code=|\/)([0-9A-Z-]{14})/.exec(server.output())?.[1]
    expect(code, server.output()).toBeDefined()

    const session = await fetch(`${server.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
    const { token, participant } = (await session.json()) as { token: string; participant: { congressId: string } }
    const frozen = await fetch(`${server.baseUrl}/api/congresses/${participant.congressId}/freeze`, { method: 'POST', headers: bearer(token) })
    expect(frozen.status).toBe(200)

    const served = files(dataDir)
    expect(served).toEqual(expect.arrayContaining(['./plenum.db', './plenum.db-wal', './plenum.db-shm', './keys', './notes.txt']))
    expect(served.some((path) => path.startsWith('./bundles/'))).toBe(true)
    expect(loose(dataDir)).toEqual([])

    const backup = join(work.path, 'backup')
    const taken = underUmask022(['backup', backup, '--data', dataDir])
    await new Promise((resolve) => taken.once('exit', resolve))
    expect(taken.exitCode).toBe(0)
    expect(files(backup)).toEqual(expect.arrayContaining(['./plenum.db', './keys']))
    expect(loose(backup)).toEqual([])
    await server.stop()
    // The code is in the link's fragment, which no browser sends to a server (nor to its logs).
    expect(server.output()).toContain(`/join#code=${code}`)
    expect(server.output()).not.toMatch(/\/join\/[0-9A-Z]/)

    // Started again, Plenum cannot print the bureau's code (it keeps a hash) and says how to get a new one.
    const again = await serve(dataDir)
    expect(again.output()).toContain('Codes d’accès : affichés une seule fois')
    expect(again.output()).not.toContain(code!)
    await again.stop()

    // The CLI prints a new code when it makes one, and the list never shows one.
    const { stdout: listed } = await run(process.execPath, [plenumBin, 'participants', 'list', '--congress', participant.congressId, '--data', dataDir, '--json'])
    const bureau = (JSON.parse(listed) as { participants: { id: string; role: string; code?: string }[] }).participants.find((p) => p.role === 'bureau')!
    expect(bureau.code).toBeUndefined()
    const { stdout: reissued } = await run(process.execPath, [plenumBin, 'participants', 'reissue', bureau.id, '--congress', participant.congressId, '--data', dataDir, '--json'])
    const fresh = (JSON.parse(reissued) as { code: string }).code
    expect(fresh).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(fresh).not.toBe(code)
  }, 120_000)
})
