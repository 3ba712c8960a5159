// The diff worker's entry (see diff-pool.ts). The sources are TypeScript run through tsx, and a
// worker thread does not inherit the main thread's loader: register it here, as bin/plenum.js does.
import { register } from 'tsx/esm/api'

register()
await import('./diff-worker.ts')
