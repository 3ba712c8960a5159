import { execFile, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { amendmentMeasures, forkPoint } from '../../shared/amendments/fork.ts'
import { createDocState, paragraphsToContent } from '../../shared/editor/doc-state.ts'
import { docField } from '../../shared/editor/extensions.ts'
import type { DiffResponse } from '../../server/diff/diff-pool.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { waitFor } from '../helpers/wait-for.ts'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The build and the command run in a copy of the project (its sources, and a node_modules of links to
 * this one's packages), so that building and editing never touch the checkout other tests run. The
 * copy has no tsx: a command that runs there without failing did not compile its sources on load.
 */
function copyProject(dir: string): void {
  for (const entry of ['bin', 'server', 'shared', 'db', 'client', 'vite', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true })
  }
  mkdirSync(join(dir, 'node_modules'))
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== 'tsx') symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name))
  }
}

/** `plenum serve` (or `start`) of the copy on a free port of 127.0.0.1 until it prints its URL and the bureau's code. */
async function serve(dir: string, dataDir: string, command: 'serve' | 'start' = 'serve') {
  const child = spawn(process.execPath, [join(dir, 'bin', 'plenum.js'), command], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    const found = await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`plenum exited: ${output}`)
        const url = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1]
        const code = output.match(/\/join#code=([A-Z0-9-]+)/)?.[1]
        return url && code ? { url, code } : undefined
      },
      'plenum to listen',
      30_000,
    )
    return {
      ...found,
      output: () => output,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
        await exited
      },
    }
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
}

describe('the server compiled by npm run build', () => {
  const project = makeTempDir('plenum-compiled-')
  const data = makeTempDir()
  afterAll(() => {
    project.remove()
    data.remove()
  })

  beforeAll(async () => {
    copyProject(project.path)
    await run('npm', ['run', 'build'], { cwd: project.path })
  }, 120_000)

  test('is written beside the client, and the copy it runs in has no tsx to fall back on', () => {
    expect(existsSync(join(project.path, 'dist', 'client', 'index.html'))).toBe(true)
    expect(existsSync(join(project.path, 'dist', 'server', 'main.js'))).toBe(true)
    expect(existsSync(join(project.path, 'dist', 'server', 'diff-worker-boot.js'))).toBe(true)
    expect(() => createRequire(join(project.path, 'bin', 'plenum.js')).resolve('tsx/esm/api')).toThrow()
  })

  test('plenum serve runs it without tsx: health answers and the bureau signs in', async () => {
    const server = await serve(project.path, data.path)
    try {
      const health = await fetch(`${server.url}/api/health`)
      expect(health.status).toBe(200)
      const session = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: server.code }) })
      expect(session.status).toBe(200)
      expect(await session.json()).toMatchObject({ token: expect.any(String), participant: { role: 'bureau' } })
      const page = await fetch(`${server.url}/`)
      expect(await page.text()).toContain('<plenum-app')
    } finally {
      await server.stop()
    }
  })

  test('its diff worker runs compiled, and answers as the sources do', async () => {
    const base = createDocState(paragraphsToContent(['Article premier.', 'Les communes publient leurs données.', 'Article trois.']))
    const doc = new Y.Doc()
    Y.applyUpdate(doc, base)
    const paragraph = doc.getXmlFragment(docField).get(1) as Y.XmlElement
    ;(paragraph.get(0) as Y.XmlText).insert(0, 'Toutes ')
    const state = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    const forkVector = forkPoint(base)

    const worker = new Worker(join(project.path, 'dist', 'server', 'diff-worker-boot.js'))
    try {
      const answer = new Promise<DiffResponse>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
      })
      worker.postMessage({ id: 7, target: base, state, forkVector })
      const response = await answer
      const expected = amendmentMeasures(base, state, forkVector)
      expect(expected.changed.length).toBeGreaterThan(0)
      expect(response).toEqual({ id: 7, measures: expected })
    } finally {
      await worker.terminate()
    }
  })

  test('plenum start compiles the server when its build is missing, then runs it', async () => {
    rmSync(join(project.path, 'dist', 'server'), { recursive: true })
    const startData = makeTempDir()
    const server = await serve(project.path, startData.path, 'start')
    try {
      expect(server.output()).toContain('Plenum: server compiled into dist/server')
      expect(existsSync(join(project.path, 'dist', 'server', 'sources.json'))).toBe(true)
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    } finally {
      await server.stop()
      startData.remove()
    }
  })

  test('once a source changes, plenum says so on stderr and runs the sources through tsx', async () => {
    const help = await run(process.execPath, [join(project.path, 'bin', 'plenum.js'), 'help'])
    expect(help.stderr).toBe('')
    const mainSource = join(project.path, 'server', 'cli', 'main.ts')
    writeFileSync(mainSource, readFileSync(mainSource, 'utf8').replace('this text`', 'this text (from the edited sources)`'))
    symlinkSync(join(root, 'node_modules', 'tsx'), join(project.path, 'node_modules', 'tsx'))

    const edited = await run(process.execPath, [join(project.path, 'bin', 'plenum.js'), 'help'])
    expect(edited.stderr).toContain('dist/server was built from older sources; running the sources through tsx')
    expect(edited.stdout).toContain('this text (from the edited sources)')
  })
})
