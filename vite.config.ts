import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { ModuleInfo } from 'rolldown'
import { defineConfig, type Plugin } from 'vite'
import { appBridge } from './vite/app-bridge.ts'

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

/** Libraries only the text pages need: a page whose modules reach one of them is an editor page. */
const editorLibrary = /node_modules[\\/](?:yjs|y-websocket|y-protocols|@tiptap|prosemirror-)/

/**
 * The script a module not in the app's goes in, from the pages that reach it (the modules loaded by
 * `import()`, see client/components/page-modules.ts): 'en' for English's messages
 * (client/i18n/index.ts), 'editor' for what only pages using the editor reach, 'pages' for the rest
 * (the bureau's and the room's pages, and what they share with the editor's, which the editor's
 * script then imports). Worked out from the module graph, so that a page or a file added later lands
 * in the right script without a list to keep.
 */
type Script = 'pages' | 'editor' | 'en'
function scriptOf(): (id: string, context: { getModuleInfo(id: string): ModuleInfo | null }) => Script {
  /** Every module reached from `from` along `next`, `from` included. */
  const walk = (from: string, next: (id: string) => readonly string[]): Set<string> => {
    const seen = new Set([from])
    for (const id of seen) for (const other of next(id)) seen.add(other)
    return seen
  }
  const editorPages = new Map<string, boolean>()
  const scripts = new Map<string, Script>()
  return (id, context) => {
    const known = scripts.get(id)
    if (known) return known
    const info = (m: string) => context.getModuleInfo(m)
    const from = [...walk(id, (m) => info(m)?.importers ?? [])].filter((m) => (info(m)?.dynamicImporters.length ?? 0) > 0)
    const isEditorPage = (entry: string) => {
      let reaches = editorPages.get(entry)
      if (reaches === undefined) editorPages.set(entry, (reaches = [...walk(entry, (m) => info(m)?.importedIds ?? [])].some((m) => editorLibrary.test(m))))
      return reaches
    }
    const script: Script =
      from.length > 0 && from.every((entry) => /[\\/]client[\\/]i18n[\\/]en\.ts$/.test(entry)) ? 'en' : from.length > 0 && from.every(isEditorPage) ? 'editor' : 'pages'
    scripts.set(id, script)
    return script
  }
}

const script = scriptOf()
/**
 * One group per script: the app's first (what the entry imports), then the pages' before the
 * editor's, so that what they share is the pages' (a group takes its modules' imports with it).
 */
const groups = [
  { name: 'app', tags: ['$initial' as const], priority: 4 },
  { name: (id: string, context: Parameters<typeof script>[1]) => (script(id, context) === 'pages' ? 'pages' : null), debugName: 'pages', priority: 3 },
  { name: (id: string, context: Parameters<typeof script>[1]) => (script(id, context) === 'en' ? 'en' : null), debugName: 'en', priority: 2 },
  { name: 'editor', priority: 1 },
]

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [appBridge(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Four scripts. The app (join and vote pages: what a phone's first visit needs, and all it
    // downloads); the bureau's and the room's pages; the editor (Tiptap, ProseMirror, Yjs and the
    // pages that use them); English's messages. Few, not one per page: each file compressed apart
    // loses what it shares with the others, and the total grows.
    chunkSizeWarningLimit: 600,
    // Every browser Plenum supports knows modulepreload: no polyfill in the app's script.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: { codeSplitting: { groups } },
    },
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/sync': { target: `ws://127.0.0.1:${apiPort}`, ws: true },
    },
  },
})
