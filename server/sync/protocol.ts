import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { authMessageType, authPermissionDenied, authWritable, formatReadOnlyReason, formatRefusal, type Access, type Refusal } from '../../shared/sync/access-message.ts'

/**
 * The y-websocket wire format: one message per frame, a varuint message type, then for sync
 * messages a varuint step and a length-prefixed payload. Kept apart from any policy so it can
 * be read against y-protocols/sync and the reference server.
 */
const messageSync = 0
const messageAwareness = 1
const messageQueryAwareness = 3
const syncStep1 = 0
const syncStep2 = 1
const syncUpdate = 2

export type IncomingMessage =
  | { readonly type: 'sync-step-1'; readonly stateVector: Uint8Array }
  /** Sync step 2 and update carry the same thing: a Yjs update to apply. */
  | { readonly type: 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array }
  | { readonly type: 'query-awareness' }

export class ProtocolError extends Error {}

/** Decodes one frame; throws ProtocolError for anything that is not exactly one known message. */
export function decodeMessage(frame: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(frame)
  let message: IncomingMessage
  try {
    const type = decoding.readVarUint(decoder)
    if (type === messageSync) {
      const step = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (step === syncStep1) message = { type: 'sync-step-1', stateVector: payload }
      else if (step === syncStep2 || step === syncUpdate) message = { type: 'update', update: payload }
      else throw new ProtocolError(`unknown sync step ${step}`)
    } else if (type === messageAwareness) {
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
    } else if (type === messageQueryAwareness) {
      message = { type: 'query-awareness' }
    } else {
      throw new ProtocolError(`unknown message type ${type}`)
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError(`undecodable message: ${(error as Error).message}`)
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message')
  return message
}

/** The client ids an awareness update speaks for (y-protocols' format: count, then id, clock, state). */
export function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update)
  const ids: number[] = []
  try {
    for (let count = decoding.readVarUint(decoder); count > 0; count--) {
      ids.push(decoding.readVarUint(decoder))
      decoding.readVarUint(decoder)
      decoding.readVarString(decoder)
    }
  } catch (error) {
    throw new ProtocolError(`undecodable awareness update: ${(error as Error).message}`)
  }
  return ids
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => syncMessage(syncStep1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array) => syncMessage(syncStep2, update)
export const encodeUpdate = (update: Uint8Array) => syncMessage(syncUpdate, update)

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageAwareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Tells a connection whether its updates are accepted (see shared/sync/access-message.ts). */
export function encodeAccess(access: Access): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, authMessageType)
  if (access.writable) {
    encoding.writeVarUint(encoder, authWritable)
    encoding.writeVarString(encoder, 'writable')
  } else {
    encoding.writeVarUint(encoder, authPermissionDenied)
    encoding.writeVarString(encoder, formatReadOnlyReason(access.reason, access.phase))
  }
  return encoding.toUint8Array(encoder)
}

/** Tells a connection that one of its updates was refused and dropped (see shared/sync/access-message.ts). */
export function encodeRefusal(reason: Refusal): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, authMessageType)
  encoding.writeVarUint(encoder, authPermissionDenied)
  encoding.writeVarString(encoder, formatRefusal(reason))
  return encoding.toUint8Array(encoder)
}
