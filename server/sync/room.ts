import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { DocumentLog, StoredDocument, WritePremise } from '../../db/document-log.ts'
import type { DocAddress } from '../../shared/docs/doc-name.ts'
import { checkUpdate } from '../../shared/editor/update-check.ts'
import { countTextSize, emptyTextSize, textSizeDelta, type TextSize } from '../../shared/editor/text-size.ts'
import type { Actor } from '../../shared/permissions.ts'
import { participantColor } from '../../shared/participant-color.ts'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import type { Access } from '../../shared/sync/access-message.ts'
import { stampIdentity } from './awareness-identity.ts'
import type { RoomRelay } from './document-relay.ts'
import { TokenBucket } from './token-bucket.ts'
import { awarenessClientIds, decodeMessage, encodeAccess, encodeAwareness, encodeRefusal, encodeSyncStep1, encodeSyncStep2, encodeUpdate, ProtocolError } from './protocol.ts'

/** One client's link to a room, whatever transport carries it. */
export interface Connection {
  /** The session's person: the name is what their cursor shows. */
  readonly actor: Actor & { readonly name: string }
  send(message: Uint8Array): void
  close(code: number, reason: string): void
  /** Set once the server closed it: frames it sent before the close arrived are not handled. */
  closedByServer?: boolean
}

/** The log refused an update: the room no longer matches the disk and must be reloaded. */
export class RoomStoreError extends Error {}

/** The database refused a pending update: a decision forbade it (a freeze, a phase change, a ballot, a ruling) before this process heard of it. */
export class RoomOutdatedError extends RoomStoreError {}

export interface RoomDeps {
  readonly log: DocumentLog
  readonly clock: () => number
  /** The policy: asked for every incoming update, and again when the phase changes. Reads the hub's cache, filled by `ready`. */
  readonly access: (actor: Actor, doc: DocAddress) => Access
  readonly canRead: (actor: Actor, doc: DocAddress) => boolean
  /** What the process knows when it accepts an update (the phase `access` read): stored only while the database agrees. */
  readonly premise: (doc: DocAddress) => WritePremise
  /** Loads what `access` and `canRead` read, when it is not cached; undefined when there is nothing to wait for. */
  readonly ready: (doc: DocAddress, name: string) => Promise<void> | undefined
  /** Told after each batch of updates is stored. */
  readonly changed: (name: string, doc: DocAddress) => void
  /** Told after each batch its connections typed is stored: who typed it (the text's history, server/history/). */
  readonly typed?: (name: string, doc: DocAddress, participantIds: readonly string[]) => void
  /** A batch could not be stored after the event that made it returned: the room must be dropped. */
  readonly storeFailed: (room: Room, error: RoomStoreError) => void
  /** The other processes holding this document (several processes); undefined with one. */
  readonly relay?: RoomRelay
}

/** The origin of what another process stored (an update) or relayed (awareness): sent on, never stored again. */
const remote = Symbol('another process')
/** The origin of what a command of this process stored in its transaction: sent on and relayed, never stored again. */
const committed = Symbol('a committed server change')

/** Awareness messages a connection may send per second, on average and in a burst (a cursor moving). */
const awarenessPerSecond = 30
const awarenessBurst = 60

interface ConnectionState {
  /** The awareness client ids this connection speaks for. */
  readonly awarenessIds: Set<number>
  /** Awareness messages: awarenessPerSecond on average, awarenessBurst at once. */
  readonly awarenessBudget: TokenBucket
  /** What the connection was last told. */
  writable: boolean
}

/**
 * One loaded document and the connections editing it. Accepted updates are gathered for the
 * rest of the event-loop turn, then merged into one, appended to the log, and only then sent
 * to everyone: a burst of keystrokes from a room costs one write and one message per turn
 * instead of one per keystroke per reader, and nothing is seen before it is on disk.
 *
 * Everything that reads or changes the room runs as a task of its queue, one after the other:
 * storing may wait for the database (PostgreSQL), and what arrives meanwhile waits its turn, so a
 * sync answer never includes an update not yet stored and frames are handled in the order they came.
 * On SQLite every task ends within the turn it started in.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly connections = new Map<Connection, ConnectionState>()
  private stateBytes: number
  private logBytes: number
  private pending: Uint8Array[] = []
  /** The people whose updates are pending. */
  private pendingTypists = new Set<string>()
  /** What the first of the pending updates was accepted under: the condition of their append. */
  private pendingPremise: WritePremise | undefined
  /** The end of the queue: each task starts when the one before it has settled. */
  private tail: Promise<unknown> = Promise.resolve()
  private destroyed = false
  private compacting = false
  /** Awareness client ids changed this turn: sent together, as their latest state. */
  private pendingAwareness = new Set<number>()
  /** Of those, the ones this process's own connections changed: only these are relayed. */
  private localAwareness = new Set<number>()
  private flushScheduled: NodeJS.Immediate | undefined
  /** The text's size (characters; marks' and attributes' values), kept by every transaction: what the size caps are checked against. */
  private liveSize: TextSize = emptyTextSize

  constructor(
    readonly name: string,
    readonly address: DocAddress,
    stored: StoredDocument,
    private readonly deps: RoomDeps,
  ) {
    Y.transact(this.doc, () => {
      Y.applyUpdate(this.doc, stored.state)
      for (const update of stored.updates) Y.applyUpdate(this.doc, update)
    })
    this.stateBytes = stored.state.byteLength
    this.logBytes = stored.updates.reduce((sum, u) => sum + u.byteLength, 0)
    this.awareness.setLocalState(null)
    this.liveSize = countTextSize(this.doc)
    this.doc.on('afterTransaction', this.onTransaction)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  get size(): number {
    return this.connections.size
  }

  /** The participants connected, by id (one may have several tabs open). */
  participantIds(): Set<string> {
    return new Set([...this.connections.keys()].map((conn) => conn.actor.participantId))
  }

  /**
   * Runs `task` after every task queued before it, skipped once the room is gone; with `checked`,
   * once the policy's facts are loaded (a task that asks the policy: a join, a frame, a refresh).
   */
  private run<T>(task: () => T | Promise<T>, checked = false): Promise<T | undefined> {
    const result = this.tail.then(async () => {
      if (this.destroyed) return undefined
      const loading = checked ? this.deps.ready(this.address, this.name) : undefined
      if (loading) await loading
      return this.destroyed ? undefined : task()
    })
    this.tail = result.catch(() => undefined)
    return result
  }

  join(conn: Connection): Promise<void> {
    return this.run(() => this.welcome(conn), true).then(() => undefined)
  }

  private welcome(conn: Connection): void {
    const access = this.deps.access(conn.actor, this.address)
    this.connections.set(conn, { awarenessIds: new Set(), writable: access.writable, awarenessBudget: new TokenBucket(awarenessPerSecond, awarenessBurst, this.deps.clock()) })
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    if (!access.writable) conn.send(encodeAccess(access))
    const states = this.awareness.getStates()
    if (states.size > 0) {
      conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])))
    }
  }

  /** Settles once the connection is gone from the room (after whatever it sent before leaving). */
  leave(conn: Connection): Promise<void> {
    return this.run(() => {
      const state = this.connections.get(conn)
      if (!state) return
      this.connections.delete(conn)
      if (state.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...state.awarenessIds], null)
    }).then(() => undefined)
  }

  /** Re-asks the policy for every connection (the phase changed) and tells those whose right changed. */
  refreshAccess(): Promise<void> {
    return this.run(() => this.reassess(), true).then(() => undefined)
  }

  private reassess(): void {
    for (const [conn, state] of this.connections) {
      if (!this.deps.canRead(conn.actor, this.address)) {
        conn.close(CloseCode.Forbidden, 'no longer readable in this phase')
        continue
      }
      const access = this.deps.access(conn.actor, this.address)
      if (access.writable === state.writable) continue
      state.writable = access.writable
      conn.send(encodeAccess(access))
    }
  }

  /** Closes every connection of one participant (their code was revoked). */
  disconnect(participantId: string, code: number, reason: string): void {
    for (const conn of [...this.connections.keys()]) if (conn.actor.participantId === participantId) conn.close(code, reason)
  }

  /**
   * Handles one frame from `conn`, in its turn; a frame that breaks the protocol closes that
   * connection only. Rejects with RoomStoreError when what was pending could not be stored.
   */
  receive(conn: Connection, frame: Uint8Array): Promise<void> {
    return this.run(() => this.handle(conn, frame), true).then(() => undefined)
  }

  private async handle(conn: Connection, frame: Uint8Array): Promise<void> {
    if (!this.connections.has(conn) || conn.closedByServer) return
    try {
      const message = decodeMessage(frame)
      switch (message.type) {
        case 'sync-step-1':
          // Answered from the disk's view: what this socket sent before is stored when it hears back.
          await this.flushNow()
          conn.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)))
          break
        case 'update':
          this.applyFrom(conn, message.update)
          break
        case 'awareness':
          // The cursor's name and colour are the connection's own person's, whatever the client sent.
          if (this.acceptsAwareness(conn, message.update)) awarenessProtocol.applyAwarenessUpdate(this.awareness, stampIdentity(message.update, { name: conn.actor.name, color: participantColor(conn.actor.participantId) }), conn)
          break
        case 'query-awareness':
          conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])))
          break
      }
    } catch (error) {
      if (error instanceof RoomStoreError) throw error
      const reason = error instanceof ProtocolError ? error.message : `bad message: ${(error as Error).message}`
      conn.close(CloseCode.BadMessage, reason.slice(0, 120))
    }
  }

  /**
   * Whether to apply an awareness update from `conn`: it may not speak for a client id another
   * person's connection holds (never remove or impersonate someone else's cursor and name), and only so often; what it may
   * not send is dropped without closing the socket, which an ordinary client never triggers.
   */
  private acceptsAwareness(conn: Connection, update: Uint8Array): boolean {
    const state = this.connections.get(conn)
    if (!state) return false
    if (!state.awarenessBudget.take(this.deps.clock())) return false
    // Another tab (or a reconnection not yet noticed) of the same person may hold the id.
    const someoneElse = (id: number) => [...this.connections].some(([other, s]) => s.awarenessIds.has(id) && other.actor.participantId !== conn.actor.participantId)
    if (awarenessClientIds(update).some(someoneElse)) return false
    return true
  }

  /**
   * An update the server itself made (a merge) and stored in a command's transaction, now committed:
   * applied, sent to this room's connections and to the other processes, never stored again. Until
   * the commit the room knew nothing of it, so no one could see, or send back, a change that might
   * still be rolled back.
   */
  applyCommitted(update: Uint8Array): Promise<void> {
    return this.run(() => Y.applyUpdate(this.doc, update, committed)).then(() => undefined)
  }

  /** An update another process stored: applied and sent to this room's connections, not stored again. */
  applyRemoteUpdate(update: Uint8Array): Promise<void> {
    return this.run(() => Y.applyUpdate(this.doc, update, remote)).then(() => undefined)
  }

  /** Awareness another process relayed (its clients' carets and names, stamped there). */
  applyRemoteAwareness(update: Uint8Array): Promise<void> {
    return this.run(() => awarenessProtocol.applyAwarenessUpdate(this.awareness, update, remote)).then(() => undefined)
  }

  /** Another process opened this document: it gets the carets and names of this process's clients. */
  answerAwarenessQuery(): Promise<void> {
    return this.run(() => {
      const ids = [...this.connections.values()].flatMap((state) => [...state.awarenessIds])
      if (ids.length > 0) this.deps.relay?.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids))
    }).then(() => undefined)
  }

  /**
   * Re-reads the stored document and takes in what this room missed (what other processes
   * published while Redis was away): sent on to the connections like any remote update.
   */
  catchUp(): Promise<void> {
    return this.run(async () => {
      const stored = await this.deps.log.load(this.name)
      if (stored) Y.applyUpdate(this.doc, Y.mergeUpdates([stored.state, ...stored.updates]), remote)
    }).then(() => undefined)
  }

  /** The document as stored: pending updates are written (and sent) first. */
  async encodeState(): Promise<Uint8Array> {
    const state = await this.run(async () => {
      await this.flushNow()
      return Y.encodeStateAsUpdate(this.doc)
    })
    if (!state) throw new RoomStoreError(`${this.name} was unloaded while it was read`)
    return state
  }

  /** Stores (and sends) what is pending, in its turn; rejects with RoomStoreError if it could not be stored. */
  async store(): Promise<void> {
    await this.run(() => this.flushNow())
  }

  private applyFrom(conn: Connection, update: Uint8Array): void {
    // A read-only connection's update is dropped: not applied, not stored, not broadcast.
    if (!this.deps.access(conn.actor, this.address).writable) return
    // Parse the whole update before it touches the shared doc (a malformed one throws here), and
    // refuse one that would leave the text outside the editor schema or over the size cap: the
    // freeze renders every text, so nothing it cannot render may get in.
    const verdict = checkUpdate(this.doc, update, this.liveSize)
    if (!verdict.ok) {
      conn.send(encodeRefusal(verdict.reason))
      return
    }
    this.pendingPremise ??= this.deps.premise(this.address)
    this.pendingTypists.add(conn.actor.participantId)
    Y.applyUpdate(this.doc, update, conn)
    // The check refuses what Yjs would keep pending (a gap, a missing neighbour); should anything
    // still wait, it is dropped: integrated later, when another update fills the gap, it would
    // enter unchecked.
    if (this.doc.store.pendingStructs) this.doc.store.pendingStructs = null
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    const delta = textSizeDelta(transaction)
    if (delta.chars !== 0 || delta.markup !== 0) this.liveSize = { chars: this.liveSize.chars + delta.chars, markup: this.liveSize.markup + delta.markup }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === remote || origin === committed) {
      // Already stored (by another process, or by a command's transaction): only sent on.
      if (origin === committed) {
        this.logBytes += update.byteLength
        this.deps.relay?.publishUpdate(update)
        this.deps.changed(this.name, this.address)
      }
      const message = encodeUpdate(update)
      for (const conn of this.connections.keys()) conn.send(message)
      return
    }
    this.pending.push(update)
    this.flushScheduled ??= setImmediate(this.flushLater)
  }

  private readonly flushLater = (): void => {
    this.flushScheduled = undefined
    // Nothing may escape a setImmediate: whatever failed, the room goes and clients resync from disk.
    this.run(() => this.flushNow()).catch((error: unknown) => {
      this.deps.storeFailed(this, error instanceof RoomStoreError ? error : new RoomStoreError(`could not flush ${this.name}`, { cause: error }))
    })
  }

  /** Stores the updates gathered so far as one, then broadcasts it and the awareness changes. Inside a task only. */
  private async flushNow(): Promise<void> {
    if (this.flushScheduled) clearImmediate(this.flushScheduled)
    this.flushScheduled = undefined
    await this.flushUpdates()
    if (this.pendingAwareness.size === 0) return
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.pendingAwareness]))
    this.pendingAwareness.clear()
    for (const conn of this.connections.keys()) conn.send(message)
    if (this.localAwareness.size === 0) return
    if (this.deps.relay) this.deps.relay.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.localAwareness]))
    this.localAwareness.clear()
  }

  private async flushUpdates(): Promise<void> {
    if (this.pending.length === 0) return
    const update = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending)
    const premise = this.pendingPremise ?? this.deps.premise(this.address)
    const typists = [...this.pendingTypists]
    this.pending = []
    this.pendingTypists.clear()
    this.pendingPremise = undefined
    let stored: boolean
    try {
      stored = await this.deps.log.append(this.name, update, this.deps.clock(), premise)
    } catch (error) {
      // Not on disk, so no one may see it: the room is torn down and clients resync from disk.
      throw new RoomStoreError(`could not store an update of ${this.name}`, { cause: error })
    }
    // A decision that forbids it (a freeze, a phase change, a ballot's opening, a ruling) committed,
    // on another process, before this one heard of it: the room holds a change no one may see, so
    // it goes the same way, and its clients reconnect to a text they may no longer edit.
    if (!stored) throw new RoomOutdatedError(`${this.name}: an update accepted in phase ${premise.phase} came after a decision that forbids it`)
    this.logBytes += update.byteLength
    this.deps.relay?.publishUpdate(update)
    this.deps.changed(this.name, this.address)
    if (typists.length > 0) this.deps.typed?.(this.name, this.address, typists)
    const message = encodeUpdate(update)
    for (const conn of this.connections.keys()) conn.send(message)
    if (this.logBytes > this.stateBytes) this.compactLater()
  }

  /** Compaction folds what the database holds, so it runs beside the queue, in a turn of its own. */
  private compactLater(): void {
    if (this.compacting) return
    this.compacting = true
    setImmediate(() => {
      this.compact()
        .catch((error: unknown) => {
          // The log still holds every update: a failed compaction costs space, not data.
          console.error(`compaction of ${this.name} failed`, error)
        })
        .finally(() => {
          this.compacting = false
        })
    })
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const state = this.connections.get(origin as Connection)
    if (state) {
      for (const id of added) state.awarenessIds.add(id)
      for (const id of removed) state.awarenessIds.delete(id)
    }
    // Every phone renews its presence every 15 s: in a full room, one message per turn, not per phone.
    for (const id of [...added, ...updated, ...removed]) {
      this.pendingAwareness.add(id)
      if (origin !== remote) this.localAwareness.add(id)
    }
    this.flushScheduled ??= setImmediate(this.flushLater)
  }

  /**
   * Folds the stored log into one state. Triggered when the log outweighs the state, so the stored
   * size stays within about twice the compacted size and the cost per update stays constant.
   */
  async compact(): Promise<void> {
    const logBytes = this.logBytes
    if (logBytes === 0) return
    const { stateBytes } = await this.deps.log.compact(this.name, this.deps.clock())
    this.stateBytes = stateBytes
    // What was appended while the compaction ran may not be folded in: it still counts.
    this.logBytes -= logBytes
  }

  /** Closes every connection and releases the doc; the log already holds everything. */
  destroy(code: number = CloseCode.ServerError, reason = 'document unloaded'): void {
    if (this.destroyed) return
    this.destroyed = true
    if (this.flushScheduled) clearImmediate(this.flushScheduled)
    this.flushScheduled = undefined
    this.pending = []
    this.pendingTypists.clear()
    this.pendingAwareness.clear()
    this.localAwareness.clear()
    this.deps.relay?.leave()
    for (const conn of [...this.connections.keys()]) conn.close(code, reason)
    this.connections.clear()
    this.doc.off('update', this.onDocUpdate)
    this.doc.off('afterTransaction', this.onTransaction)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }
}
