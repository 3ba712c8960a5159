import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'

const apiPort = process.env.PLENUM_API_PORT ?? '3001'

/** Text formats worth compressing; images and fonts (woff2) are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|map|xml)$/

/** Every file under `dir`, with its path. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the build, so that the server
 * sends a phone on the hall's Wi-Fi a quarter of the bytes without compressing on every request
 * (server/static-client.ts picks the copy by Accept-Encoding). A copy that saves nothing is not kept.
 */
function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'plenum-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      for (const path of filesUnder(outDir).filter((p) => compressible.test(p))) {
        const raw = readFileSync(path)
        const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        const gzip = gzipSync(raw, { level: 9 })
        if (brotli.length < raw.length * 0.9) writeFileSync(`${path}.br`, brotli)
        if (gzip.length < raw.length * 0.9) writeFileSync(`${path}.gz`, gzip)
      }
    },
  }
}

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Two scripts: the app (~90 kB gzipped), which the voter's phone, the join page and the projector
    // need, and the editor (~175 kB: Tiptap, ProseMirror, Yjs and the pages that use them), loaded when a
    // text is first shown (client/components/page-modules.ts). Two, not one per page: each file compressed
    // apart loses what it shares with the others, and the total grows.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'], priority: 2 }, { name: 'editor', priority: 1 }] } },
    },
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/sync': { target: `ws://127.0.0.1:${apiPort}`, ws: true },
    },
  },
})
