import * as encoding from 'lib0/encoding'
import { describe, expect, test } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { decodeMessage, encodeSyncStep2, encodeUpdate, ProtocolError } from '../../server/sync/protocol.ts'

describe('y-websocket message decoding', () => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'bonjour')

  test('reads what y-protocols writes', () => {
    const step1 = encoding.createEncoder()
    encoding.writeVarUint(step1, 0)
    syncProtocol.writeSyncStep1(step1, doc)
    const message = decodeMessage(encoding.toUint8Array(step1))
    expect(message).toEqual({ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) })

    const update = Y.encodeStateAsUpdate(doc)
    expect(decodeMessage(encodeUpdate(update))).toEqual({ type: 'update', update })
    expect(decodeMessage(encodeSyncStep2(update))).toEqual({ type: 'update', update })
    expect(decodeMessage(Uint8Array.of(3))).toEqual({ type: 'query-awareness' })
  })

  test.each([
    ['empty', Uint8Array.of()],
    ['unknown type', Uint8Array.of(7)],
    ['unknown sync step', Uint8Array.of(0, 5, 0)],
    ['length past the end', Uint8Array.of(0, 2, 10, 1)],
    ['trailing bytes', Uint8Array.of(3, 3)],
  ])('rejects %s', (_what, frame) => {
    expect(() => decodeMessage(frame)).toThrow(ProtocolError)
  })
})
