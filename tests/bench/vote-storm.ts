// The vote storm: every voter casts once, at once, over HTTP, driven by autocannon; beside each
// figure the bare node:http ceiling with the same generators and settings, and the raw storage
// rates (better-sqlite3, pg) for the same rows, one transaction each.
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { BallotView, BoardView, SessionView } from '../../shared/api-types.ts'
import { createTestDatabase } from '../helpers/test-database.ts'
import { cpuSeconds, cpuSecondsBetween, cpuSecondsOf, startChild, type Child } from './child.ts'
import type { HttpLoadAnswer, HttpLoadCommand, HttpRequestSpec } from './http-load.ts'
import { plenumApi, plenumPhase, type PlenumCongress } from './plenum-setup.ts'
import type { PlenumServer } from './servers.ts'

export interface StormFigure {
  readonly voters: number
  readonly perSecond: number
  readonly p50Ms: number
  readonly p99Ms: number
  /** Voters without a receipt on the board: refused, unanswered, or answered and missing. */
  readonly lost: number
  /** Board entries beyond one per voter, or receipts given twice. */
  readonly doubled: number
  /** Of the voters, how many got no answer at all (connection errors, timeouts). */
  readonly errors: number
  readonly statuses: Record<string, number>
  /** CPU of all generators over the burst's wall time: cores they used, out of the machine's. */
  readonly generatorCores: number
  /** The busiest generator's share of one core: near 1.00, that generator would be the bottleneck. */
  readonly busiestGenerator: number
  /** CPU of the server processes over the burst's wall time. */
  readonly serverCores: number
  /** CPU of PostgreSQL's and Redis' processes over the burst's wall time (other work on them included). */
  readonly postgresCores: number
  readonly redisCores: number
}

const httpLoadScript = fileURLToPath(new URL('./http-load.ts', import.meta.url))
const bareScript = fileURLToPath(new URL('./fixtures/bare-http-server.mjs', import.meta.url))

export interface Generator {
  readonly child: Child
  run(command: Omit<HttpLoadCommand, 'type'>): Promise<HttpLoadAnswer>
}

/** The autocannon processes, started and loaded before any burst so that none of that is timed. */
export async function startGenerators(count: number): Promise<Generator[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const child = await startChild(httpLoadScript, [], { ready: /LOAD READY/, ipc: true })
      return {
        child,
        run: (command) =>
          new Promise<HttpLoadAnswer>((resolve, reject) => {
            const onMessage = (message: HttpLoadAnswer | { type: 'error'; message: string }) => {
              child.process.off('message', onMessage)
              if (message.type === 'error') reject(new Error(`http load: ${message.message}`))
              else resolve(message)
            }
            child.process.on('message', onMessage)
            child.process.send({ type: 'run', ...command })
          }),
      }
    }),
  )
}

export async function stopGenerators(generators: readonly Generator[]): Promise<void> {
  await Promise.all(generators.map((g) => g.child.stop()))
}

const split = <T>(items: readonly T[], parts: number): T[][] => Array.from({ length: parts }, (_, i) => items.filter((_, j) => j % parts === i))

interface Burst {
  readonly seconds: number
  readonly answers: readonly HttpLoadAnswer[]
  readonly generatorCores: number
  readonly busiestGenerator: number
  readonly serverCores: number
  readonly postgresCores: number
  readonly redisCores: number
}

/** Every generator at once, each with its share of the requests, against `urls` round robin. */
async function burst(generators: readonly Generator[], urls: readonly string[], serverPids: readonly number[], requests: readonly HttpRequestSpec[], connections: number): Promise<Burst> {
  const shares = split(requests, generators.length)
  const serverCpu = serverPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0)
  const [postgresCpu, redisCpu] = [cpuSecondsOf('postgres'), cpuSecondsOf('redis-server')]
  const answers = await Promise.all(generators.map((g, i) => g.run({ url: urls[i % urls.length]!, requests: shares[i]!, connections })))
  const seconds = (Math.max(...answers.map((a) => a.ended)) - Math.min(...answers.map((a) => a.started))) / 1000
  const generatorCpu = answers.reduce((sum, a) => sum + a.cpuSeconds, 0)
  const serverCores = (serverPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - serverCpu) / seconds
  for (const [i, a] of answers.entries()) if (a.sent !== shares[i]!.length) throw new Error(`generator ${i} sent ${a.sent} requests for ${shares[i]!.length}`)
  const postgresCores = cpuSecondsBetween(postgresCpu, cpuSecondsOf('postgres')) / seconds
  const redisCores = cpuSecondsBetween(redisCpu, cpuSecondsOf('redis-server')) / seconds
  const busiestGenerator = Math.max(...answers.map((a) => a.cpuSeconds / ((a.ended - a.started) / 1000)))
  return { seconds, answers, generatorCores: generatorCpu / seconds, busiestGenerator, serverCores, postgresCores, redisCores }
}

/** The worst generator's: autocannon's histograms stay in their processes. */
const worst = (answers: readonly HttpLoadAnswer[], key: 'p50Ms' | 'p99Ms') => Math.max(...answers.map((a) => a[key]))

function mergeStatuses(answers: readonly HttpLoadAnswer[]): Record<string, number> {
  const all: Record<string, number> = {}
  for (const a of answers) for (const [status, n] of Object.entries(a.statuses)) all[status] = (all[status] ?? 0) + n
  return all
}

const json = (token: string | undefined, method: HttpRequestSpec['method'], path: string, body: unknown): HttpRequestSpec => ({
  method,
  path,
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
})

export interface StormVoters {
  readonly setup: PlenumCongress
  readonly voters: readonly { id: string; token: string }[]
}

/**
 * `count` attendees imported, signed in and checked in, ready for any number of ballots. Sign-ins
 * and check-ins go through the generators too: 20,000 requests through fetch took minutes.
 */
export async function prepareVoters(server: PlenumServer, setup: PlenumCongress, count: number, generators: readonly Generator[]): Promise<StormVoters> {
  const codes: { id: string; code: string }[] = []
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({ name: `Votant ${start + i}`, organisation: 'Banc d’essai', role: 'attendee' }))
    const { participants } = await plenumApi<{ participants: { id: string; code: string }[] }>(server, setup.bureau, 'POST', `/congresses/${setup.congress.id}/participants`, rows)
    codes.push(...participants)
  }
  const pids = [server.child.pid]
  const signIns = await burst(generators, [server.baseUrl], pids, codes.map((p) => json(undefined, 'POST', '/api/session', { code: p.code })), 25)
  const voters = signIns.answers.flatMap((a) => a.bodies.map((b) => JSON.parse(b) as SessionView)).map((s) => ({ id: s.participant.id, token: s.token }))
  if (voters.length !== count) throw new Error(`sign-in: ${voters.length} of ${count} voters (${JSON.stringify(mergeStatuses(signIns.answers))})`)
  await plenumPhase(server, setup, 'voting')
  const checkIns = await burst(generators, [server.baseUrl], pids, voters.map((v) => json(setup.bureau, 'PUT', `/api/congresses/${setup.congress.id}/attendance/${v.id}`, { present: true })), 25)
  const present = mergeStatuses(checkIns.answers)['200'] ?? 0
  if (present !== count) throw new Error(`check-in: ${present} of ${count} (${JSON.stringify(mergeStatuses(checkIns.answers))})`)
  return { setup, voters }
}

/**
 * One burst against Plenum's processes (`servers`, the first also used to open and close): a new
 * ballot, every voter once, then the board after the close checked against every receipt.
 */
export async function plenumStorm(servers: readonly PlenumServer[], prepared: StormVoters, generators: readonly Generator[], connections: number, tag: string): Promise<StormFigure> {
  const [first] = servers
  const { setup, voters } = prepared
  const ballot = await plenumApi<BallotView>(first!, setup.bureau, 'POST', '/ballots', { congressId: setup.congress.id, subject: { kind: 'motion' } })
  await plenumApi(first!, setup.bureau, 'POST', `/ballots/${ballot.id}/open`)
  const run = await burst(
    generators,
    servers.map((s) => s.baseUrl),
    servers.map((s) => s.child.pid),
    voters.map((v, i) => json(v.token, 'POST', `/api/ballots/${ballot.id}/votes`, { choice: 'yes', clientVoteId: `${tag}-${i}-${v.id}` })),
    connections,
  )
  await plenumApi(first!, setup.bureau, 'POST', `/ballots/${ballot.id}/close`)
  const board = await plenumApi<BoardView>(first!, setup.bureau, 'GET', `/ballots/${ballot.id}/board`)
  const onBoard = new Set(board.entries.map((e) => e.receipt))
  const receipts = run.answers.flatMap((a) => a.bodies.map((b) => (JSON.parse(b) as { receipt: string }).receipt))
  const distinct = new Set(receipts)
  return {
    voters: voters.length,
    perSecond: voters.length / run.seconds,
    p50Ms: worst(run.answers, 'p50Ms'),
    p99Ms: worst(run.answers, 'p99Ms'),
    lost: voters.length - [...distinct].filter((r) => onBoard.has(r)).length,
    doubled: Math.max(0, board.entries.length - voters.length) + (receipts.length - distinct.size),
    errors: run.answers.reduce((sum, a) => sum + a.errors, 0),
    statuses: mergeStatuses(run.answers),
    generatorCores: run.generatorCores,
    busiestGenerator: run.busiestGenerator,
    serverCores: run.serverCores,
    postgresCores: run.postgresCores,
    redisCores: run.redisCores,
  }
}

/** The same burst against `processes` bare node:http servers: the ceiling of the generators and the machine. */
export async function bareStorm(processes: number, count: number, generators: readonly Generator[], connections: number): Promise<StormFigure> {
  const servers = await Promise.all(Array.from({ length: processes }, () => startChild(bareScript, [], { ready: /^READY (.*)$/ })))
  try {
    // Tokens and bodies of the same sizes as the voters'.
    const token = (i: number) => createHash('sha256').update(`t${i}`).digest('base64url')
    const requests = Array.from({ length: count }, (_, i) => json(token(i), 'POST', '/api/ballots/bare0000000000/votes', { choice: 'yes', clientVoteId: `bare-${i}-${token(i).slice(0, 16)}` }))
    const run = await burst(
      generators,
      servers.map((s) => (s.ready as { url: string }).url),
      servers.map((s) => s.pid),
      requests,
      connections,
    )
    const statuses = mergeStatuses(run.answers)
    return {
      voters: count,
      perSecond: count / run.seconds,
      p50Ms: worst(run.answers, 'p50Ms'),
      p99Ms: worst(run.answers, 'p99Ms'),
      lost: count - (statuses['200'] ?? 0),
      doubled: 0,
      errors: run.answers.reduce((sum, a) => sum + a.errors, 0),
      statuses,
      generatorCores: run.generatorCores,
      busiestGenerator: run.busiestGenerator,
      serverCores: run.serverCores,
      postgresCores: run.postgresCores,
      redisCores: run.redisCores,
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
  }
}

/**
 * The same two rows per vote as rawSqliteRate, one transaction each, in PostgreSQL through pg: on a
 * pool of 10 connections (Plenum's), 10 transactions in flight, as a server under a burst has them.
 * The best of three runs on fresh tables of a fresh database.
 */
export async function rawPostgresRate(rows: number): Promise<number> {
  const database = await createTestDatabase()
  const pool = new pg.Pool({ connectionString: database.url, max: 10 })
  pool.on('error', () => undefined)
  try {
    const hex = (i: number, salt: string) => createHash('sha256').update(`${salt}${i}`).digest('hex')
    const values = Array.from({ length: rows }, (_, i) => [hex(i, 'p').slice(0, 16), hex(i, 'h'), Buffer.alloc(92, i % 256), hex(i, 'r'), hex(i, 'n').slice(0, 32)] as const)
    const rates: number[] = []
    for (let run = 0; run < 3; run++) {
      await pool.query(`DROP TABLE IF EXISTS participations; DROP TABLE IF EXISTS box;
        CREATE TABLE participations (ballot_id text, represented_id text, client_vote_hash text, receipt_box bytea, PRIMARY KEY (ballot_id, represented_id));
        CREATE TABLE box (ballot_id text, receipt text, choice text, nonce text, PRIMARY KEY (ballot_id, receipt));`)
      let next = 0
      const started = performance.now()
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const client = await pool.connect()
          try {
            while (next < values.length) {
              const [participant, hash, box, receipt, nonce] = values[next++]!
              await client.query('BEGIN')
              await client.query('INSERT INTO participations VALUES ($1, $2, $3, $4)', ['ballot', participant, hash, box])
              await client.query('INSERT INTO box VALUES ($1, $2, $3, $4)', ['ballot', receipt, 'yes', nonce])
              await client.query('COMMIT')
            }
          } finally {
            client.release()
          }
        }),
      )
      rates.push(rows / ((performance.now() - started) / 1000))
    }
    return Math.max(...rates)
  } finally {
    await pool.end()
    await database.drop()
  }
}
