// How fast a bare server starts and how much memory it holds once idle: Plenum from its sources
// (tsx compiling on load), Plenum compiled by npm run build, and the reference y-websocket server.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, rssBytes, startChild, type Child } from './child.ts'
import { median } from './stats.ts'

export interface StartupMemory {
  readonly name: 'plenum (sources, tsx)' | 'plenum (compiled)' | 'reference y-websocket'
  /** Resident memory once idle, in MB (median of the runs). */
  readonly rssMb: number
  /** From spawning the process to its "listening" line, in ms (median of the runs). */
  readonly startMs: number
}

const root = fileURLToPath(new URL('../../', import.meta.url))
const plenumBin = join(root, 'bin', 'plenum.js')
const plenumMain = join(root, 'server', 'cli', 'main.ts')
const referenceScript = createRequire(import.meta.url).resolve('@y/websocket-server/package.json').replace(/package\.json$/, 'src/server.js')
const listening = /listening on http/
/** Long enough for the start's garbage to be collected and the demo seed's work to be over. */
const settleMs = 2000

async function measureOnce(start: () => Promise<{ child: Child; cleanup?: () => void }>): Promise<{ rssMb: number; startMs: number }> {
  const began = performance.now()
  const { child, cleanup } = await start()
  const startMs = performance.now() - began
  try {
    await new Promise((resolve) => setTimeout(resolve, settleMs))
    return { rssMb: rssBytes(child.pid) / 2 ** 20, startMs }
  } finally {
    await child.stop()
    cleanup?.()
  }
}

/** `plenum serve` on a fresh data folder (the demo congress), from `script`. */
async function plenum(script: string): Promise<{ child: Child; cleanup: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-startup-'))
  const child = await startChild(script, ['serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], { ready: listening, timeoutMs: 120_000 })
  if (/built from older sources/.test(child.output())) {
    await child.stop()
    throw new Error('a source changed during the measure: the compiled server was not the one measured')
  }
  return { child, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) }
}

/**
 * Each server started `runs` times, one after the other. Builds the server first (npm run build's
 * server half, into dist/server), and the client if needed (plenum serve builds it when stale).
 */
export async function measureStartupMemory(runs = 3): Promise<StartupMemory[]> {
  execFileSync(process.execPath, [join(root, 'bin', 'build-server.js')], { stdio: 'ignore' })
  const kinds: { name: StartupMemory['name']; start: () => Promise<{ child: Child; cleanup?: () => void }> }[] = [
    // main.ts through `node --import tsx`, as the bench starts its TypeScript children. bin/plenum.js
    // without a fresh build (tsx's register(), ESM only) holds as much, and listens sooner (1.1 s, not 2).
    { name: 'plenum (sources, tsx)', start: () => plenum(plenumMain) },
    { name: 'plenum (compiled)', start: () => plenum(plenumBin) },
    {
      name: 'reference y-websocket',
      start: async () => {
        const port = await freePort()
        return { child: await startChild(referenceScript, [], { ready: /running at/, env: { HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: undefined } }) }
      },
    },
  ]
  // One warm-up start, not counted: the first start after a build reads every file from disk.
  await measureOnce(kinds[1]!.start)
  const samples = new Map(kinds.map((kind) => [kind.name, [] as { rssMb: number; startMs: number }[]]))
  for (let i = 0; i < runs; i++) for (const kind of kinds) samples.get(kind.name)!.push(await measureOnce(kind.start))
  return kinds.map(({ name }) => {
    const runsOf = samples.get(name)!
    return { name, rssMb: Math.round(median(runsOf.map((r) => r.rssMb))), startMs: Math.round(median(runsOf.map((r) => r.startMs))) }
  })
}
