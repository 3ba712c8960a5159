import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import SQLite from 'better-sqlite3'
import { openDatabase } from '../../db/sqlite/open.ts'
import { createSqliteCongressStore } from '../../db/sqlite/congress-store.ts'
import { createSqliteVoteStore } from '../../db/sqlite/vote-store.ts'
import { databaseFileName } from '../../server/cli/data-dir.ts'
import { CongressHub } from '../../server/congress-hub.ts'
import { castVote } from '../../server/commands/ballots/cast-vote.ts'
import { defaultBallotRule } from '../../shared/ballots/ballot-rule.ts'
import { cpuSeconds, rssBytes } from './child.ts'
import { startLoads, stopLoads, type Load } from './load-pool.ts'
import type { LoadConfig } from './load.ts'
import { plenumApi, plenumCongress, plenumPeople, plenumPhase, type PlenumCongress } from './plenum-setup.ts'
import type { BenchServer, PlenumServer } from './servers.ts'
import { now, spread, type Spread } from './stats.ts'

/** Where a scenario's clients go: documents, and for Plenum the session tokens that may use them. */
export interface Target {
  readonly docs: readonly string[]
  readonly writerToken?: string
  readonly readerToken?: string
}

const config = (server: BenchServer, docs: readonly string[], clients: number, token?: string): LoadConfig => ({ protocol: server.protocol, url: server.wsUrl, token, docs, clients })
const split = (total: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function connectAll(loads: readonly Load[], server: BenchServer, docs: readonly string[], total: number, token?: string): Promise<void> {
  const shares = split(total, loads.length)
  const answers = await Promise.all(loads.map((l, i) => l.ask<{ type: 'connected'; synced: number }>({ type: 'connect', config: config(server, docs, shares[i]!, token) }, 'connected')))
  const synced = answers.reduce((n, a) => n + a.synced, 0)
  if (synced !== total) throw new Error(`${server.kind}: ${synced} of ${total} clients synced`)
}

export interface FanoutResult extends Spread {
  readonly missing: number
  /** CPU over the edits' wall time, in cores: the server processes, and the load processes (writer and readers). */
  readonly serverCores: number
  readonly clientCores: number
  /** Socket messages each reader received, from its connection on (sync, awareness, updates). */
  readonly messagesPerReader: number
  /** p50 of each reader load process's readers, in order (with several servers, load i reads from server i). */
  readonly p50ByLoad: readonly number[]
}

/**
 * One writer, many readers on one document, edits at a steady pace: writer-to-reader latency. The
 * writer is on `server`; reader load process i on `readerServers[i % n]` (several processes of one
 * database and Redis: latency across processes).
 */
export async function fanout(
  server: BenchServer,
  target: Target,
  size: { readers: number; edits: number; intervalMs: number; loadProcesses: number },
  readerServers: readonly BenchServer[] = [server],
): Promise<FanoutResult> {
  const [writer, ...readers] = await startLoads(1 + size.loadProcesses)
  try {
    const doc = [target.docs[0]!]
    await connectAll([writer!], server, doc, 1, target.writerToken)
    const shares = split(size.readers, readers.length)
    await Promise.all(readers.map((r, i) => connectAll([r], readerServers[i % readerServers.length]!, doc, shares[i]!, target.readerToken)))
    const serverPids = [...new Set([server, ...readerServers].map((s) => s.child.pid))]
    const loadPids = [writer!, ...readers].map((l) => l.child.pid)
    const cpuOf = (pids: readonly number[]) => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0)
    const [serverCpu, loadCpu, started] = [cpuOf(serverPids), cpuOf(loadPids), now()]
    await writer!.ask({ type: 'write-steady', edits: size.edits, intervalMs: size.intervalMs }, 'done', 600_000)
    const seconds = (now() - started) / 1000
    const serverCores = (cpuOf(serverPids) - serverCpu) / seconds
    const clientCores = (cpuOf(loadPids) - loadCpu) / seconds
    const expected = size.readers * size.edits
    let latencies: number[] = []
    let received = 0
    let byLoad: number[][] = []
    for (let wait = 0; wait < 100; wait++) {
      const reports = await Promise.all(readers.map((r) => r.ask<{ type: 'report'; latencies: number[]; received: number }>({ type: 'report' }, 'report')))
      byLoad = reports.map((r) => r.latencies)
      latencies = reports.flatMap((r) => r.latencies)
      received = reports.reduce((sum, r) => sum + r.received, 0)
      if (latencies.length >= expected) break
      await sleep(100)
    }
    // Every reader books every edit: the p99 is over readers × edits, the slowest reader included.
    return { ...spread(latencies), missing: Math.max(0, expected - latencies.length), serverCores, clientCores, messagesPerReader: received / size.readers, p50ByLoad: byLoad.map((l) => spread(l).p50) }
  } finally {
    await stopLoads([writer!, ...readers])
  }
}

export interface ConvergenceResult {
  readonly seconds: number
  readonly serverCpuSeconds: number
  /** CPU the clients spent on the burst, all load processes together. */
  readonly clientCpuSeconds: number
  /** Socket messages all clients received during the burst. */
  readonly messagesReceived: number
  readonly converged: boolean
}

/** Many writers editing one document as fast as they go: time until every client holds everything. */
export async function convergence(server: BenchServer, target: Target, size: { writers: number; edits: number; loadProcesses: number }): Promise<ConvergenceResult> {
  const loads = await startLoads(size.loadProcesses)
  try {
    const doc = [target.docs[1] ?? target.docs[0]!]
    await connectAll(loads, server, doc, size.writers, target.writerToken)
    const cpu = cpuSeconds(server.child.pid)
    const started = now()
    const answers = await Promise.all(
      loads.map((l) => l.ask<{ type: 'done'; convergedAt: number; converged: boolean; cpuSeconds: number; received: number }>({ type: 'write-fast', edits: size.edits, expectedTotal: size.writers * size.edits }, 'done', 600_000)),
    )
    return {
      seconds: (Math.max(...answers.map((a) => a.convergedAt)) - started) / 1000,
      serverCpuSeconds: cpuSeconds(server.child.pid) - cpu,
      clientCpuSeconds: answers.reduce((sum, a) => sum + a.cpuSeconds, 0),
      messagesReceived: answers.reduce((sum, a) => sum + a.received, 0),
      converged: answers.every((a) => a.converged),
    }
  } finally {
    await stopLoads(loads)
  }
}

/** Many clients connected and idle, spread over documents: the server's resident memory. */
export async function idleMemory(server: BenchServer, target: Target, size: { clients: number; docs: number; loadProcesses: number }): Promise<{ rssMb: number; baselineMb: number }> {
  const baselineMb = rssBytes(server.child.pid) / 2 ** 20
  const loads = await startLoads(size.loadProcesses)
  try {
    await connectAll(loads, server, target.docs.slice(0, size.docs), size.clients, target.readerToken)
    await sleep(2000)
    return { rssMb: rssBytes(server.child.pid) / 2 ** 20, baselineMb }
  } finally {
    await stopLoads(loads)
  }
}

/**
 * Plenum without HTTP: the server stopped, its database reopened, a new ballot for the same voters,
 * and castVote called for each (checks, receipt, sealed receipt, the transaction): what the design
 * costs over raw SQLite, apart from the network.
 */
export async function inProcessVoteRate(server: PlenumServer, congressId: string, voterIds: readonly string[]): Promise<number> {
  await server.child.stop()
  const database = await openDatabase(join(server.dataDir, databaseFileName))
  try {
    const ballotId = 'benchinprocess'
    await database.db
      .insertInto('ballots')
      .values({ id: ballotId, congress_id: congressId, subject_kind: 'motion', subject_id: null, rule: JSON.stringify(defaultBallotRule), status: 'open', created_at: Date.now(), opened_at: Date.now(), entitled_count: voterIds.length, present_count: voterIds.length, represented_count: 0 })
      .execute()
    await database.db.insertInto('ballot_voters').values(voterIds.map((id) => ({ ballot_id: ballotId, represented_id: id, holder_id: id }))).execute()
    const deps = { db: database.db, hub: new CongressHub(createSqliteCongressStore(database.sqlite)), votes: createSqliteVoteStore(database.sqlite), clock: Date.now }
    const started = now()
    // Every vote handed in at once, as a burst of requests would be: they share group commits.
    await Promise.all(voterIds.map((id, i) => castVote(deps, { participantId: id, congressId, role: 'attendee', name: '' }, { ballotId, choice: 'yes', clientVoteId: `inprocess-vote-${i}` })))
    return voterIds.length / ((now() - started) / 1000)
  } finally {
    await database.close()
  }
}

/**
 * The physical limit beside the storm: the same two rows per vote, one transaction each, in
 * better-sqlite3. The best of three fresh files, since a WAL checkpoint can halve one short run.
 */
export function rawSqliteRate(rows: number): number {
  return Math.max(...[1, 2, 3].map(() => rawSqliteRun(rows)))
}

function rawSqliteRun(rows: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'raw-sqlite-'))
  const db = new SQLite(join(dir, 'raw.db'))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.exec(`CREATE TABLE participations (ballot_id TEXT, represented_id TEXT, client_vote_hash TEXT, receipt_box BLOB, PRIMARY KEY (ballot_id, represented_id)) WITHOUT ROWID;
             CREATE TABLE box (ballot_id TEXT, receipt TEXT, choice TEXT, nonce TEXT, PRIMARY KEY (ballot_id, receipt)) WITHOUT ROWID;`)
    const a = db.prepare('INSERT INTO participations VALUES (?, ?, ?, ?)')
    const b = db.prepare('INSERT INTO box VALUES (?, ?, ?, ?)')
    // Keys as random as Plenum's (participant ids, sha256 receipts), so rows land where they would.
    const hex = (i: number, salt: string) => createHash('sha256').update(`${salt}${i}`).digest('hex')
    const values = Array.from({ length: rows }, (_, i) => [hex(i, 'p').slice(0, 16), hex(i, 'h'), Buffer.alloc(92, i % 256), hex(i, 'r'), hex(i, 'n').slice(0, 32)] as const)
    const one = db.transaction(([participant, hash, box, receipt, nonce]: (typeof values)[number]) => {
      a.run('ballot', participant, hash, box)
      b.run('ballot', receipt, 'yes', nonce)
    })
    const started = now()
    for (const row of values) one(row)
    return rows / ((now() - started) / 1000)
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The 29 proposals with `amendments` amendments filed, then frozen, rendered and signed. */
export async function freezeTime(server: PlenumServer, size: { amendments: number }): Promise<{ seconds: number; amendments: number }> {
  const setup = await plenumCongress(server)
  const delegates = await plenumPeople(server, setup, 10, 'delegate', 'Amendeur')
  await plenumPhase(server, setup, 'amendments')
  for (let i = 0; i < size.amendments; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, size.amendments - i) }, async (_, j) => {
        const token = delegates[(i + j) % delegates.length]!.token
        const filed = await plenumApi<{ id: string }>(server, token, 'POST', `/proposals/${setup.congress.proposals[(i + j) % setup.congress.proposals.length]!.id}/amendments`, { justification: `Motif ${i + j}` })
        // Submitted: each is then in the minutes' tables and in the comparative table the freeze renders.
        await plenumApi(server, token, 'POST', `/amendments/${filed.id}/submit`)
      }),
    )
  }
  const started = now()
  await plenumApi(server, setup.bureau, 'POST', `/congresses/${setup.congress.id}/freeze`)
  return { seconds: (now() - started) / 1000, amendments: size.amendments }
}

/** The client's weight as served: every built script, gzipped. */
export function clientScriptGzipKb(): number {
  const assets = fileURLToPath(new URL('../../dist/client/assets/', import.meta.url))
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((total, f) => total + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0) / 1024
}

/** The documents and tokens each kind of server is given: Plenum's own texts and sessions, or plain names. */
export async function targetFor(server: BenchServer, docs: number): Promise<{ target: Target; setup?: PlenumCongress }> {
  if (server.kind !== 'plenum') return { target: { docs: Array.from({ length: docs }, (_, i) => `bench-${i}`) } }
  const plenum = server as PlenumServer
  const setup = await plenumCongress(plenum)
  const [writer] = await plenumPeople(plenum, setup, 1, 'delegate', 'Rédacteur')
  const [reader] = await plenumPeople(plenum, setup, 1, 'attendee', 'Lecteur')
  // 30 texts, and 5 amendments filed in their phase, make the 35 documents; writing happens in drafting.
  await plenumPhase(plenum, setup, 'amendments')
  const amendments = await Promise.all(
    Array.from({ length: Math.max(0, docs - 30) }, (_, i) => plenumApi<{ docName: string }>(plenum, writer!.token, 'POST', `/proposals/${setup.congress.proposals[i]!.id}/amendments`, {})),
  )
  await plenumPhase(plenum, setup, 'drafting')
  const texts = [...setup.congress.proposals.map((p) => p.docName), setup.congress.preambleDocName]
  return { target: { docs: [...texts, ...amendments.map((a) => a.docName)].slice(0, docs), writerToken: writer!.token, readerToken: reader!.token }, setup }
}

/** Time from opening a proposal's page in headless Chromium to its editor taking input. */
export async function editorReadyMs(server: PlenumServer): Promise<number> {
  const { launchChromium } = await import('../helpers/browser.ts')
  const setup = await plenumCongress(server)
  await plenumPhase(server, setup, 'drafting')
  const { participants } = await plenumApi<{ participants: { code: string }[] }>(server, setup.bureau, 'POST', `/congresses/${setup.congress.id}/participants`, [
    { name: 'Rédactrice chronométrée', organisation: 'Banc d’essai', role: 'delegate' },
  ])
  const browser = await launchChromium()
  try {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${server.baseUrl}/join/${participants[0]!.code}`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    const url = `${server.baseUrl}/congresses/${setup.congress.id}/proposals/1`
    const started = now()
    await page.goto(url)
    await page.locator('.tiptap[contenteditable="true"]').waitFor({ timeout: 30_000 })
    return now() - started
  } finally {
    await browser.close()
  }
}
