// The thread that computes amendments' diffs (see diff-pool.ts): it receives the target's and the
// amendment's Yjs states and the fork point, and answers with what the amendment changes (its lines, how far it departs, the text it makes).
import { parentPort } from 'node:worker_threads'
import { amendmentMeasures } from '../../shared/amendments/fork.ts'
import type { DiffRequest, DiffResponse } from './diff-pool.ts'

parentPort!.on('message', (request: DiffRequest) => {
  let response: DiffResponse
  try {
    response = { id: request.id, measures: amendmentMeasures(request.target, request.state, request.forkVector) }
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) }
  }
  parentPort!.postMessage(response)
})
