import type { IncomingMessage } from 'node:http'
import type { WebSocket } from 'ws'
import { maxBufferedBytes } from '../../shared/sync/close-codes.ts'
import type { Connection } from './room.ts'

/** A room's connection over a WebSocket: a reader that stops reading is dropped once 4 MB wait for it. */
export function socketConnection(ws: WebSocket, actor: Connection['actor']): Connection {
  return {
    actor,
    closedByServer: false,
    send(message) {
      if (ws.readyState !== ws.OPEN) return
      if (ws.bufferedAmount > maxBufferedBytes) ws.terminate()
      else ws.send(message)
    },
    close(code, reason) {
      this.closedByServer = true
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason)
    },
  }
}

/** One request header's value (the first, when repeated). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** A frame's bytes, whichever form ws gives them in. */
export function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}
