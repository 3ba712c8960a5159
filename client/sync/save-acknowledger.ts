import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'

const messageSync = 0

/**
 * Knows when this client's edits are on the server's disk. The server handles a socket's
 * messages in order and stores each update before it answers anything, so when it answers a
 * sync step 1 sent after some edits, those edits are stored. Steps 1 and their answers pair up
 * in order on one socket; the provider's own step 1 (sent on open) is answered first.
 */
export class SaveAcknowledger {
  private localSeq = 0
  private ackedSeq = 0
  /** Outstanding step 1s on the current socket: ours carry the local sequence they acknowledge. */
  private outstanding: (number | null)[] = []
  private socket: WebSocket | null = null
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly doc: Y.Doc,
    private readonly onChange: () => void,
    private readonly debounceMs = 250,
  ) {}

  get pending(): boolean {
    return this.ackedSeq < this.localSeq
  }

  /** How many local edits (one per editor transaction) the server has not yet confirmed stored. */
  get pendingCount(): number {
    return this.localSeq - this.ackedSeq
  }

  /** A local edit happened. */
  noteLocalUpdate(): void {
    this.localSeq += 1
    this.onChange()
    this.schedule()
  }

  /** The provider opened `socket` and is about to send its own step 1. */
  attach(socket: WebSocket): void {
    this.detach()
    this.socket = socket
    this.outstanding = [null]
    socket.addEventListener('message', this.onMessage)
  }

  /** The provider finished its initial exchange: ask for an acknowledgement of what was edited offline. */
  synced(): void {
    if (this.pending) this.schedule(0)
  }

  detach(): void {
    this.socket?.removeEventListener('message', this.onMessage)
    this.socket = null
    this.outstanding = []
  }

  destroy(): void {
    clearTimeout(this.timer)
    this.detach()
  }

  private schedule(delay = this.debounceMs): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.request(), delay)
  }

  private request(): void {
    const socket = this.socket
    if (!socket || socket.readyState !== WebSocket.OPEN || !this.pending) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageSync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.outstanding.push(this.localSeq)
    socket.send(encoding.toUint8Array(encoder))
  }

  private readonly onMessage = (event: MessageEvent): void => {
    if (!(event.data instanceof ArrayBuffer)) return
    const decoder = decoding.createDecoder(new Uint8Array(event.data))
    if (decoding.readVarUint(decoder) !== messageSync) return
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return
    const seq = this.outstanding.shift()
    if (seq != null && seq > this.ackedSeq) {
      this.ackedSeq = seq
      this.onChange()
    }
  }
}
