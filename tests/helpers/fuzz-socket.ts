import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { FuzzFrame, SchemaFrame } from './socket-fuzz.ts'

/**
 * A sync step 1 carrying what the fuzzer already holds of the document: the server answers it with
 * a step 2 (type 0, step 1) of only what is new, so probes stay small however long the text grows.
 */
function probe(known: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(known))
  return encoding.toUint8Array(encoder)
}

/** Keeps `known` up to date with every update the server sends (step 2 answers and broadcasts); counts refusals. */
function follow(socket: WebSocket, known: Y.Doc, onRefused: () => void): void {
  socket.on('message', (data: Buffer) => {
    // y-websocket's auth message, "permission denied", reason refused:schema or refused:size.
    if (data[0] === 2 && data[1] === 0 && data.subarray(2).toString('utf8').includes('refused:')) onRefused()
    if (data[0] !== 0 || (data[1] !== 1 && data[1] !== 2)) return
    try {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      Y.applyUpdate(known, decoding.readVarUint8Array(decoder))
    } catch {
      // Not ours to judge: the fuzz is about the server.
    }
  })
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.once('open', () => {
      // Later errors (a reset after a close) are the server's answer, not a failure of the fuzzer.
      socket.on('error', () => undefined)
      resolve(socket)
    })
    socket.once('error', reject)
  })
}

/** Resolves 'answered' when the server answers the probe sent after a frame, 'closed' if it closed the socket first. */
function outcome(socket: WebSocket): Promise<'answered' | 'closed'> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) done('answered')
    }
    const onClose = () => done('closed')
    const done = (result: 'answered' | 'closed') => {
      socket.off('message', onMessage)
      socket.off('close', onClose)
      resolve(result)
    }
    socket.on('message', onMessage)
    socket.on('close', onClose)
  })
}

export interface FuzzReport {
  readonly sent: number
  /** Frames after which the server closed that socket (the expected answer to a bad frame). */
  readonly closed: number
  /** Frames the server read and let pass (a read-only update dropped, a harmless awareness). */
  readonly answered: number
  /** Updates the server refused and said so (refused:schema, refused:size): not applied, not stored. */
  readonly refused: number
}

/**
 * Sends each frame on a socket of its own session, then a probe, and waits for the server to
 * answer or close: every frame is read by the server before the next one goes. A closed socket is
 * replaced by a new one.
 */
export async function sendFuzz(url: string, frames: Iterable<FuzzFrame | SchemaFrame>): Promise<FuzzReport> {
  const known = new Y.Doc()
  let refused = 0
  const connect = async () => {
    const socket = await open(url)
    follow(socket, known, () => refused++)
    return socket
  }
  let socket = await connect()
  let sent = 0
  let closed = 0
  let answered = 0
  for (const frame of frames) {
    if (socket.readyState !== WebSocket.OPEN) socket = await connect()
    const result = outcome(socket)
    // A schema-breaking update is made against what the server holds now, so it passes every check but the schema's.
    const data = 'make' in frame ? frame.make(known) : frame.data
    socket.send(data, { binary: typeof data !== 'string' })
    if (socket.readyState === WebSocket.OPEN) socket.send(probe(known))
    sent++
    if ((await result) === 'closed') closed++
    else answered++
  }
  socket.close()
  return { sent, closed, answered, refused }
}
