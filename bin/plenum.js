#!/usr/bin/env node
// The plenum command. It runs the server compiled by `npm run build` (dist/server) when that was built
// from the sources as they are; otherwise the TypeScript sources, which tsx compiles on load.
import { fileURLToPath, pathToFileURL } from 'node:url'
import { compiledServer } from './compiled-server.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const command = process.argv[2]
// plenum dev is for editing the sources: it runs them, as they are, without a word about the build.
let compiled = command === 'dev' ? undefined : compiledServer(root)

// plenum start (npm start) is how Plenum is run for real: as it builds the client when it must, it
// compiles the server first (under a second), for the memory and the start time that saves.
if (command === 'start' && !compiled?.entry) {
  try {
    const { buildServer } = await import('./build-server.js')
    await buildServer()
    compiled = compiledServer(root)
  } catch (error) {
    console.error(`plenum: could not compile the server (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); running its sources through tsx`)
    compiled = undefined
  }
}

if (compiled?.entry) {
  await import(pathToFileURL(compiled.entry).href)
} else {
  if (compiled?.stale) console.error('plenum: dist/server was built from older sources; running the sources through tsx (npm run build updates it)')
  const { register } = await import('tsx/esm/api')
  register()
  await import('../server/cli/main.ts')
}
