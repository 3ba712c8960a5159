import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, startChild, type Child } from './child.ts'
import type { Protocol } from './load.ts'

export type ServerKind = 'plenum' | 'reference' | 'hocuspocus'

export interface BenchServer {
  readonly kind: ServerKind
  readonly protocol: Protocol
  /** What load clients connect to. */
  readonly wsUrl: string
  readonly child: Child
  stop(): Promise<void>
}

export interface PlenumServer extends BenchServer {
  readonly baseUrl: string
  readonly bureauCode: string
  readonly dataDir: string
}

const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))
const referenceScript = createRequire(import.meta.url).resolve('@y/websocket-server/package.json').replace(/package\.json$/, 'src/server.js')
const hocuspocusScript = fileURLToPath(new URL('./hocuspocus-server.ts', import.meta.url))

export interface PlenumOptions {
  /** DATABASE_URL and REDIS_URL, for PostgreSQL and several processes. */
  readonly env?: NodeJS.ProcessEnv
  /** A data folder shared with other processes (the seal's keys): left in place by `stop`. */
  readonly dataDir?: string
}

/**
 * Plenum as users run it: `plenum serve` on a fresh data folder (the demo congress), or on a shared
 * one with DATABASE_URL and REDIS_URL. The bureau code is printed only by the process that seeds.
 */
export async function startPlenum(options: PlenumOptions = {}): Promise<PlenumServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'plenum-bench-'))
  // The process that seeds prints the bureau's link; one on an already seeded database, a note on codes.
  const code = /\/join#code=([A-Z0-9-]+)/
  const child = await startChild(plenumBin, ['serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
    ready: new RegExp(`${code.source}|Codes d’accès`),
    timeoutMs: 120_000,
    env: options.env,
  })
  const baseUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(child.output())![1]!
  return {
    kind: 'plenum',
    protocol: 'y',
    wsUrl: `${baseUrl.replace('http', 'ws')}/sync`,
    baseUrl,
    bureauCode: code.exec(child.output())?.[1] ?? '',
    dataDir,
    child,
    async stop() {
      await child.stop()
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The reference y-websocket server, started from its own code, persistence off. */
export async function startReference(): Promise<BenchServer> {
  const port = await freePort()
  const child = await startChild(referenceScript, [], { ready: /running at/, env: { HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: undefined } })
  return { kind: 'reference', protocol: 'y', wsUrl: `ws://127.0.0.1:${port}`, child, stop: () => child.stop() }
}

/** Hocuspocus with its SQLite extension. */
export async function startHocuspocus(): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hocuspocus-bench-'))
  const child = await startChild(hocuspocusScript, [join(dir, 'hocuspocus.db')], { ready: /^READY (.*)$/ })
  return {
    kind: 'hocuspocus',
    protocol: 'hocuspocus',
    wsUrl: (child.ready as { url: string }).url,
    child,
    async stop() {
      await child.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const starters: Record<ServerKind, () => Promise<BenchServer>> = { plenum: () => startPlenum(), reference: startReference, hocuspocus: startHocuspocus }
