import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { waitFor } from './wait-for.ts'

/** Where the proxy config sends the three processes, and what the tests put in its place. */
export interface ProxyPlaces {
  readonly upstreamPorts: readonly [number, number, number]
  readonly httpsPort: number
  readonly httpPort: number
  readonly certFile: string
  readonly keyFile: string
}

export interface RunningProxy {
  /** What the proxy wrote on its standard streams and error log: why it refused to start. */
  output(): string
  stop(): Promise<void>
}

/**
 * A reverse proxy running a config file of deploy/ as the operator has it, moved to free ports on
 * 127.0.0.1, a test certificate and a private folder. Each response it gives says which process
 * answered (X-Plenum-Upstream): the tests need it, the deployed files must not expose it.
 */
export interface ReverseProxy {
  readonly name: string
  readonly configFile: string
  /** The installed binary, or an error saying how to install it: CI installs it, so missing is a failure. */
  binary(): string
  start(dir: string, places: ProxyPlaces): Promise<RunningProxy>
}

const deployFile = (name: string) => fileURLToPath(new URL(`../../deploy/${name}`, import.meta.url))

function installed(paths: readonly string[], install: string): string {
  const found = paths.find((path) => existsSync(path))
  if (!found) throw new Error(`${paths[0]} is not installed: \`${install}\` (.ci/run installs it)`)
  return found
}

/** Replaces `from`, which the file must hold: a changed deploy file fails here, loudly, instead of running half-rendered. */
function replaceAll(text: string, from: string | RegExp, to: string): string {
  const pattern = typeof from === 'string' ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : from
  if (!pattern.test(text)) throw new Error(`the deploy file no longer contains ${String(from)}: update tests/helpers/reverse-proxies.ts`)
  return text.replace(pattern, to)
}

function renderCommon(text: string, places: ProxyPlaces, upstreamEnd: string): string {
  let out = text
  places.upstreamPorts.forEach((port, i) => (out = replaceAll(out, `127.0.0.1:${3001 + i}${upstreamEnd}`, `127.0.0.1:${port}${upstreamEnd}`)))
  out = replaceAll(out, '/etc/ssl/plenum/fullchain.pem', places.certFile)
  return replaceAll(out, '/etc/ssl/plenum/privkey.pem', places.keyFile)
}

/** A self-signed certificate for 127.0.0.1, made by openssl in `dir`. */
export function selfSignedCertificate(dir: string): { certFile: string; keyFile: string; pem: string } {
  const certFile = join(dir, 'cert.pem')
  const keyFile = join(dir, 'key.pem')
  const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile]
  const made = spawnSync('openssl', args, { encoding: 'utf8', timeout: 30_000 })
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr || made.error?.message}`)
  return { certFile, keyFile, pem: readFileSync(certFile, 'utf8') }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

/** Runs `command` in the foreground until it listens on both ports; its output and `logFile` say why not. */
async function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; ports: readonly number[]; logFile?: string }): Promise<RunningProxy> {
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } })
  let text = ''
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const output = () => text + (options.logFile && existsSync(options.logFile) ? readFileSync(options.logFile, 'utf8') : '')
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}: ${output()}`)
      return (await Promise.all(options.ports.map(portOpen))).every(Boolean)
    }, `${command} to listen`, 15_000)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return {
    output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

export const nginx: ReverseProxy = {
  name: 'nginx',
  configFile: deployFile('nginx.conf'),
  binary: () => installed(['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'], 'apt-get install -y nginx'),
  async start(dir, places) {
    let conf = renderCommon(readFileSync(this.configFile, 'utf8'), places, ';')
    conf = replaceAll(conf, /^\s*listen \[::\]:\d+.*\n/gm, '')
    conf = replaceAll(conf, 'listen 443 ssl', `listen 127.0.0.1:${places.httpsPort} ssl`)
    conf = replaceAll(conf, 'listen 80;', `listen 127.0.0.1:${places.httpPort};`)
    mkdirSync(join(dir, 'temp'), { recursive: true })
    writeFileSync(join(dir, 'plenum.conf'), conf)
    const errorLog = join(dir, 'error.log')
    const temp = (name: string) => `${name}_temp_path ${join(dir, 'temp', name)};`
    const main = [
      // Workers as the user who runs the test (root in CI), so they can write in this private folder.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${errorLog} info;`,
      'events { worker_connections 512; }',
      'http {',
      `  access_log ${join(dir, 'access.log')};`,
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      '  add_header X-Plenum-Upstream $upstream_addr always;',
      `  include ${join(dir, 'plenum.conf')};`,
      '}',
    ].join('\n')
    writeFileSync(join(dir, 'nginx.conf'), main)
    const args = ['-e', errorLog, '-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;']
    return run(this.binary(), args, { ports: [places.httpsPort, places.httpPort], logFile: errorLog })
  },
}

export const caddy: ReverseProxy = {
  name: 'caddy',
  configFile: deployFile('Caddyfile'),
  binary: () => installed(['/usr/bin/caddy', '/usr/local/bin/caddy'], 'apt-get install -y caddy'),
  async start(dir, places) {
    let conf = renderCommon(readFileSync(this.configFile, 'utf8'), places, '')
    const globals = ['admin off', `http_port ${places.httpPort}`, `https_port ${places.httpsPort}`, 'default_sni 127.0.0.1', `storage file_system ${join(dir, 'storage')}`]
    conf = replaceAll(conf, 'auto_https disable_redirects', ['auto_https disable_redirects', ...globals].join('\n\t'))
    conf = replaceAll(conf, 'plenum.example.org {', `https://127.0.0.1:${places.httpsPort} {`)
    conf = replaceAll(conf, 'http:// {', `http://127.0.0.1:${places.httpPort} {`)
    conf = replaceAll(conf, /lb_policy /g, 'header_down X-Plenum-Upstream {http.reverse_proxy.upstream.hostport}\n\t\t\tlb_policy ')
    mkdirSync(dir, { recursive: true })
    const file = join(dir, 'Caddyfile')
    writeFileSync(file, conf)
    // Caddy keeps its state under HOME and XDG folders: this folder, not the machine's.
    const env = { HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') }
    return run(this.binary(), ['run', '--config', file, '--adapter', 'caddyfile'], { env, ports: [places.httpsPort, places.httpPort] })
  },
}
