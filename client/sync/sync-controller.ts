import * as decoding from 'lib0/decoding'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { isPhase } from '../../shared/phases.ts'
import { authMessageType, authPermissionDenied, authWritable, parseReadOnlyReason, parseRefusal, type Access, type Refusal } from '../../shared/sync/access-message.ts'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { SaveAcknowledger } from './save-acknowledger.ts'

export type Connection = 'connecting' | 'connected' | 'offline' | 'denied' | 'missing' | 'closed'

export interface Peer {
  readonly clientId: number
  readonly name: string
  readonly color: string
}

/** Where the sync socket is: the page's own server, by ws: or wss: as the page. */
export function syncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}

/**
 * Owns one document's Y.Doc and socket for as long as its host is on the page. The session
 * cookie authenticates the socket, so no token lives in JavaScript.
 */
export class SyncController implements ReactiveController {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  connection: Connection = 'connecting'
  peers: readonly Peer[] = []
  /** What the server last said about writing; it says nothing while writing is allowed. */
  access: Access = { writable: true }
  /** Whether the document arrived from the server once: until then there is nothing to edit. */
  synced = false
  private readonly acknowledger: SaveAcknowledger

  constructor(
    private readonly host: ReactiveControllerHost,
    docName: string,
    /**
     * The server dropped some of this client's updates: it stopped accepting them while some were
     * not yet stored (the text was locked), or it refused one (`refusal`). The client holds a change
     * the server never will: the host starts again from the server's state.
     */
    private readonly onUnsavedRefused: (refusal?: Refusal) => void = () => undefined,
  ) {
    this.provider = new WebsocketProvider(syncUrl(), docName, this.doc, { connect: false, disableBc: true })
    this.provider.messageHandlers[authMessageType] = (_encoder, decoder) => this.onAccessMessage(decoder)
    this.acknowledger = new SaveAcknowledger(this.doc, () => host.requestUpdate())
    host.addController(this)
  }

  /** Whether the person may type now. */
  get editable(): boolean {
    return this.synced && this.access.writable && this.connection !== 'denied' && this.connection !== 'missing'
  }

  private onAccessMessage(decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder)
    const text = decoding.readVarString(decoder)
    if (kind === authWritable) this.access = { writable: true }
    else if (kind === authPermissionDenied && parseRefusal(text)) {
      // Refused, not read-only: the connection stays writable, the local doc has diverged.
      this.onUnsavedRefused(parseRefusal(text))
    } else if (kind === authPermissionDenied) {
      const parsed = parseReadOnlyReason(text)
      this.access = { writable: false, reason: parsed?.reason ?? 'role', phase: parsed && isPhase(parsed.phase) ? parsed.phase : 'setup' }
      if (this.acknowledger.pending) this.onUnsavedRefused()
    }
    this.host.requestUpdate()
  }

  /** Whether some local edit is not yet confirmed stored by the server. */
  get unsaved(): boolean {
    return this.acknowledger.pending
  }

  hostConnected(): void {
    this.doc.on('update', this.onDocUpdate)
    this.provider.on('status', this.onStatus)
    this.provider.on('sync', this.onSync)
    this.provider.on('closed', this.onClosed)
    this.provider.awareness.on('change', this.onAwareness)
    this.provider.connect()
  }

  hostDisconnected(): void {
    this.provider.disconnect()
    this.doc.off('update', this.onDocUpdate)
    this.provider.off('status', this.onStatus)
    this.provider.off('sync', this.onSync)
    this.provider.off('closed', this.onClosed)
    this.provider.awareness.off('change', this.onAwareness)
    this.acknowledger.destroy()
  }

  /** Releases the document for good (the host is going away). */
  destroy(): void {
    this.hostDisconnected()
    this.provider.destroy()
    this.doc.destroy()
  }

  private readonly onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin !== this.provider) this.acknowledger.noteLocalUpdate()
  }

  private readonly onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    if (status === 'connected' && this.provider.ws) this.acknowledger.attach(this.provider.ws)
    if (status === 'disconnected') this.acknowledger.detach()
    if (this.connection === 'denied' || this.connection === 'missing' || this.connection === 'closed') return
    this.connection = status === 'connected' ? 'connected' : status === 'connecting' && this.connection === 'connecting' ? 'connecting' : 'offline'
    this.host.requestUpdate()
  }

  private readonly onSync = (synced: boolean): void => {
    if (!synced) return
    this.acknowledger.synced()
    if (!this.synced) {
      this.synced = true
      this.host.requestUpdate()
    }
  }

  private readonly onClosed = ({ code }: { code: number }): void => {
    this.connection = code === CloseCode.Unauthorized || code === CloseCode.Forbidden ? 'denied' : code === CloseCode.NotFound ? 'missing' : 'closed'
    this.host.requestUpdate()
  }

  private readonly onAwareness = (): void => {
    const peers: Peer[] = []
    for (const [clientId, state] of this.provider.awareness.getStates()) {
      const user = (state as { user?: { name?: unknown; color?: unknown } }).user
      if (clientId === this.doc.clientID || typeof user?.name !== 'string') continue
      peers.push({ clientId, name: user.name, color: typeof user.color === 'string' ? user.color : '#333' })
    }
    this.peers = peers
    this.host.requestUpdate()
  }
}
