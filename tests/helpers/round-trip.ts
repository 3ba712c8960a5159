import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { TestClient } from './providers.ts'

/**
 * Resolves once the server has handled everything this client sent before: the server answers
 * a sync step 1 in order, after the messages ahead of it.
 */
export function roundTrip(client: TestClient): Promise<void> {
  const ws = client.provider.ws
  if (!ws) return Promise.reject(new Error('not connected'))
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const data = new Uint8Array(event.data as ArrayBuffer)
      if (data[0] === 0 && data[1] === syncProtocol.messageYjsSyncStep2) {
        ws.removeEventListener('message', onMessage)
        resolve()
      }
    }
    ws.addEventListener('message', onMessage)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep1(encoder, client.doc)
    ws.send(encoding.toUint8Array(encoder))
  })
}
