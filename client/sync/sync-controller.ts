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

export interface SyncOptions {
  /** Every change of the document, local or from the server. */
  readonly onChange?: () => void
  /**
   * The server dropped some of this client's updates: it stopped accepting them while some were
   * not yet stored (the text was locked), or it refused one (`refusal`). The client holds a change
   * the server never will: the host starts again from the server's state (`reload`).
   */
  readonly onUnsavedRefused?: (refusal?: Refusal) => void
}

/** One document followed over one socket: what the controller opens and throws away as a whole. */
interface OpenDoc {
  readonly name: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly acknowledger: SaveAcknowledger
}

/**
 * Follows one document (a Y.Doc and its socket) for as long as its host is on the page: it opens
 * it when the host connects, destroys it when the host leaves, and follows the host to another
 * document with `setDoc` (called from the host's willUpdate). The session cookie authenticates the
 * socket, so no token lives in JavaScript.
 */
export class SyncController implements ReactiveController {
  connection: Connection = 'connecting'
  peers: readonly Peer[] = []
  /** What the server last said about writing; it says nothing while writing is allowed. */
  access: Access = { writable: true }
  /** Whether the document arrived from the server once: until then there is nothing to edit. */
  synced = false
  /** The connection came back after being lost, and nothing was typed since: the page may say so. */
  reconnected = false
  private docName: string | undefined
  private opened: OpenDoc | undefined
  private hostOnPage = false

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SyncOptions = {},
  ) {
    host.addController(this)
  }

  /** The document followed now; a new Y.Doc after each `setDoc`, `reload` or return of the host. */
  get doc(): Y.Doc | undefined {
    return this.opened?.doc
  }

  get provider(): WebsocketProvider | undefined {
    return this.opened?.provider
  }

  /** Follows another document (none: `undefined`); the same name again changes nothing. */
  setDoc(name: string | undefined): void {
    if (name === this.docName) return
    this.docName = name
    if (this.hostOnPage) this.open()
  }

  /** Starts again from the server's state: a new Y.Doc, local edits dropped. */
  reload(): void {
    if (this.hostOnPage) this.open()
  }

  hostConnected(): void {
    this.hostOnPage = true
    window.addEventListener('offline', this.onBrowserOffline)
    window.addEventListener('online', this.onBrowserOnline)
    this.open()
  }

  hostDisconnected(): void {
    this.hostOnPage = false
    window.removeEventListener('offline', this.onBrowserOffline)
    window.removeEventListener('online', this.onBrowserOnline)
    this.close()
  }

  /** Whether the person may type now. */
  get editable(): boolean {
    return this.synced && this.access.writable && this.connection !== 'denied' && this.connection !== 'missing'
  }

  /** Whether some local edit is not yet confirmed stored by the server. */
  get unsaved(): boolean {
    return this.opened?.acknowledger.pending ?? false
  }

  /** How many local edits wait for the server (one per editor transaction: a keystroke, a paste, a bold). */
  get pendingCount(): number {
    return this.opened?.acknowledger.pendingCount ?? 0
  }

  /** Denied, missing or closed by the server: no network event changes what the page says then. */
  private get ended(): boolean {
    return this.connection === 'denied' || this.connection === 'missing' || this.connection === 'closed'
  }

  /**
   * The browser lost its network: say so at once rather than when the socket times out (the
   * provider notices a dead socket only after 30 s without a message), and start a fresh socket,
   * which fails while offline and is retried by the provider; edits wait in the Y.Doc meanwhile.
   */
  private readonly onBrowserOffline = (): void => {
    const opened = this.opened
    if (!opened || this.ended) return
    this.connection = 'offline'
    opened.provider.disconnect()
    opened.provider.connect()
    this.host.requestUpdate()
  }

  /** The network is back: try now rather than at the provider's next backoff. */
  private readonly onBrowserOnline = (): void => {
    const opened = this.opened
    if (!opened || this.ended || opened.provider.wsconnected) return
    opened.provider.disconnect()
    opened.provider.connect()
  }

  private open(): void {
    this.close()
    const name = this.docName
    if (name === undefined) return
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncUrl(), name, doc, { connect: false, disableBc: true })
    provider.messageHandlers[authMessageType] = (_encoder, decoder) => this.onAccessMessage(decoder)
    const acknowledger = new SaveAcknowledger(doc, () => this.host.requestUpdate())
    this.opened = { name, doc, provider, acknowledger }
    doc.on('update', this.onDocUpdate)
    provider.on('status', this.onStatus)
    provider.on('sync', this.onSync)
    provider.on('closed', this.onClosed)
    provider.awareness.on('change', this.onAwareness)
    provider.connect()
    this.host.requestUpdate()
  }

  private close(): void {
    const opened = this.opened
    if (!opened) return
    this.opened = undefined
    opened.doc.off('update', this.onDocUpdate)
    opened.provider.off('status', this.onStatus)
    opened.provider.off('sync', this.onSync)
    opened.provider.off('closed', this.onClosed)
    opened.provider.awareness.off('change', this.onAwareness)
    opened.acknowledger.destroy()
    opened.provider.destroy()
    opened.doc.destroy()
    this.connection = 'connecting'
    this.peers = []
    this.access = { writable: true }
    this.synced = false
    this.reconnected = false
    this.host.requestUpdate()
  }

  private onAccessMessage(decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder)
    const text = decoding.readVarString(decoder)
    if (kind === authWritable) this.access = { writable: true }
    else if (kind === authPermissionDenied && parseRefusal(text)) {
      // Refused, not read-only: the connection stays writable, the local doc has diverged.
      this.options.onUnsavedRefused?.(parseRefusal(text))
    } else if (kind === authPermissionDenied) {
      const parsed = parseReadOnlyReason(text)
      this.access = { writable: false, reason: parsed?.reason ?? 'role', phase: parsed && isPhase(parsed.phase) ? parsed.phase : 'setup' }
      if (this.unsaved) this.options.onUnsavedRefused?.()
    }
    this.host.requestUpdate()
  }

  private readonly onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    const opened = this.opened
    if (opened && origin !== opened.provider) {
      this.reconnected = false
      opened.acknowledger.noteLocalUpdate()
    }
    this.options.onChange?.()
  }

  private readonly onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    const opened = this.opened
    if (!opened) return
    if (status === 'connected' && opened.provider.ws) opened.acknowledger.attach(opened.provider.ws)
    if (status === 'disconnected') opened.acknowledger.detach()
    if (this.ended) return
    if (status === 'connected' && this.connection === 'offline') this.reconnected = true
    this.connection = status === 'connected' ? 'connected' : status === 'connecting' && this.connection === 'connecting' ? 'connecting' : 'offline'
    this.host.requestUpdate()
  }

  private readonly onSync = (synced: boolean): void => {
    if (!synced || !this.opened) return
    this.opened.acknowledger.synced()
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
    const opened = this.opened
    if (!opened) return
    const peers: Peer[] = []
    for (const [clientId, state] of opened.provider.awareness.getStates()) {
      const user = (state as { user?: { name?: unknown; color?: unknown } }).user
      if (clientId === opened.doc.clientID || typeof user?.name !== 'string') continue
      peers.push({ clientId, name: user.name, color: typeof user.color === 'string' ? user.color : '#333' })
    }
    this.peers = peers
    this.host.requestUpdate()
  }
}
