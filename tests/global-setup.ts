import { fileURLToPath } from 'node:url'
import { ensureClientBuilt } from '../server/client-build.ts'

/** The browser tests and `npm start` serve the same build: make it once, before any test. */
export default async function setup(): Promise<void> {
  await ensureClientBuilt(fileURLToPath(new URL('..', import.meta.url)))
}
