// npm run bench: Plenum beside the reference y-websocket server and Hocuspocus, same machine, same
// run. Prints the table and rewrites BENCHMARKS.md: the table, then findings.md (written by hand:
// what the profiles showed, before/after, targets not met and why). Sizes from the issue;
// BENCH_RUNS repeats the sync scenarios (default 3) and reports medians; BENCH_PROFILE=DIR writes
// a CPU profile of every child process.
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { bareHttpBurst, clientScriptGzipKb, convergence, editorReadyMs, fanout, freezeTime, idleMemory, targetFor, voteStorm } from './scenarios.ts'
import { startPlenum, starters, type BenchServer, type ServerKind } from './servers.ts'
import { median, ratio } from './stats.ts'

const runs = Number(process.env.BENCH_RUNS ?? 3)
const kinds: ServerKind[] = ['plenum', 'reference', 'hocuspocus']
const sizes = {
  fanout: { readers: 300, edits: 500, intervalMs: 20, loadProcesses: 2 },
  convergence: { writers: 50, edits: 200, loadProcesses: 2 },
  idle: { clients: 2000, docs: 35, loadProcesses: 4 },
  votes: { voters: 2000, loadProcesses: 2 },
  freeze: { amendments: 300 },
}

type Row = { label: string; unit: string; values: Partial<Record<ServerKind, number>>; target: string; lowerIsBetter: boolean }
const rows: Row[] = []
const row = (label: string, unit: string, target: string, lowerIsBetter = true): Row => {
  const r = { label, unit, values: {}, target, lowerIsBetter }
  rows.push(r)
  return r
}

async function withServer<T>(kind: ServerKind, run: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await starters[kind]()
  try {
    return await run(server)
  } finally {
    await server.stop()
  }
}

const log = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`)

async function main(): Promise<void> {
  const started = Date.now()
  const fanP50 = row('Fan-out latency p50 (1 writer, 300 readers, 500 edits)', 'ms', '')
  const fanP99 = row('Fan-out latency p99', 'ms', '≤ 1.0× reference')
  const fanMax = row('Fan-out latency max', 'ms', '')
  const fanMissing = row('Fan-out edits never seen', '', '0')
  const conv = row('Convergence (50 writers × 200 edits)', 's', '≤ 1.0× reference, ≤ 0.8× Hocuspocus')
  const convCpu = row('Convergence: server CPU', 's', '')
  const convClientCpu = row('Convergence: clients’ CPU (all load processes)', 's', '')
  const convMessages = row('Convergence: messages the 50 clients received', '', '')
  const idle = row('Idle: 2,000 clients on 35 documents, server RSS', 'MB', '< 300 MB')
  const idleBase = row('Idle: the same server before the clients connect', 'MB', '')
  type Samples = { p50: number[]; p99: number[]; max: number[]; missing: number[]; seconds: number[]; cpu: number[]; clientCpu: number[]; messages: number[] }
  const samples = Object.fromEntries(kinds.map((k) => [k, { p50: [], p99: [], max: [], missing: [], seconds: [], cpu: [], clientCpu: [], messages: [] }])) as unknown as Record<ServerKind, Samples>
  // Runs interleave the servers (P R H, P R H…), so a slow spell of the machine is shared out.
  for (let i = 0; i < runs; i++) {
    for (const kind of kinds) {
      const s = samples[kind]
      await withServer(kind, async (server) => {
        const { target } = await targetFor(server, sizes.idle.docs)
        log(`${kind}: fan-out, run ${i + 1}/${runs}`)
        const f = await fanout(server, target, sizes.fanout)
        s.p50.push(f.p50), s.p99.push(f.p99), s.max.push(f.max), s.missing.push(f.missing)
        log(`${kind}: convergence, run ${i + 1}/${runs}`)
        const c = await convergence(server, target, sizes.convergence)
        s.seconds.push(c.converged ? c.seconds : Number.NaN), s.cpu.push(c.serverCpuSeconds), s.clientCpu.push(c.clientCpuSeconds), s.messages.push(c.messagesReceived)
      })
    }
  }
  for (const kind of kinds) {
    const s = samples[kind]
    fanP50.values[kind] = median(s.p50)
    fanP99.values[kind] = median(s.p99)
    fanMax.values[kind] = median(s.max)
    fanMissing.values[kind] = Math.max(...s.missing)
    conv.values[kind] = median(s.seconds)
    convCpu.values[kind] = median(s.cpu)
    convClientCpu.values[kind] = median(s.clientCpu)
    convMessages.values[kind] = median(s.messages)
    log(`${kind}: idle memory`)
    const memory = await withServer(kind, async (server) => idleMemory(server, (await targetFor(server, sizes.idle.docs)).target, sizes.idle))
    idle.values[kind] = memory.rssMb
    idleBase.values[kind] = memory.baselineMb
  }

  log('plenum: vote storm')
  const storm = await withServer('plenum', (server) => voteStorm(server as Awaited<ReturnType<typeof startPlenum>>, sizes.votes))
  row('Vote storm: 2,000 votes in one burst', 'votes/s', '≥ 50 % of raw SQLite', false).values.plenum = storm.perSecond
  row('Vote storm: p99 latency', 'ms', '').values.plenum = storm.p99Ms
  row('Vote storm: lost / doubled', '', '0 / 0').values.plenum = storm.lost + storm.doubled
  row('Raw better-sqlite3, same rows, one transaction each', 'votes/s', '', false).values.plenum = storm.rawSqlitePerSecond
  row('Plenum without HTTP: castVote in process, same voters', 'votes/s', '', false).values.plenum = storm.inProcessPerSecond
  log('bare node:http: the same burst')
  const bare = await bareHttpBurst(sizes.votes)
  row('Bare node:http server, same burst (the HTTP ceiling)', 'requests/s', '', false).values.plenum = bare.perSecond
  row('Bare node:http server: p99 latency', 'ms', '').values.plenum = bare.p99Ms
  log('plenum: freeze')
  const frozen = await withServer('plenum', (server) => freezeTime(server as Awaited<ReturnType<typeof startPlenum>>, sizes.freeze))
  row('Freeze: 29 proposals, 300 amendments, rendered and signed', 's', '< 2 s').values.plenum = frozen.seconds
  row('Client: built JavaScript, gzipped', 'kB', '< 250 kB').values.plenum = clientScriptGzipKb()
  log('plenum: editor readiness in Chromium')
  row('Client: proposal page to editor taking input (headless Chromium)', 'ms', '').values.plenum = await withServer('plenum', (server) =>
    editorReadyMs(server as Awaited<ReturnType<typeof startPlenum>>),
  )

  const minutes = (Date.now() - started) / 60_000
  const table = renderTable([
    ['Vote storm share of the raw SQLite rate', storm.perSecond / storm.rawSqlitePerSecond, '≥ 50 %'],
    ['Plenum without HTTP: share of the raw SQLite rate', storm.inProcessPerSecond / storm.rawSqlitePerSecond, ''],
    ['Vote storm share of the bare HTTP rate', storm.perSecond / bare.perSecond, ''],
  ])
  console.log(`\n${table}\nRun took ${minutes.toFixed(1)} minutes.`)
  writeFileSync(fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url)), renderDocument(table, minutes))
}

const fmt = (value: number | undefined) => (value === undefined ? '' : Number.isNaN(value) ? 'failed' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2))

function renderTable(shares: readonly [label: string, share: number, target: string][]): string {
  const lines = ['| measure | unit | Plenum | reference | Hocuspocus | Plenum / reference | Plenum / Hocuspocus | target |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |']
  for (const r of rows) {
    const { plenum, reference, hocuspocus } = r.values
    const both = plenum !== undefined && reference !== undefined
    lines.push(
      `| ${r.label} | ${r.unit} | ${fmt(plenum)} | ${fmt(reference)} | ${fmt(hocuspocus)} | ${both ? ratio(plenum, reference!) : ''} | ${plenum !== undefined && hocuspocus !== undefined ? ratio(plenum, hocuspocus) : ''} | ${r.target} |`,
    )
  }
  for (const [label, share, target] of shares) lines.push(`| ${label} | % | ${(share * 100).toFixed(1)} | | | | | ${target} |`)
  return lines.join('\n')
}

const findings = readFileSync(fileURLToPath(new URL('./findings.md', import.meta.url)), 'utf8')

function renderDocument(table: string, minutes: number): string {
  return `# Benchmarks

Written by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}); do not edit by hand. Each server runs in its own
process on 127.0.0.1, the load in separate client processes; medians of ${runs} runs for the sync scenarios.
Lower is better except for rates.

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}. The run took ${minutes.toFixed(1)} minutes.

- Plenum: \`plenum serve\` on a fresh data folder (the demo congress): every update checked against the permissions and written to SQLite before it is broadcast.
- reference: \`@y/websocket-server\` 0.1.1 (the last release on Yjs 13), its own \`server.js\`, persistence off, as users run it.
- Hocuspocus: \`@hocuspocus/server\` 4.7 with \`@hocuspocus/extension-sqlite\`, driven by \`@hocuspocus/provider\`.

${table}

${findings}`
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
