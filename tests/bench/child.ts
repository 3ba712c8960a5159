import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { clockTicks } from './proc.ts'

export interface Child {
  readonly process: ChildProcess
  readonly pid: number
  /** The first line the child printed that matched `ready`, parsed as JSON when it is JSON. */
  readonly ready: unknown
  output(): string
  /** SIGTERM, then SIGKILL if it has not exited within 3 s. */
  stop(): Promise<void>
}

/**
 * Starts `node [--import tsx] script args` and waits for a line matching `ready` on its output
 * (bounded by `timeoutMs`): every server and load process of the benchmark starts this way.
 */
export async function startChild(script: string, args: readonly string[], options: { ready: RegExp; timeoutMs?: number; env?: NodeJS.ProcessEnv; ipc?: boolean }): Promise<Child> {
  // BENCH_PROFILE=DIR writes a V8 CPU profile of every child there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []
  const execArgv = [...profile, ...(script.endsWith('.ts') ? ['--import', 'tsx'] : [])]
  const child = spawn(process.execPath, [...execArgv, script, ...args], {
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ready = await new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready after ${options.timeoutMs ?? 30_000} ms:\n${output}`)), options.timeoutMs ?? 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const line = output.split('\n').find((l) => options.ready.test(l))
      if (!line) return
      clearTimeout(timer)
      const match = options.ready.exec(line)!
      const text = match[1] ?? line
      try {
        resolve(JSON.parse(text))
      } catch {
        resolve(text)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`))
    })
  })
  return {
    process: child,
    pid: child.pid!,
    ready,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(killer)
    },
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / clockTicks
}

/** Resident memory of a process, in bytes, from /proc. */
export function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))
  return Number(line?.replace(/\D+/g, '') ?? 0) * 1024
}

/** A port of 127.0.0.1 free right now, for a server that must be started (or restarted) on a known port. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/** CPU seconds used so far by each process whose command is `name` (postgres, redis-server), by pid. */
export function cpuSecondsOf(name: string): Map<number, number> {
  const byPid = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== name) continue
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ')
      byPid.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / clockTicks)
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return byPid
}

/**
 * What those processes used between two readings: a process that ended meanwhile (a PostgreSQL
 * backend of another client) is missing from the second and counts for nothing, never negative.
 */
export function cpuSecondsBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0)
  return total
}
