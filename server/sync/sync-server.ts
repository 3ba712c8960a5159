import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import * as Y from 'yjs'
import type { DocumentLog } from '../../db/document-log.ts'
import type { SessionStore } from '../../db/session-store.ts'
import { formatDocName, parseDocName, type DocAddress } from '../../shared/docs/doc-name.ts'
import { canRead, writeRefusal, type Actor } from '../../shared/permissions.ts'
import type { Access } from '../../shared/sync/access-message.ts'
import { CloseCode, maxBufferedBytes, maxFrameBytes } from '../../shared/sync/close-codes.ts'
import { actorForToken } from '../auth/actor.ts'
import { createLoginRateLimit } from '../auth/login-rate-limit.ts'
import { clientAddress } from '../auth/client-address.ts'
import { readCredential, type Credential } from '../auth/credentials.ts'
import { isCrossOrigin } from '../auth/same-origin.ts'
import type { CongressHub } from '../congress-hub.ts'
import { hashToken } from '../ids.ts'
import { Room, RoomStoreError, type Connection } from './room.ts'

export interface SyncServerOptions {
  readonly log: DocumentLog
  readonly sessions: SessionStore
  readonly hub: CongressHub
  readonly clock: () => number
  /** How long a document with no connection stays in memory. */
  readonly unloadAfterMs?: number
  /** Interval of keepalive pings; a socket that missed the previous one is dropped. */
  readonly pingIntervalMs?: number
}

/** The documents as the server itself reads and changes them, live rooms included. */
export interface DocumentAccess {
  /** The current state: the loaded room's when someone has it open, else the stored one. */
  read(name: string): Uint8Array | undefined
  /**
   * Applies a server-made update as part of a command's transaction: stored at once on the
   * database's own connection, so it commits or rolls back with the decision; sent to everyone who
   * has the document open only after the commit. On a rollback, an open room (whose Y.Doc already
   * holds the update) is dropped: its clients reconnect to the text as the database has it.
   */
  applyInTransaction(name: string, update: Uint8Array, tx: TransactionEffects): void
  /** Grows with every stored update in this process: what derived data is cached against. */
  revision(name: string): number
}

/** What a command's transaction offers a change made outside SQLite (server/commands/command.ts's Tx). */
export interface TransactionEffects {
  afterCommit(effect: () => void): void
  onRollback(effect: () => void): void
}

export interface SyncServer {
  readonly documents: DocumentAccess
  /** Takes an HTTP upgrade whose path starts with /sync/. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Documents in memory, by name (for tests and metrics). */
  readonly rooms: ReadonlyMap<string, Room>
  /** docName → ids of the participants connected to it, for one congress. */
  presence(congressId: string): Record<string, string[]>
  close(): void
}

export const syncPathPrefix = '/sync/'

/** Refused sockets (no valid session) an address may open in a minute; a hall behind one NAT with expired sessions stays under it. */
export const refusedSocketsPerMinute = 60

export function createSyncServer(options: SyncServerOptions): SyncServer {
  const { log, sessions, clock, hub } = options
  const unloadAfterMs = options.unloadAfterMs ?? 10_000
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes, perMessageDeflate: false })
  const rooms = new Map<string, Room>()
  const unloadTimers = new Map<string, NodeJS.Timeout>()
  const alive = new WeakMap<WebSocket, boolean>()
  // Sockets are authenticated in the HTTP upgrade, before a WebSocket exists, so none ever waits
  // unauthenticated with frames buffered. Refusals are counted per address: past the limit, the
  // address gets a bare 429 instead of a WebSocket to close (a valid session still gets in).
  const refused = createLoginRateLimit({ maxFailures: refusedSocketsPerMinute, windowMs: 60_000 })

  const readable = (actor: Actor, doc: DocAddress) => canRead(actor, doc, hub.phaseOf(doc.congressId))
  const access = (actor: Actor, doc: DocAddress): Access => {
    const phase = hub.phaseOf(doc.congressId)
    const name = formatDocName(doc)
    const reason = writeRefusal(actor, doc, phase, doc.kind === 'amendment' ? hub.amendmentAuthorship(name) : undefined)
    // A text put to the vote is locked whatever the phase (the bureau may go back to drafting).
    if (reason !== 'role' && hub.isVoted(doc.congressId, name)) return { writable: false, reason: 'voted', phase }
    return reason ? { writable: false, reason, phase } : { writable: true }
  }
  const revisions = new Map<string, number>()
  const changed = (name: string, doc: DocAddress) => {
    revisions.set(name, (revisions.get(name) ?? 0) + 1)
    hub.documentChanged(doc.congressId, name, doc.kind)
  }
  const roomsOf = (congressId: string) => [...rooms.values()].filter((room) => room.address.congressId === congressId)
  const onPhaseChanged = ({ congressId }: { congressId: string }) => {
    for (const room of roomsOf(congressId)) room.refreshAccess()
  }
  const onRevoked = ({ congressId, participantId }: { congressId: string; participantId: string }) => {
    for (const room of roomsOf(congressId)) room.disconnect(participantId, CloseCode.Unauthorized, 'access code revoked')
  }
  const onAmendmentsChanged = ({ docNames }: { docNames: readonly string[] }) => {
    for (const name of docNames) rooms.get(name)?.refreshAccess()
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

  function openRoom(name: string, address: NonNullable<ReturnType<typeof parseDocName>>): Room | undefined {
    const timer = unloadTimers.get(name)
    if (timer) {
      clearTimeout(timer)
      unloadTimers.delete(name)
    }
    const existing = rooms.get(name)
    if (existing) return existing
    const stored = log.load(name)
    if (!stored || stored.congressId !== address.congressId || stored.kind !== address.kind) return undefined
    const room = new Room(name, address, stored, { log, clock, access, canRead: readable, changed, storeFailed: dropRoom })
    rooms.set(name, room)
    return room
  }

  function scheduleUnload(room: Room): void {
    if (room.size > 0 || unloadTimers.has(room.name)) return
    const timer = setTimeout(() => {
      unloadTimers.delete(room.name)
      if (room.size > 0 || rooms.get(room.name) !== room) return
      rooms.delete(room.name)
      room.compact()
      room.destroy()
    }, unloadAfterMs)
    timer.unref()
    unloadTimers.set(room.name, timer)
  }

  function dropRoom(room: Room, error: unknown): void {
    console.error(`sync: ${room.name} reloads from disk after a storage failure`, error)
    rooms.delete(room.name)
    room.destroy(CloseCode.ServerError, 'storage failure, reconnect')
  }

  /** A change the room holds was rolled back in the database: its clients reconnect to the stored text. */
  function reloadRoom(room: Room): void {
    if (rooms.get(room.name) !== room) return
    rooms.delete(room.name)
    room.destroy(CloseCode.ServerError, 'change rolled back, reconnect')
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
    if (!readable(actor, address)) return ws.close(CloseCode.Forbidden, 'not readable by this session')
    const room = openRoom(docName, address)
    if (!room) return ws.close(CloseCode.NotFound, 'no such document')

    const conn = socketConnection(ws, actor)
    const tokenHash = hashToken(credential.token)
    const sessionSockets = bySession.get(tokenHash) ?? new Set<WebSocket>()
    sessionSockets.add(ws)
    bySession.set(tokenHash, sessionSockets)
    alive.set(ws, true)
    ws.on('pong', () => alive.set(ws, true))
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return conn.close(CloseCode.BadMessage, 'text frames are not part of the protocol')
      if (ws.readyState !== ws.OPEN || rooms.get(docName) !== room) return
      try {
        room.receive(conn, toBytes(data))
      } catch (error) {
        if (error instanceof RoomStoreError) dropRoom(room, error)
        else throw error
      }
    })
    ws.on('close', () => {
      sessionSockets.delete(ws)
      if (sessionSockets.size === 0 && bySession.get(tokenHash) === sessionSockets) bySession.delete(tokenHash)
      room.leave(conn)
      scheduleUnload(room)
      hub.presenceChanged(address.congressId)
    })
    ws.on('error', () => ws.terminate())
    room.join(conn)
    hub.presenceChanged(address.congressId)
  }

  const documents: DocumentAccess = {
    read(name) {
      const room = rooms.get(name)
      if (room) {
        try {
          return room.encodeState()
        } catch (error) {
          if (!(error instanceof RoomStoreError)) throw error
          dropRoom(room, error)
        }
      }
      const stored = log.load(name)
      return stored && Y.mergeUpdates([stored.state, ...stored.updates])
    },
    applyInTransaction(name, update, tx) {
      const address = parseDocName(name)
      const room = rooms.get(name)
      if (!room) {
        log.append(name, update, clock())
        if (address) tx.afterCommit(() => changed(name, address))
        return
      }
      // Registered before the update touches the room: if storing it fails, the rollback drops it.
      tx.onRollback(() => reloadRoom(room))
      const release = room.stageFromServer(update)
      tx.afterCommit(release)
    },
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
      const url = new URL(req.url ?? '/', 'http://localhost')
      const now = clock()
      const credential = readCredential(url, { cookie: req.headers.cookie, authorization: req.headers.authorization })
      const actor = actorForToken(sessions, credential?.token, now)
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
    },
    close() {
      hub.off('phase-changed', onPhaseChanged)
      hub.off('participant-revoked', onRevoked)
      hub.off('session-closed', onSessionClosed)
      hub.off('amendments-changed', onAmendmentsChanged)
      hub.off('ballots-changed', onBallotsChanged)
      clearInterval(pinger)
      for (const timer of unloadTimers.values()) clearTimeout(timer)
      unloadTimers.clear()
      for (const room of rooms.values()) {
        room.compact()
        room.destroy(CloseCode.GoingAway, 'server shutting down')
      }
      rooms.clear()
      for (const ws of wss.clients) ws.terminate()
      wss.close()
    },
  }
}

function socketConnection(ws: WebSocket, actor: Connection['actor']): Connection {
  return {
    actor,
    send(message) {
      if (ws.readyState !== ws.OPEN) return
      if (ws.bufferedAmount > maxBufferedBytes) ws.terminate()
      else ws.send(message)
    },
    close(code, reason) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason)
    },
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}
