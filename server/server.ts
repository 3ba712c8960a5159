import { createAdaptorServer } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createCongressStore } from '../db/congress-store.ts'
import { createDocumentLog } from '../db/document-log.ts'
import type { DatabaseHandle } from '../db/connection.ts'
import { createSessionStore } from '../db/session-store.ts'
import { createVoteStore } from '../db/vote-store.ts'
import { createApp } from './app.ts'
import { createRoomCodeLimit } from './auth/room-code-limit.ts'
import { createSignInLimit, type SignInLimit } from './auth/sign-in-limit.ts'
import { CongressHub } from './congress-hub.ts'
import { connectRedisFanout } from './fanout/redis-fanout.ts'
import { createSyncServer, syncPathPrefix, type SyncServer } from './sync/sync-server.ts'

export interface ServerOptions {
  readonly database: DatabaseHandle
  /** The data folder: the seal's keys and the sealed bundles live there. */
  readonly dataDir: string
  readonly port: number
  readonly host?: string
  readonly clientDir?: string
  readonly clock?: () => number
  readonly unloadAfterMs?: number
  readonly loginLimit?: SignInLimit
  /** REDIS_URL: congress events cross to the other processes through Redis. Unset: this process only. */
  readonly redisUrl?: string
}

export interface RunningServer {
  readonly port: number
  readonly url: string
  readonly sync: SyncServer
  readonly hub: CongressHub
  /** Every API route, as METHOD and path pattern: what tests sweep so that no route is left out. */
  readonly routes: readonly { readonly method: string; readonly path: string }[]
  close(): Promise<void>
}

/** Serves the HTTP API, the built client and the sync socket on one port. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const clock = options.clock ?? Date.now
  const { database } = options
  const sessions = createSessionStore(database.sqlite)
  const hub = new CongressHub(createCongressStore(database.sqlite))
  // Before anything listens: an unreachable Redis fails the start (FanoutUnavailable), it does not hang it.
  const fanout = options.redisUrl ? await connectRedisFanout({ url: options.redisUrl }) : undefined
  fanout?.attach(hub)
  const sync = createSyncServer({ log: createDocumentLog(database.sqlite), sessions, hub, clock, unloadAfterMs: options.unloadAfterMs })
  const app = createApp({
    db: database.db,
    sessions,
    clock,
    hub,
    loginLimit: options.loginLimit ?? createSignInLimit(),
    roomCodeLimit: createRoomCodeLimit(),
    docPresence: (congressId) => sync.presence(congressId),
    documents: sync.documents,
    votes: createVoteStore(database.sqlite),
    dataDir: options.dataDir,
    clientDir: options.clientDir,
  })

  const server = createAdaptorServer({ fetch: app.fetch }) as Server
  // Longer than clients' and proxies' own idle timeouts (undici: 4 s, nginx: 60 s), so it is never
  // the server that closes an idle connection just as a client reuses it (ECONNRESET).
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith(syncPathPrefix)) sync.handleUpgrade(req, socket, head)
    else socket.destroy()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      void fanout?.close()
      reject(error)
    })
    // A hall of phones connects at once when a ballot opens: Node's default queue (511) would
    // drop the rest of their SYNs, and each retry waits a whole second.
    server.listen({ port: options.port, host: options.host, backlog: 4096 }, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const shownHost = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host

  return {
    port,
    url: `http://${shownHost}:${port}`,
    sync,
    hub,
    // Hono lists a route once per handler in its chain.
    routes: [...new Map(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map(({ method, path }) => [`${method} ${path}`, { method, path }])).values()],
    async close() {
      sync.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await fanout?.close()
    },
  }
}
