/**
 * Close codes the sync socket uses, shared with the client so it can tell
 * "log in again" from "this document does not exist" from a network hiccup.
 */
export const CloseCode = {
  /** No credential, or one that names no live session. */
  Unauthorized: 4401,
  /** The credential is good but not for this document's congress. */
  Forbidden: 4403,
  /** The name addresses no document. */
  NotFound: 4404,
  /** A frame the protocol does not allow: text, undecodable, or an update that does not apply. */
  BadMessage: 4400,
  /** Frame over the size limit (the ws library's own code). */
  TooLarge: 1009,
  /** The server is shutting down, everything stored; the client reconnects when it is back. */
  GoingAway: 1001,
  /** The server could not store an update; the client reconnects to a consistent state. */
  ServerError: 1011,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Codes after which reconnecting with the same credential cannot help. */
export function isFinalClose(code: number): boolean {
  return code === CloseCode.Unauthorized || code === CloseCode.Forbidden || code === CloseCode.NotFound
}

/**
 * Bytes a connection may have waiting to be sent before the server drops it: a phone that stopped
 * reading would otherwise hold every broadcast in the server's memory. Dropped, it reconnects and
 * gets the document in one message.
 */
export const maxBufferedBytes = 4 * 1024 * 1024

/** Largest frame the sync socket accepts. */
export const maxFrameBytes = 1024 * 1024
