// A load process of the vote storm: autocannon (not the bottleneck that Node's fetch was, near
// 700-950 requests/s on two cores), each request its own (a voter's token and body, a code to sign
// in with). Run by vote-storm.ts, several at once (one per server process, or several against one),
// each told when to start over IPC so that spawning and loading are not timed. Never by hand.
import autocannon from 'autocannon'
import { now } from './stats.ts'

export interface HttpRequestSpec {
  readonly method: 'POST' | 'PUT'
  readonly path: string
  readonly headers: Record<string, string>
  readonly body: string
}

export interface HttpLoadCommand {
  readonly type: 'run'
  /** http://host:port of the server this process loads. */
  readonly url: string
  /** Each sent exactly once. */
  readonly requests: readonly HttpRequestSpec[]
  readonly connections: number
}

export interface HttpLoadAnswer {
  readonly type: 'done'
  /** From the call to autocannon (connecting included) to the last answer. */
  readonly started: number
  readonly ended: number
  /** Requests written: one per spec when all went well (checked by the coordinator). */
  readonly sent: number
  readonly statuses: Record<string, number>
  /** The bodies of the 2xx answers, in order of arrival. */
  readonly bodies: string[]
  /** Connection errors and timeouts (autocannon does not retry: such a request has no answer). */
  readonly errors: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  /** CPU this generator used during its run: how close it came to being the bottleneck. */
  readonly cpuSeconds: number
}

async function run(command: HttpLoadCommand): Promise<HttpLoadAnswer> {
  let next = 0
  const statuses: Record<string, number> = {}
  const bodies: string[] = []
  // autocannon notices that it is done on its next one-second tick: the run ends at its last answer.
  let lastAnswer = now()
  const cpu = process.cpuUsage()
  const started = now()
  const result = await autocannon({
    url: command.url,
    connections: Math.min(command.connections, command.requests.length),
    // Without pipelining: autocannon closes a connection once it has written its share, and the
    // answers still in flight on it would be lost.
    pipelining: 1,
    // Each connection stops after its share, so every request is sent exactly once.
    amount: command.requests.length,
    timeout: 120,
    requests: [
      {
        setupRequest: (request) => {
          const spec = command.requests[next++ % command.requests.length]!
          return { ...request, method: spec.method, path: spec.path, headers: { ...request.headers, ...spec.headers }, body: spec.body }
        },
        onResponse: (status, body) => {
          lastAnswer = now()
          statuses[status] = (statuses[status] ?? 0) + 1
          if (status >= 200 && status < 300) bodies.push(body)
        },
      },
    ],
  })
  const used = process.cpuUsage(cpu)
  return {
    type: 'done',
    started,
    ended: lastAnswer,
    sent: next,
    statuses,
    bodies,
    errors: result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    cpuSeconds: (used.user + used.system) / 1e6,
  }
}

process.on('message', (command: HttpLoadCommand) => {
  run(command).then(
    (answer) => process.send!(answer),
    (error: unknown) => process.send!({ type: 'error', message: String(error) }),
  )
})
process.on('SIGTERM', () => process.exit(0))
console.log('LOAD READY')
