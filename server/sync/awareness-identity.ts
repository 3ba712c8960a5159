import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { ProtocolError } from './protocol.ts'

/** Who a cursor belongs to, as every screen shows it. */
export interface CursorUser {
  readonly name: string
  readonly color: string
}

/**
 * Rewrites an awareness update (y-protocols' format: count, then client id, clock, JSON state)
 * so that every state it carries names the connection's own person: whatever `user` a client
 * sends, others see its real name and colour. A removal (state null) passes as it is.
 */
export function stampIdentity(update: Uint8Array, user: CursorUser): Uint8Array {
  const decoder = decoding.createDecoder(update)
  const encoder = encoding.createEncoder()
  try {
    const count = decoding.readVarUint(decoder)
    encoding.writeVarUint(encoder, count)
    for (let i = 0; i < count; i++) {
      encoding.writeVarUint(encoder, decoding.readVarUint(decoder))
      encoding.writeVarUint(encoder, decoding.readVarUint(decoder))
      const state: unknown = JSON.parse(decoding.readVarString(decoder))
      if (state === null) {
        encoding.writeVarString(encoder, 'null')
        continue
      }
      const fields = typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : {}
      encoding.writeVarString(encoder, JSON.stringify({ ...fields, user: { name: user.name, color: user.color } }))
    }
  } catch (error) {
    throw new ProtocolError(`undecodable awareness update: ${(error as Error).message}`)
  }
  return encoding.toUint8Array(encoder)
}
