/**
 * The other server processes that hold the same documents open (server/fanout/ implements it on
 * Redis; absent with one process). A process publishes each update once it is stored, and each
 * batch of its own clients' awareness; the others apply them to their rooms and send them on.
 */
export interface DocumentRelay {
  /** Starts receiving what other processes publish for `name`; resolves once subscribed (or failed to, said on stderr). */
  join(name: string, receiver: RelayReceiver): Promise<RoomRelay>
  /** Called after Redis was away and is back: what was published meanwhile is lost, rooms re-read their documents. */
  onResumed(listener: () => void): void
}

export interface RelayReceiver {
  /** An update another process stored. */
  update(update: Uint8Array): void
  awareness(update: Uint8Array): void
  /** A process just opened the document: it asks for the carets and names already there. */
  awarenessQuery(): void
}

/** One room's link to the other processes. */
export interface RoomRelay {
  publishUpdate(update: Uint8Array): void
  publishAwareness(update: Uint8Array): void
  /** Asks the processes holding the document for their clients' awareness (Redis keeps none to replay). */
  queryAwareness(): void
  /** The room is unloaded: stop receiving. */
  leave(): void
}
