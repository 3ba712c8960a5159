#!/usr/bin/env node
// npm run build, second half: the server compiled ahead of time into dist/server, which bin/plenum.js
// runs instead of compiling the sources on load (tsx): measured, an idle plenum serve holds some 100 MB
// instead of 175, and listens in about a third of the time.
import { realpathSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { compiledDir, sourcesDigest, stampName } from './compiled-server.js'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Compiles the server into dist/server, and stamps it with what it was compiled from. */
export async function buildServer() {
  const outDir = join(root, compiledDir)
  // A half-written build must not pass for a fresh one: the stamp is written last.
  rmSync(outDir, { recursive: true, force: true })

  const result = await build({
    absWorkingDir: root,
    // dist/server/*.js sits two folders under the root as server/cli/main.ts does, so the sources'
    // `new URL('../../', import.meta.url)` still finds the root; and diff-pool.ts starts its worker from
    // './diff-worker-boot.js' beside it, which here is the compiled worker itself (no tsx to register).
    entryPoints: { main: 'server/cli/main.ts', 'diff-worker-boot': 'server/diff/diff-worker.ts' },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // One file with the dependencies in it starts faster and smaller than loading them from
    // node_modules (measured). Kept outside: the native better-sqlite3 (and pg's optional native
    // binding), pdfkit (it reads its font metrics from files beside its code), vite (the client's
    // build, loaded only to build it), tsx.
    external: ['better-sqlite3', 'pg-native', 'pdfkit', 'vite', 'tsx'],
    // The CommonJS dependencies bundled in call require() for Node's modules, and one uses __dirname.
    banner: {
      js: [
        "import { createRequire as plenumCreateRequire } from 'node:module'",
        "import { dirname as plenumDirname } from 'node:path'",
        "import { fileURLToPath as plenumFileURLToPath } from 'node:url'",
        'const require = plenumCreateRequire(import.meta.url)',
        'const __filename = plenumFileURLToPath(import.meta.url)',
        'const __dirname = plenumDirname(__filename)',
      ].join(';'),
    },
    metafile: true,
    logLevel: 'warning',
  })

  // Staleness is judged on the project's own files the bundle was made from, the lock file for the
  // dependencies bundled in, and this script for how they were bundled.
  const ownInputs = Object.keys(result.metafile.inputs)
    .map((input) => relative(root, join(root, input)))
    .filter((file) => !file.split(/[\\/]/).includes('node_modules') && !file.startsWith('..'))
  const files = [...new Set([...ownInputs, 'package-lock.json', 'bin/build-server.js'])].sort()
  const digest = sourcesDigest(root, files)
  if (digest === undefined) throw new Error('build-server: a source vanished during the build')
  writeFileSync(join(outDir, stampName), `${JSON.stringify({ digest, files }, null, 1)}\n`)
  console.log(`Plenum: server compiled into ${compiledDir} (${ownInputs.length} source files)`)
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer()
