// The thread that computes amendments' diffs (see diff-pool.ts): it receives the target's and the
// amendment's Yjs states and the fork point, and answers with the base lines the amendment changes.
import { parentPort } from 'node:worker_threads'
import { amendmentDiff } from '../../shared/amendments/fork.ts'
import type { DiffRequest, DiffResponse } from './diff-pool.ts'

parentPort!.on('message', (request: DiffRequest) => {
  let response: DiffResponse
  try {
    response = { id: request.id, ranges: amendmentDiff(request.target, request.state, request.forkVector).changed }
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) }
  }
  parentPort!.postMessage(response)
})
