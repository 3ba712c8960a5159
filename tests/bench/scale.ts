// The second table of npm run bench: each figure beside what bounds it, measured in the same run.
// The vote storm with autocannon on SQLite, PostgreSQL and three processes on PostgreSQL + Redis,
// beside the bare node:http ceiling (same generators, same settings) and the raw storage rates;
// fan-out across three processes against one; idle memory and start time of the compiled server
// against the reference y-websocket server.
import { cpus } from 'node:os'
import { startCluster } from './cluster.ts'
import { plenumCongress } from './plenum-setup.ts'
import { fanout, inProcessVoteRate, rawSqliteRate, targetFor, type FanoutResult } from './scenarios.ts'
import { startPlenum } from './servers.ts'
import { measureStartupMemory, type StartupMemory } from './startup-memory.ts'
import { median } from './stats.ts'
import { bareStorm, plenumStorm, prepareVoters, rawPostgresRate, startGenerators, stopGenerators, type StormFigure } from './vote-storm.ts'

export const scaleSizes = {
  /** BENCH_VOTERS: fewer, to try the harness. */
  voters: Number(process.env.BENCH_VOTERS ?? 10_000),
  /** autocannon processes, each with `connections` connections (one request at a time on each). */
  generators: 3,
  connections: 100,
  fanout: { readersPerProcess: 300, edits: 500, intervalMs: 20, runs: 2 },
  startupRuns: 3,
}

export interface ScaleRow {
  readonly measure: string
  readonly figure: string
  readonly beside: string
  /** figure / beside. */
  readonly ratio: string
  readonly target: string
}

/** What the findings need besides the table. */
export interface ScaleResults {
  readonly rows: readonly ScaleRow[]
  readonly storms: Readonly<Record<string, StormFigure>>
  readonly rawSqlite: number
  readonly rawPostgres: number
  readonly inProcess: number
  readonly fanout: { readonly one: FanoutResult; readonly three: FanoutResult; readonly oneAll: FanoutResult }
  readonly startup: readonly StartupMemory[]
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'failed')
const x = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '—')

export async function runScale(log: (text: string) => void): Promise<ScaleResults> {
  const rows: ScaleRow[] = []
  const row = (measure: string, figure: string, beside: string, ratio: string, target = '') => rows.push({ measure, figure, beside, ratio, target })
  const storms: Record<string, StormFigure> = {}
  const { voters, connections } = scaleSizes
  const generators = await startGenerators(scaleSizes.generators)
  let inProcess = Number.NaN
  try {
    log(`storm: SQLite, ${voters} voters signed in and checked in`)
    const sqlite = await startPlenum()
    try {
      const prepared = await prepareVoters(sqlite, await plenumCongress(sqlite), voters, generators)
      log('storm: one process on SQLite')
      storms.sqlite = await plenumStorm([sqlite], prepared, generators, connections, 'sqlite')
      log('storm: castVote in process, same voters')
      inProcess = await inProcessVoteRate(sqlite, prepared.setup.congress.id, prepared.voters.map((v) => v.id))
    } finally {
      await sqlite.stop()
    }
    log(`storm: PostgreSQL, ${voters} voters signed in and checked in`)
    const cluster = await startCluster(1, false)
    try {
      const first = cluster.servers[0]!
      const prepared = await prepareVoters(first, await plenumCongress(first), voters, generators)
      log('storm: one process on PostgreSQL')
      storms.postgres = await plenumStorm(cluster.servers, prepared, generators, connections, 'postgres')
      await cluster.stopProcesses()
      await cluster.start(3, true)
      log('storm: three processes on PostgreSQL + Redis')
      storms.cluster = await plenumStorm(cluster.servers, prepared, generators, connections, 'cluster')
    } finally {
      await cluster.stop()
    }
    log('storm: bare node:http, one process and three')
    storms.bare = await bareStorm(1, voters, generators, connections)
    storms.bare3 = await bareStorm(3, voters, generators, connections)
  } finally {
    await stopGenerators(generators)
  }
  log('storm: raw better-sqlite3 and raw pg, same rows')
  const rawSqlite = rawSqliteRate(voters)
  const rawPostgres = await rawPostgresRate(voters)

  const { sqlite, postgres, cluster, bare, bare3 } = storms as Record<'sqlite' | 'postgres' | 'cluster' | 'bare' | 'bare3', StormFigure>
  const name = `${int(voters)} voters`
  const configs = [
    { label: 'one process, SQLite', f: sqlite, bare, bareLabel: 'bare node:http, 1 process', raw: rawSqlite, rawLabel: 'raw better-sqlite3, 1 tx per vote', rawTarget: '≥ 0.50×' },
    { label: 'one process, PostgreSQL', f: postgres, bare, bareLabel: 'bare node:http, 1 process', raw: rawPostgres, rawLabel: 'raw pg, 1 tx per vote, 10 connections', rawTarget: '' },
    { label: 'three processes, PostgreSQL + Redis', f: cluster, bare: bare3, bareLabel: 'bare node:http, 3 processes', raw: rawPostgres, rawLabel: 'raw pg, 1 tx per vote, 10 connections', rawTarget: '' },
  ]
  for (const c of configs) {
    row(`Vote storm (${name}), ${c.label}`, `${int(c.f.perSecond)} votes/s`, `${c.bareLabel}: ${int(c.bare.perSecond)} req/s`, x(c.f.perSecond, c.bare.perSecond))
    row(`· the same, against storage alone`, `${int(c.f.perSecond)} votes/s`, `${c.rawLabel}: ${int(c.raw)}/s`, x(c.f.perSecond, c.raw), c.rawTarget)
    row(`· latency p50 / p99 (worst generator)`, `${int(c.f.p50Ms)} / ${int(c.f.p99Ms)} ms`, `bare: ${int(c.bare.p50Ms)} / ${int(c.bare.p99Ms)} ms`, x(c.f.p99Ms, c.bare.p99Ms))
    row(`· lost / doubled (from the board after the close)`, `${c.f.lost} / ${c.f.doubled}`, `answers: ${JSON.stringify(c.f.statuses)}, no answer: ${c.f.errors}`, '', '0 / 0')
    row(
      `· cores in use (of ${cpus().length}): Plenum / generators / PostgreSQL / Redis`,
      [c.f.serverCores, c.f.generatorCores, c.f.postgresCores, c.f.redisCores].map((n) => n.toFixed(2)).join(' / '),
      `bare: ${c.bare.serverCores.toFixed(2)} / ${c.bare.generatorCores.toFixed(2)}; busiest generator ${c.f.busiestGenerator.toFixed(2)} of a core (bare ${c.bare.busiestGenerator.toFixed(2)})`,
      '',
    )
  }
  row('Vote storm: three processes against one (PostgreSQL)', `${int(cluster.perSecond)} votes/s`, `${int(postgres.perSecond)} votes/s`, x(cluster.perSecond, postgres.perSecond))
  row('Plenum without HTTP: castVote in process (SQLite), same voters', `${int(inProcess)} votes/s`, `raw better-sqlite3: ${int(rawSqlite)}/s`, x(inProcess, rawSqlite))

  // Fan-out: one process on PostgreSQL (300 readers, then the 900 of the three), and three on
  // PostgreSQL + Redis (the writer on the first, 300 readers on each), interleaved, a document of
  // its own for every run (readers would otherwise book the previous run's edits on their sync).
  const { readersPerProcess, edits, intervalMs, runs } = scaleSizes.fanout
  const fanCluster = await startCluster(1, false)
  const one: FanoutResult[] = []
  const three: FanoutResult[] = []
  const oneAll: FanoutResult[] = []
  try {
    const { target } = await targetFor(fanCluster.servers[0]!, 3 * runs)
    for (let run = 0; run < runs; run++) {
      const doc = (k: number) => ({ ...target, docs: [target.docs[3 * run + k]!] })
      log(`fan-out: one process on PostgreSQL, ${readersPerProcess} readers, run ${run + 1}/${runs}`)
      if (run > 0) await fanCluster.start(1, false)
      one.push(await fanout(fanCluster.servers[0]!, doc(0), { readers: readersPerProcess, edits, intervalMs, loadProcesses: 1 }))
      // The same readers as the three processes', on one: what splitting them changes, at equal work.
      log(`fan-out: one process on PostgreSQL, ${3 * readersPerProcess} readers, run ${run + 1}/${runs}`)
      oneAll.push(await fanout(fanCluster.servers[0]!, doc(2), { readers: 3 * readersPerProcess, edits, intervalMs, loadProcesses: 3 }))
      await fanCluster.stopProcesses()
      log(`fan-out: three processes on PostgreSQL + Redis, ${3 * readersPerProcess} readers, run ${run + 1}/${runs}`)
      const servers = await fanCluster.start(3, true)
      three.push(await fanout(servers[0]!, doc(1), { readers: 3 * readersPerProcess, edits, intervalMs, loadProcesses: 3 }, servers))
      await fanCluster.stopProcesses()
    }
  } finally {
    await fanCluster.stop()
  }
  const med = (results: readonly FanoutResult[], key: 'p50' | 'p99' | 'max') => median(results.map((r) => r[key]))
  const summary = (results: readonly FanoutResult[]): FanoutResult => ({
    ...results[0]!,
    p50: med(results, 'p50'),
    p99: med(results, 'p99'),
    max: med(results, 'max'),
    missing: Math.max(...results.map((r) => r.missing)),
    serverCores: median(results.map((r) => r.serverCores)),
    clientCores: median(results.map((r) => r.clientCores)),
  })
  const fan = { one: summary(one), three: summary(three), oneAll: summary(oneAll) }
  const fanName = `Fan-out (1 writer, ${edits} edits): ${3 * readersPerProcess} readers on 3 processes (PG + Redis) against ${readersPerProcess} on 1 (PG)`
  row(`${fanName}, p50`, `${fan.three.p50.toFixed(1)} ms`, `${fan.one.p50.toFixed(1)} ms`, x(fan.three.p50, fan.one.p50))
  row('· p99', `${fan.three.p99.toFixed(0)} ms`, `${fan.one.p99.toFixed(0)} ms`, x(fan.three.p99, fan.one.p99), '≤ 1.5×')
  row('· max', `${fan.three.max.toFixed(0)} ms`, `${fan.one.max.toFixed(0)} ms`, x(fan.three.max, fan.one.max))
  row('· edits never seen', `${fan.three.missing}`, `${fan.one.missing}`, '', '0')
  row(
    `· the same ${3 * readersPerProcess} readers on 1 process (PG): p50 / p99 / never seen`,
    `${fan.three.p50.toFixed(1)} / ${fan.three.p99.toFixed(0)} ms / ${fan.three.missing}`,
    `${fan.oneAll.p50.toFixed(1)} / ${fan.oneAll.p99.toFixed(0)} ms / ${fan.oneAll.missing} (cores ${fan.oneAll.serverCores.toFixed(2)} / ${fan.oneAll.clientCores.toFixed(2)})`,
    x(fan.three.p99, fan.oneAll.p99),
  )
  row(
    `· cores in use while the writer types (of ${cpus().length}): servers / load processes`,
    `${fan.three.serverCores.toFixed(2)} / ${fan.three.clientCores.toFixed(2)}`,
    `${fan.one.serverCores.toFixed(2)} / ${fan.one.clientCores.toFixed(2)}`,
    x(fan.three.serverCores + fan.three.clientCores, fan.one.serverCores + fan.one.clientCores),
  )

  log('startup: idle memory and start time, compiled against the reference')
  // It refuses a compiled server older than its sources: others may be editing them during the run.
  const startup = await measureStartupMemory(scaleSizes.startupRuns).catch((error: unknown) => {
    log(`startup: ${String(error)}; once more`)
    return measureStartupMemory(scaleSizes.startupRuns)
  })
  const by = (n: StartupMemory['name']) => startup.find((s) => s.name === n)!
  const reference = by('reference y-websocket')
  for (const kind of ['plenum (compiled)', 'plenum (sources, tsx)'] as const) {
    const s = by(kind)
    row(`Idle server, RSS: ${kind} against the reference y-websocket server`, `${s.rssMb} MB`, `${reference.rssMb} MB`, x(s.rssMb, reference.rssMb), kind === 'plenum (compiled)' ? '≤ 1.5×' : '')
    row(`· start to listening`, `${s.startMs} ms`, `${reference.startMs} ms`, x(s.startMs, reference.startMs))
  }
  return { rows, storms, rawSqlite, rawPostgres, inProcess, fanout: fan, startup }
}

export function renderScaleTable(rows: readonly ScaleRow[]): string {
  const lines = ['| measure | Plenum | beside it, same run | ratio | target |', '| --- | ---: | ---: | ---: | --- |']
  for (const r of rows) lines.push(`| ${r.measure} | ${r.figure} | ${r.beside} | ${r.ratio} | ${r.target} |`)
  return lines.join('\n')
}
