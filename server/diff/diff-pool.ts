import { Worker } from 'node:worker_threads'
import { amendmentMeasures } from '../../shared/amendments/fork.ts'
import type { AmendmentMeasures } from '../../shared/floor/running-order.ts'

export interface DiffRequest {
  readonly id: number
  readonly target: Uint8Array
  readonly state: Uint8Array
  readonly forkVector: Uint8Array
}

export type DiffResponse = { readonly id: number; readonly measures: AmendmentMeasures } | { readonly id: number; readonly error: string }

const entry = new URL('./diff-worker-boot.js', import.meta.url)

let worker: Worker | undefined
let nextId = 0
const pending = new Map<number, { resolve: (measures: AmendmentMeasures) => void; reject: (error: Error) => void }>()

/**
 * One worker thread for the whole process, started on first use: an amendment's diff of large
 * texts (tens to hundreds of milliseconds for 20,000 words) runs there and never stalls the sockets
 * and requests of every congress. It keeps the process alive only while it holds requests (a CLI
 * command awaiting one must not exit under it). Requests are answered in order; a worker that dies
 * fails what it held, and the next request starts another.
 */
function started(): Worker {
  if (worker) return worker
  const w = new Worker(entry)
  w.unref()
  w.on('message', (response: DiffResponse) => {
    const waiting = pending.get(response.id)
    pending.delete(response.id)
    if (pending.size === 0) w.unref()
    if (!waiting) return
    if ('error' in response) waiting.reject(new Error(`diff worker: ${response.error}`))
    else waiting.resolve(response.measures)
  })
  const fail = (error: Error) => {
    if (worker === w) worker = undefined
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  w.on('error', fail)
  w.on('exit', (code) => fail(new Error(`diff worker exited (${code})`)))
  worker = w
  return w
}

/**
 * Texts whose states are this small (some 500 words) are diffed at once: a few milliseconds even
 * when rewritten whole (8 ms measured on a slow, loaded machine). The worker, its start and the
 * copies are for the long ones.
 */
const inlineStateBytes = 4 * 1024

/** What an amendment changes (its base lines, how far it departs), computed on the diff thread when the texts are long. */
export function measuresOffThread(target: Uint8Array, state: Uint8Array, forkVector: Uint8Array): Promise<AmendmentMeasures> {
  if (target.length <= inlineStateBytes && state.length <= inlineStateBytes) {
    try {
      return Promise.resolve(amendmentMeasures(target, state, forkVector))
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }
  const id = nextId++
  const w = started()
  return new Promise((resolve, reject) => {
    if (pending.size === 0) w.ref()
    pending.set(id, { resolve, reject })
    w.postMessage({ id, target, state, forkVector } satisfies DiffRequest)
  })
}
