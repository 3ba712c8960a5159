import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Transaction } from 'kysely'
import { WebSocketServer, type WebSocket } from 'ws'
import * as Y from 'yjs'
import type { DocumentLog } from '../../db/document-log.ts'
import type { Database } from '../../db/schema.ts'
import type { SessionStore } from '../../db/session-store.ts'
import { formatDocName, parseDocName, type DocAddress } from '../../shared/docs/doc-name.ts'
import { canRead, writeRefusal, type Actor } from '../../shared/permissions.ts'
import type { Access } from '../../shared/sync/access-message.ts'
import { CloseCode, maxFrameBytes } from '../../shared/sync/close-codes.ts'
import { actorForToken } from '../auth/actor.ts'
import { createLoginRateLimit } from '../auth/login-rate-limit.ts'
import { clientAddress } from '../auth/client-address.ts'
import { readCredential, type Credential } from '../auth/credentials.ts'
import { isCrossOrigin } from '../auth/same-origin.ts'
import type { CongressHub } from '../congress-hub.ts'
import type { TypingMark } from '../history/text-versions.ts'
import { hashToken } from '../ids.ts'
import type { DocumentRelay } from './document-relay.ts'
import { Room, RoomOutdatedError, RoomStoreError, type Connection } from './room.ts'
import { header, socketConnection, toBytes } from './socket-connection.ts'

export interface SyncServerOptions {
  readonly log: DocumentLog
  readonly sessions: SessionStore
  readonly hub: CongressHub
  readonly clock: () => number
  /** How long a document with no connection stays in memory. */
  readonly unloadAfterMs?: number
  /** Interval of keepalive pings; a socket that missed the previous one is dropped. */
  readonly pingIntervalMs?: number
  /** The other processes holding the same documents (REDIS_URL); undefined with one process. */
  readonly relay?: DocumentRelay
  /** Told who typed each stored batch: the pauses in typing that make a text's versions (server/history/). */
  readonly typed?: (name: string, doc: DocAddress, participantIds: readonly string[]) => void
  /** Who typed and is not written yet, for `documents.pendingTyping` (server/history/typing-pauses.ts). */
  readonly pendingTyping?: (name: string) => readonly TypingMark[]
}

/** The documents as the server itself reads and changes them, live rooms included. */
export interface DocumentAccess {
  /** The current state: the loaded room's when someone has it open, else the stored one. */
  read(name: string): Promise<Uint8Array | undefined>
  /**
   * Applies a server-made update as part of a command's transaction: stored through that
   * transaction, so it commits or rolls back with the decision; given to an open room, which sends
   * it to everyone who has the document open, only after the commit.
   */
  applyInTransaction(name: string, update: Uint8Array, tx: TransactionEffects): Promise<void>
  /** The text as the database holds it, inside a decision's transaction (final once the congress's row is held: see DocumentLog.append). */
  readStored(name: string, trx: Transaction<Database>): Promise<Uint8Array | undefined>
  /** Grows with every stored update in this process: what derived data is cached against. */
  revision(name: string): number
  /** Who typed here and is not written yet (server/history/typing-pauses.ts, set by server.ts): a text's version writes them first. */
  pendingTyping?(name: string): readonly TypingMark[]
}

/** What a command's transaction offers a change to a live document (server/commands/command.ts's Tx). */
export interface TransactionEffects {
  readonly trx: Transaction<Database>
  afterCommit(effect: () => void): void
}

export interface SyncServer {
  readonly documents: DocumentAccess
  /** Takes an HTTP upgrade whose path starts with /sync/. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Documents in memory, by name (for tests and metrics). */
  readonly rooms: ReadonlyMap<string, Room>
  /** docName → ids of the participants connected to it, for one congress. */
  presence(congressId: string): Record<string, string[]>
  /** Stores what rooms hold, folds their logs, closes every socket. */
  close(): Promise<void>
}

export const syncPathPrefix = '/sync/'

/** Refused sockets (no valid session) an address may open in a minute; a hall behind one NAT with expired sessions stays under it. */
export const refusedSocketsPerMinute = 60

export function createSyncServer(options: SyncServerOptions): SyncServer {
  const { log, sessions, clock, hub } = options
  const unloadAfterMs = options.unloadAfterMs ?? 10_000
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes, perMessageDeflate: false })
  const rooms = new Map<string, Room>()
  /** Rooms being read from the database: a second socket for the same document waits for the same load. */
  const loading = new Map<string, Promise<Room | undefined>>()
  /** Sockets routed to each document, counted as soon as they arrive: a room is unloaded only when none is. */
  const attached = new Map<string, number>()
  const unloadTimers = new Map<string, NodeJS.Timeout>()
  const alive = new WeakMap<WebSocket, boolean>()
  // Sockets are authenticated in the HTTP upgrade, before a WebSocket exists, so none ever waits
  // unauthenticated with frames buffered. Refusals are counted per address: past the limit, the
  // address gets a bare 429 instead of a WebSocket to close (a valid session still gets in).
  const refused = createLoginRateLimit({ maxFailures: refusedSocketsPerMinute, windowMs: 60_000 })

  // Both read the hub's cache, which `ready` (hub.prepare) fills before a room's task runs.
  const readable = (actor: Actor, doc: DocAddress) => canRead(actor, doc, hub.phaseOf(doc.congressId))
  const access = (actor: Actor, doc: DocAddress): Access => {
    const phase = hub.phaseOf(doc.congressId)
    const name = formatDocName(doc)
    const reason = writeRefusal(actor, doc, phase, doc.kind === 'amendment' ? hub.amendmentAuthorship(name) : undefined)
    // A text put to the vote is locked whatever the phase (the bureau may go back to drafting).
    if (reason !== 'role' && hub.isVoted(doc.congressId, name)) return { writable: false, reason: 'voted', phase }
    return reason ? { writable: false, reason, phase } : { writable: true }
  }
  const premise = (doc: DocAddress) => ({ congressId: doc.congressId, phase: hub.phaseOf(doc.congressId) })
  const ready = (doc: DocAddress, name: string) => hub.prepare(doc.congressId, name, doc.kind)
  // Counted from the hub's event, which every process hears, so what a process derived from a text
  // it does not hold open (amendment lines, digests) is recomputed when another process changes it.
  const revisions = new Map<string, number>()
  const onDocumentChanged = ({ docName }: { docName: string }) => void revisions.set(docName, (revisions.get(docName) ?? 0) + 1)
  hub.on('document-changed', onDocumentChanged)
  const changed = (name: string, doc: DocAddress) => hub.documentChanged(doc.congressId, name, doc.kind)
  // What other processes published while Redis was away is lost: every room re-reads its text.
  options.relay?.onResumed(() => {
    for (const room of rooms.values()) {
      void room.catchUp().catch((error: unknown) => dropRoom(room, error))
      refresh(room)
    }
  })
  const roomsOf = (congressId: string) => [...rooms.values()].filter((room) => room.address.congressId === congressId)
  // A refresh that cannot load the policy's facts (the database away) drops the room: its clients
  // reconnect and are checked afresh, rather than keep rights that may have changed.
  const refresh = (room: Room) => void room.refreshAccess().catch((error: unknown) => dropRoom(room, error))
  const onPhaseChanged = ({ congressId }: { congressId: string }) => {
    for (const room of roomsOf(congressId)) refresh(room)
  }
  const onRevoked = ({ congressId, participantId }: { congressId: string; participantId: string }) => {
    for (const room of roomsOf(congressId)) room.disconnect(participantId, CloseCode.Unauthorized, 'access code revoked')
  }
  const onAmendmentsChanged = ({ docNames }: { docNames: readonly string[] }) => {
    for (const name of docNames) {
      const room = rooms.get(name)
      if (room) refresh(room)
    }
  }
  // Each session's sockets, so that signing out closes them (a revoked code closes a person's).
  const bySession = new Map<string, Set<WebSocket>>()
  const onSessionClosed = ({ tokenHash }: { tokenHash: string }) => {
    for (const ws of bySession.get(tokenHash) ?? []) ws.close(CloseCode.Unauthorized, 'signed out')
  }
  hub.on('phase-changed', onPhaseChanged)
  hub.on('participant-revoked', onRevoked)
  hub.on('session-closed', onSessionClosed)
  hub.on('amendments-changed', onAmendmentsChanged)
  // A ballot that opens locks its texts: open editors learn it at once.
  const onBallotsChanged = ({ congressId }: { congressId: string }) => onPhaseChanged({ congressId })
  hub.on('ballots-changed', onBallotsChanged)

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate()
        continue
      }
      alive.set(ws, false)
      ws.ping()
    }
  }, options.pingIntervalMs ?? 30_000)
  pinger.unref()

  function openRoom(name: string, address: DocAddress): Promise<Room | undefined> {
    const timer = unloadTimers.get(name)
    if (timer) {
      clearTimeout(timer)
      unloadTimers.delete(name)
    }
    const existing = rooms.get(name)
    if (existing) return Promise.resolve(existing)
    let pending = loading.get(name)
    if (!pending) {
      pending = (async () => {
        // Subscribed before the text is read: an update another process stores meanwhile is either
        // in what is read or received here (or both: Yjs takes it once).
        let room: Room | undefined
        const early: ((room: Room) => void)[] = []
        const receive = (apply: (room: Room) => void) => (room ? apply(room) : early.push(apply))
        const relay = await options.relay?.join(name, {
          update: (update) => receive((r) => void r.applyRemoteUpdate(update)),
          awareness: (update) => receive((r) => void r.applyRemoteAwareness(update)),
          awarenessQuery: () => receive((r) => void r.answerAwarenessQuery()),
        })
        try {
          const stored = await log.load(name)
          if (!stored || stored.congressId !== address.congressId || stored.kind !== address.kind) {
            relay?.leave()
            return undefined
          }
          room = new Room(name, address, stored, { log, clock, access, canRead: readable, premise, ready, changed, typed: options.typed, storeFailed: dropRoom, relay })
        } catch (error) {
          relay?.leave()
          throw error
        }
        for (const apply of early) apply(room)
        rooms.set(name, room)
        // Redis keeps nothing: the carets already on the text elsewhere are asked for.
        relay?.queryAwareness()
        return room
      })().finally(() => loading.delete(name))
      loading.set(name, pending)
    }
    return pending
  }

  const attachedTo = (name: string) => attached.get(name) ?? 0

  function scheduleUnload(room: Room): void {
    if (attachedTo(room.name) > 0 || unloadTimers.has(room.name)) return
    const timer = setTimeout(() => {
      unloadTimers.delete(room.name)
      void unload(room)
    }, unloadAfterMs)
    timer.unref()
    unloadTimers.set(room.name, timer)
  }

  async function unload(room: Room): Promise<void> {
    if (attachedTo(room.name) > 0 || rooms.get(room.name) !== room) return
    try {
      await room.store()
    } catch (error) {
      dropRoom(room, error)
      return
    }
    // Someone may have opened it while it was being stored.
    if (attachedTo(room.name) > 0 || rooms.get(room.name) !== room) return
    rooms.delete(room.name)
    room.destroy()
    await room.compact().catch((error: unknown) => console.error(`compaction of ${room.name} failed`, error))
  }

  function dropRoom(room: Room, error: unknown): void {
    const outdated = error instanceof RoomOutdatedError
    if (outdated) console.warn(`sync: ${error.message}; the room reloads from disk`)
    else console.error(`sync: ${room.name} reloads from disk after a storage failure`, error)
    if (rooms.get(room.name) === room) rooms.delete(room.name)
    room.destroy(CloseCode.ServerError, outdated ? 'text locked meanwhile, reconnect' : 'storage failure, reconnect')
    // This process has not heard of the decision yet, or lost the news: it reads the facts again
    // rather than wait, and its other editors of that congress learn their rights.
    if (outdated) {
      hub.forgetCaches()
      for (const other of roomsOf(room.address.congressId)) refresh(other)
    }
  }

  function onConnection(ws: WebSocket, req: IncomingMessage, url: URL, actor: Connection['actor'] | undefined, credential: Credential | undefined): void {
    if (!actor || !credential) return ws.close(CloseCode.Unauthorized, 'unauthorized')
    // A page of another site would open this socket with the browser's cookie (WebSocket has no
    // CORS). The check follows the credential actually used: an empty ?token= is the cookie's.
    const headers = { origin: req.headers.origin, host: req.headers.host, secFetchSite: header(req, 'sec-fetch-site') }
    if (credential.via === 'cookie' && isCrossOrigin(headers)) return ws.close(CloseCode.Forbidden, 'cross-origin socket')

    let docName: string
    try {
      docName = decodeURIComponent(url.pathname.slice(syncPathPrefix.length))
    } catch {
      return ws.close(CloseCode.NotFound, 'no such document')
    }
    const address = parseDocName(docName)
    if (!address) return ws.close(CloseCode.NotFound, 'no such document')

    const conn = socketConnection(ws, actor)
    const tokenHash = hashToken(credential.token)
    const sessionSockets = bySession.get(tokenHash) ?? new Set<WebSocket>()
    sessionSockets.add(ws)
    bySession.set(tokenHash, sessionSockets)
    attached.set(docName, attachedTo(docName) + 1)
    alive.set(ws, true)
    // The room may have to be read from the database first: frames that arrive meanwhile wait on
    // this promise, in the order they came, and go to the room's queue in that order.
    const opened = (async (): Promise<Room | undefined> => {
      await hub.prepare(address.congressId, docName, address.kind)
      if (!readable(actor, address)) return void ws.close(CloseCode.Forbidden, 'not readable by this session')
      const room = await openRoom(docName, address)
      if (!room) return void ws.close(CloseCode.NotFound, 'no such document')
      await room.join(conn)
      hub.presenceChanged(address.congressId)
      return room
    })().catch((error: unknown) => {
      console.error(`sync: ${docName} could not be opened`, error)
      conn.close(CloseCode.ServerError, 'could not open the document')
      return undefined
    })
    const failed = (room: Room) => (error: unknown) => {
      if (error instanceof RoomStoreError) dropRoom(room, error)
      else {
        console.error(`sync: ${docName} failed`, error)
        conn.close(CloseCode.ServerError, 'server error')
      }
    }
    ws.on('pong', () => alive.set(ws, true))
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return conn.close(CloseCode.BadMessage, 'text frames are not part of the protocol')
      // Checked as the frame arrives: a close frame parsed from the same chunk must not drop what came before it.
      if (ws.readyState !== ws.OPEN) return
      const frame = toBytes(data)
      void opened.then((room) => {
        if (!room || conn.closedByServer || rooms.get(docName) !== room) return
        return room.receive(conn, frame).catch(failed(room))
      })
    })
    ws.on('close', () => {
      sessionSockets.delete(ws)
      if (sessionSockets.size === 0 && bySession.get(tokenHash) === sessionSockets) bySession.delete(tokenHash)
      const left = attachedTo(docName) - 1
      if (left > 0) attached.set(docName, left)
      else attached.delete(docName)
      void opened.then(async (room) => {
        if (!room) return
        try {
          await room.leave(conn)
        } catch (error) {
          dropRoom(room, error)
          return
        }
        scheduleUnload(room)
        hub.presenceChanged(address.congressId)
      })
    })
    ws.on('error', () => ws.terminate())
  }

  async function authenticate(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const now = clock()
    const credential = readCredential(url, { cookie: req.headers.cookie, authorization: req.headers.authorization })
    const actor = await actorForToken(sessions, credential?.token, now)
    if (socket.destroyed) return
    if (!actor) {
      const address = clientAddress(req.socket.remoteAddress, { forwardedFor: header(req, 'x-forwarded-for') })
      const wait = refused.retryAfter(address, now)
      if (wait > 0) {
        socket.end(`HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${Math.ceil(wait / 1000)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
        return
      }
      refused.failed(address, now)
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req, url, actor, credential))
  }

  const documents: DocumentAccess = {
    pendingTyping: options.pendingTyping,
    async read(name) {
      const room = rooms.get(name)
      if (room) {
        try {
          return await room.encodeState()
        } catch (error) {
          if (!(error instanceof RoomStoreError)) throw error
          dropRoom(room, error)
        }
      }
      const stored = await log.load(name)
      return stored && Y.mergeUpdates([stored.state, ...stored.updates])
    },
    async applyInTransaction(name, update, tx) {
      const address = parseDocName(name)
      await log.appendInTransaction(tx.trx, name, update, clock())
      // Only once committed does a room learn of it (one loading now may have read the log before
      // the commit: it gets it as a live change; Yjs takes an update once).
      tx.afterCommit(() => {
        const room = rooms.get(name)
        const pending = loading.get(name)
        if (room) void room.applyCommitted(update).catch((error: unknown) => dropRoom(room, error))
        else if (pending) void pending.then((loaded) => loaded?.applyCommitted(update)).catch((error: unknown) => console.error(`sync: ${name} missed a committed change`, error))
        else if (address) changed(name, address)
      })
    },
    readStored: (name, trx) => log.readInTransaction(trx, name),
    revision: (name) => revisions.get(name) ?? 0,
  }

  return {
    rooms,
    documents,
    presence(congressId) {
      const docs: Record<string, string[]> = {}
      for (const room of roomsOf(congressId)) {
        const ids = room.participantIds()
        if (ids.size > 0) docs[room.name] = [...ids]
      }
      return docs
    },
    handleUpgrade(req, socket, head) {
      authenticate(req, socket, head).catch((error: unknown) => {
        console.error('sync: authentication failed', error)
        socket.destroy()
      })
    },
    async close() {
      hub.off('phase-changed', onPhaseChanged)
      hub.off('participant-revoked', onRevoked)
      hub.off('session-closed', onSessionClosed)
      hub.off('amendments-changed', onAmendmentsChanged)
      hub.off('ballots-changed', onBallotsChanged)
      hub.off('document-changed', onDocumentChanged)
      clearInterval(pinger)
      for (const timer of unloadTimers.values()) clearTimeout(timer)
      unloadTimers.clear()
      await Promise.allSettled([...loading.values()])
      const open = [...rooms.values()]
      rooms.clear()
      await Promise.all(
        open.map(async (room) => {
          try {
            await room.store()
            room.destroy(CloseCode.GoingAway, 'server shutting down')
            await room.compact()
          } catch (error) {
            room.destroy(CloseCode.GoingAway, 'server shutting down')
            console.error(`sync: ${room.name} could not be stored at shutdown`, error)
          }
        }),
      )
      for (const ws of wss.clients) ws.terminate()
      wss.close()
    },
  }
}
