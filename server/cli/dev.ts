import { fileURLToPath } from 'node:url'
import type { ServeOptions } from './args.ts'
import { serveCommand } from './commands.ts'

/**
 * Development: the API and sync server on PORT + 1, and Vite's dev server on PORT, which
 * proxies /api and /sync to it (see vite.config.ts) and reloads the client on every change.
 */
export async function devCommand(options: ServeOptions): Promise<void> {
  const port = options.port || 3000
  const apiPort = port + 1
  await serveCommand({ ...options, port: apiPort, host: '127.0.0.1', build: false, linkBase: `http://localhost:${port}` })
  process.env.PLENUM_API_PORT = String(apiPort)
  const { createServer } = await import('vite')
  const vite = await createServer({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    server: { port, host: options.host, strictPort: true },
  })
  await vite.listen()
  console.log(`Plenum dev: http://localhost:${port} (proxying to the server on ${apiPort})`)
}
