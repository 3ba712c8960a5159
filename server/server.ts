import { createAdaptorServer } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Redis } from 'ioredis'
import type { DatabaseHandle } from '../db/database-handle.ts'
import { createApp } from './app.ts'
import { createRoomCodeLimit, createSharedRoomCodeLimit } from './auth/room-code-limit.ts'
import { createSharedSignInLimit, createSignInLimit, type SignInLimit } from './auth/sign-in-limit.ts'
import { CongressHub } from './congress-hub.ts'
import type { RedisFanout } from './fanout/redis-fanout.ts'
import { createSyncServer, syncPathPrefix, type SyncServer } from './sync/sync-server.ts'
import { createTypingPauses, typingPauseFromEnv } from './history/typing-pauses.ts'
import type { DocAddress } from '../shared/docs/doc-name.ts'

export interface ServerOptions {
  readonly database: DatabaseHandle
  /** The data folder: the seal's keys and the sealed bundles live there. */
  readonly dataDir: string
  readonly port: number
  readonly host?: string
  readonly clientDir?: string
  readonly clock?: () => number
  readonly unloadAfterMs?: number
  /** How long typing must stop before a text's version is taken (default: PLENUM_TYPING_PAUSE_MS, else a minute). */
  readonly typingPauseMs?: number
  readonly loginLimit?: SignInLimit
  /** REDIS_URL: congress events cross to the other processes through Redis. Unset: this process only. */
  readonly redisUrl?: string
  /** Before every Redis channel and key (`plenum:` by default): deployments sharing one Redis, or tests, take one each. */
  readonly redisPrefix?: string
}

export interface RunningServer {
  readonly port: number
  readonly url: string
  readonly sync: SyncServer
  readonly hub: CongressHub
  /** With REDIS_URL: this process's id in Redis (its connections are named plenum-pub-<id>, plenum-sub-<id>). */
  readonly fanoutOrigin?: string
  /** Every API route, as METHOD and path pattern: what tests sweep so that no route is left out. */
  readonly routes: readonly { readonly method: string; readonly path: string }[]
  close(): Promise<void>
}

/** Serves the HTTP API, the built client and the sync socket on one port. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const clock = options.clock ?? Date.now
  const { database } = options
  const { sessions } = database
  const hub = new CongressHub(database.congresses)
  /** What the start has opened so far, closed in reverse if a later step fails (and by close()). */
  const opened: (() => Promise<unknown>)[] = []
  const closeOpened = async () => {
    for (const close of opened.reverse().splice(0)) await close().catch(() => undefined)
  }
  let fanout: RedisFanout | undefined
  let limitRedis: Redis | undefined
  try {
    // Several processes on one PostgreSQL must share their events: without Redis, only one may serve.
    opened.push(await database.claimServer(options.redisUrl !== undefined))
    if (options.redisUrl) {
      // Loaded only with REDIS_URL: ioredis is memory a process on its own never needs.
      const [{ connectRedisFanout }, { closeRedis, connectRedis }] = await Promise.all([import('./fanout/redis-fanout.ts'), import('./fanout/redis-connection.ts')])
      // Before anything listens: an unreachable Redis fails the start, it does not hang it.
      const connected = await connectRedisFanout({ url: options.redisUrl, channelPrefix: options.redisPrefix })
      fanout = connected
      opened.push(() => connected.close())
      fanout.attach(hub)
      // The sign-in and room-code limits count in the same Redis: a second process is not a second chance.
      // A check waits 2 s at most: past it the attempt is refused (503), never let through uncounted.
      const limits = await connectRedis({ url: options.redisUrl, name: 'plenum-limits', whileAway: 'sign-ins and room codes are refused (503)', commandTimeoutMs: 2_000 })
      limitRedis = limits
      opened.push(() => closeRedis(limits))
    }
  } catch (error) {
    await closeOpened()
    throw error
  }
  const limitKeys = { keyPrefix: options.redisPrefix && `${options.redisPrefix}limit:` }
  const pauses = createTypingPauses({ db: database.db, log: database.documents, clock, pauseMs: options.typingPauseMs ?? typingPauseFromEnv() })
  // Only base texts have a history (an amendment's text is its diff, and no route reads its versions).
  const typed = (name: string, doc: DocAddress, participantIds: readonly string[]) => {
    if (doc.kind === 'preamble' || doc.kind === 'proposal') pauses.typed(name, doc.congressId, participantIds)
  }
  const sync = createSyncServer({ log: database.documents, sessions, hub, clock, unloadAfterMs: options.unloadAfterMs, relay: fanout?.documents, typed, pendingTyping: pauses.pending })
  const localPresence = (congressId: string) => ({ online: hub.onlineIds(congressId), docs: sync.presence(congressId) })
  const app = createApp({
    db: database.db,
    sessions,
    clock,
    hub,
    loginLimit: options.loginLimit ?? (limitRedis ? createSharedSignInLimit(limitRedis, limitKeys) : createSignInLimit()),
    roomCodeLimit: limitRedis ? createSharedRoomCodeLimit(limitRedis, limitKeys) : createRoomCodeLimit(),
    presence: fanout ? fanout.sharePresence(localPresence) : async (congressId) => localPresence(congressId),
    // The one documents object: tests and caches (WeakMaps keyed by it) see what the app uses.
    documents: sync.documents,
    votes: database.createVoteStore(),
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
      void closeOpened()
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
    fanoutOrigin: fanout?.origin,
    // Hono lists a route once per handler in its chain.
    routes: [...new Map(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map(({ method, path }) => [`${method} ${path}`, { method, path }])).values()],
    async close() {
      await sync.close()
      await pauses.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await closeOpened()
    },
  }
}
