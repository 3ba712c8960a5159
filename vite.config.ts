import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const apiPort = process.env.PLENUM_API_PORT ?? '3001'

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // One bundle of ~550 kB (~170 kB gzipped), most of it ProseMirror and Yjs, which every page needs.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/sync': { target: `ws://127.0.0.1:${apiPort}`, ws: true },
    },
  },
})
