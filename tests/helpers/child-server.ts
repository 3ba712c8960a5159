import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { CongressView, SessionView } from '../../shared/api-types.ts'
import type { ServerForImport } from './participants.ts'
import { waitFor } from './wait-for.ts'

const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))

export interface ChildServer {
  readonly process: ChildProcess
  readonly baseUrl: string
  readonly wsUrl: string
  readonly bureauCode: string
  readonly output: () => string
  /** Sends `signal` and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

/**
 * The bureau codes printed by servers this process started. Plenum prints a code only when it
 * creates it (on a fresh data folder); a restart, or a restored copy, prints none, and signs in
 * with the code printed first: `bureauCode` if given, else the one of the same folder, else the last.
 */
const printedCodes = new Map<string, string>()
let lastPrintedCode: string | undefined

/** `plenum serve` in a child process of its own, on 127.0.0.1: a free port, or `port` (to restart where clients reconnect); `env` is added to this process's. */
export async function startChildServer(dataDir: string, options: { port?: number; bureauCode?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, [plenumBin, 'serve', '--port', String(options.port ?? 0), '--host', '127.0.0.1', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, NODE_ENV: 'test' },
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const found = await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`plenum exited: ${output}`)
      const url = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1]
      const printed = output.match(/\/join#code=([A-Z0-9-]+)/)?.[1]
      const known = /Codes d’accès : affichés une seule fois/.test(output) ? (options.bureauCode ?? printedCodes.get(dataDir) ?? lastPrintedCode) : undefined
      const code = printed ?? known
      if (printed) {
        printedCodes.set(dataDir, printed)
        lastPrintedCode = printed
      }
      return url && code ? { url, code } : undefined
    },
    'plenum to listen',
    30_000,
  )
  return {
    process: child,
    baseUrl: found.url,
    wsUrl: `${found.url.replace('http', 'ws')}/sync`,
    bureauCode: found.code,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

/** Opens a session with an access code on a server at `baseUrl`. */
export async function sessionFor(baseUrl: string, code: string): Promise<SessionView> {
  const response = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
  if (!response.ok) throw new Error(`login failed: ${response.status}`)
  return (await response.json()) as SessionView
}

/** Signs in with the bureau code the server printed: its token and its congress. */
export async function loginChild(server: ChildServer): Promise<{ token: string; congress: CongressView }> {
  const session = await sessionFor(server.baseUrl, server.bureauCode)
  const congress = (await (
    await fetch(`${server.baseUrl}/api/congresses/${session.participant.congressId}`, { headers: { authorization: `Bearer ${session.token}` } })
  ).json()) as CongressView
  return { token: session.token, congress }
}

/** A child server's congress as `importAndSignIn` takes it: people imported there sign in there. */
export function importTarget(server: ChildServer, congressId: string): ServerForImport {
  return { baseUrl: server.baseUrl, seed: { congressId }, login: (code?: string) => sessionFor(server.baseUrl, code ?? server.bureauCode) }
}
