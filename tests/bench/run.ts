// npm run bench: Plenum beside the reference y-websocket server and Hocuspocus, same machine, same
// run. Prints the table and rewrites BENCHMARKS.md: the table, then findings.md (written by hand:
// what the profiles showed, before/after, targets not met and why). Sizes from the issue;
// BENCH_RUNS repeats the sync scenarios (default 3) and reports medians; BENCH_PROFILE=DIR writes
// a CPU profile of every child process.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { clientScriptGzipKb, convergence, editorReadyMs, fanout, freezeTime, idleMemory, targetFor } from './scenarios.ts'
import { renderScaleTable, runScale, scaleSizes } from './scale.ts'
import { measureTextHistory } from './text-history.ts'
import { phoneFirstVisit } from './phone-first-visit.ts'
import { startPlenum, starters, type BenchServer, type ServerKind } from './servers.ts'
import { median, ratio } from './stats.ts'

const runs = Number(process.env.BENCH_RUNS ?? 3)
const kinds: ServerKind[] = ['plenum', 'reference', 'hocuspocus']
const sizes = {
  fanout: { readers: 300, edits: 500, intervalMs: 20, loadProcesses: 2 },
  convergence: { writers: 50, edits: 200, loadProcesses: 2 },
  idle: { clients: 2000, docs: 35, loadProcesses: 4 },
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

let loadAtStart = 0
const log = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`)

async function main(): Promise<void> {
  const started = Date.now()
  loadAtStart = loadavg()[0]!
  // Every Plenum process of the run is then the compiled server, as \`plenum start\` runs it
  // (bin/plenum.js falls back to the sources should one change during the run).
  execFileSync(process.execPath, [fileURLToPath(new URL('../../bin/build-server.js', import.meta.url))], { stdio: 'ignore' })
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

  log('plenum: freeze')
  const frozen = await withServer('plenum', (server) => freezeTime(server as Awaited<ReturnType<typeof startPlenum>>, sizes.freeze))
  row('Freeze: 29 proposals, 300 amendments, rendered and signed', 's', '< 2 s').values.plenum = frozen.seconds
  row('Client: built JavaScript, gzipped', 'kB', '< 250 kB').values.plenum = clientScriptGzipKb()
  log('plenum: editor readiness in Chromium')
  row('Client: proposal page to editor taking input (headless Chromium)', 'ms', '').values.plenum = await withServer('plenum', (server) =>
    editorReadyMs(server as Awaited<ReturnType<typeof startPlenum>>),
  )
  log('plenum: a phone’s first visit to the vote page, throttled')
  const visits = await withServer('plenum', (server) => phoneFirstVisit(server as Awaited<ReturnType<typeof startPlenum>>, runs))
  row('Phone, first visit: vote page to its *Pour* button, Fast 3G (Chromium emulation)', 'ms', '< 1.5 s').values.plenum = visits['Fast 3G'].ms
  row('Phone, first visit: the same on Slow 3G', 'ms', '< 5 s').values.plenum = visits['Slow 3G'].ms
  row('Phone, first visit: the same on loopback, unthrottled (the bare ceiling)', 'ms', '').values.plenum = visits.loopback.ms
  row('Phone, first visit: bytes received on Fast 3G until *Pour* shows', 'kB', '').values.plenum = visits['Fast 3G'].kB

  const scale = await runScale(log)
  const history = await measureTextHistory(log)
  const minutes = (Date.now() - started) / 60_000
  const table = renderTable()
  const scaleTable = renderScaleTable([...scale.rows, ...history.rows])
  console.log(`\n${table}\n\n${scaleTable}\nRun took ${minutes.toFixed(1)} minutes.`)
  writeFileSync(fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url)), renderDocument(table, scaleTable, minutes))
}

const fmt = (value: number | undefined) => (value === undefined ? '' : Number.isNaN(value) ? 'failed' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2))

function renderTable(): string {
  const lines = ['| measure | unit | Plenum | reference | Hocuspocus | Plenum / reference | Plenum / Hocuspocus | target |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |']
  for (const r of rows) {
    const { plenum, reference, hocuspocus } = r.values
    const both = plenum !== undefined && reference !== undefined
    lines.push(
      `| ${r.label} | ${r.unit} | ${fmt(plenum)} | ${fmt(reference)} | ${fmt(hocuspocus)} | ${both ? ratio(plenum, reference!) : ''} | ${plenum !== undefined && hocuspocus !== undefined ? ratio(plenum, hocuspocus) : ''} | ${r.target} |`,
    )
  }
  return lines.join('\n')
}

const findings = readFileSync(fileURLToPath(new URL('./findings.md', import.meta.url)), 'utf8')

function renderDocument(table: string, scaleTable: string, minutes: number): string {
  return `# Benchmarks

Written by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}); do not edit by hand. Each server runs in its own
process on 127.0.0.1, the load in separate client processes; medians of ${runs} runs for the sync scenarios.
Lower is better except for rates.

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}. The run took ${minutes.toFixed(1)} minutes;\nthe machine's load average (1 min) was ${loadAtStart.toFixed(1)} when it started and ${loadavg()[0]!.toFixed(1)} when it ended (other work on the machine included).

- Plenum: \`plenum serve\` on a fresh data folder (the demo congress): every update checked against the permissions and written to SQLite before it is broadcast.
- reference: \`@y/websocket-server\` 0.1.1 (the last release on Yjs 13), its own \`server.js\`, persistence off, as users run it.
- Hocuspocus: \`@hocuspocus/server\` 4.7 with \`@hocuspocus/extension-sqlite\`, driven by \`@hocuspocus/provider\`.

${table}

## Beside their ceilings: the vote storm, several processes, the compiled server

Each Plenum figure beside what bounds it, measured in the same run. The vote storm: ${scaleSizes.voters.toLocaleString('en-US')} voters signed
in and checked in beforehand, then every one casting once, at once, driven by autocannon (${scaleSizes.generators} processes,
${scaleSizes.connections} connections each, one request at a time on each, every request its own voter's token and body); lost
and doubled counted from the board after the close. The bare ceiling: a \`node:http\` server that reads each
request and answers a receipt-sized body, nothing else, loaded by the same generators with the same
settings (one such process, or three for the three processes' figure). The raw rates: the same two rows
per vote, one transaction each, in better-sqlite3 and in pg. Fan-out: one writer on the first process, 300
readers per process, time from the writer's edit to each reader's receipt (medians of ${scaleSizes.fanout.runs} interleaved
runs). Idle memory and start: \`plenum serve\` on a fresh data folder, compiled by \`npm run build\`, and the
reference server, ${scaleSizes.startupRuns} starts each (medians). All of it on the same ${cpus().length} cores as the load:
three server processes and their generators compete for them. The text history: a congress day typed into the
preamble and 29 proposals (keystrokes stored one by one and the log compacted as a room does, a version
after every 200 keystrokes, two phase changes, 30 merges), in process on SQLite files; beside it the texts'
own compacted states, a full copy of the text per version, and the file of the same day without versions.

${scaleTable}

${findings}`
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
