import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'

/**
 * Serves the built client: its files as they are, and index.html for any other GET so
 * that a link such as /join/<code> opens the app, which routes it.
 */
export function serveClient(app: Hono<any>, clientDir: string): void {
  app.use(
    '/assets/*',
    serveStatic({
      root: clientDir,
      onFound: (_path, c) => {
        // Vite names assets by content hash: a changed file has a new name.
        c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
    }),
  )
  app.use('*', serveStatic({ root: clientDir }))
  app.get(
    '*',
    serveStatic({
      root: clientDir,
      path: 'index.html',
      onFound: (_path, c) => {
        c.header('Cache-Control', 'no-cache')
      },
    }),
  )
}
