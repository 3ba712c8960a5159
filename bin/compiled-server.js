// Whether the server compiled by `npm run build` (dist/server) may run instead of its sources: only
// when it was built from exactly the files there are now. A build older than its sources (after a
// git pull, or an edit) would run yesterday's code.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const compiledDir = join('dist', 'server')
export const stampName = 'sources.json'

/**
 * One digest of `files` (paths relative to `root`, in a fixed order): their names and contents.
 * Undefined when one is missing.
 */
export function sourcesDigest(root, files) {
  const hash = createHash('sha256')
  for (const file of files) {
    const path = join(root, file)
    if (!existsSync(path)) return undefined
    hash.update(file).update('\0').update(readFileSync(path)).update('\0')
  }
  return hash.digest('hex')
}

/**
 * The compiled entry to run, `{ stale: true }` when a build is there but its sources changed since,
 * or undefined when there is no build (a fresh clone runs its sources, as in development).
 */
export function compiledServer(root) {
  const dir = join(root, compiledDir)
  const stampPath = join(dir, stampName)
  if (!existsSync(stampPath)) return undefined
  let stamp
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8'))
  } catch {
    return { stale: true }
  }
  const fresh = Array.isArray(stamp.files) && typeof stamp.digest === 'string' && sourcesDigest(root, stamp.files) === stamp.digest
  return fresh ? { entry: join(dir, 'main.js') } : { stale: true }
}
