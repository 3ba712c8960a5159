import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The newest modification time under `path` (a file or a folder), in ms. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Builds the client with Vite unless dist/client is newer than every source it is built from. */
export async function ensureClientBuilt(root: string): Promise<string> {
  const outDir = join(root, 'dist', 'client')
  const index = join(outDir, 'index.html')
  const sources = ['client', 'shared', 'vite', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(join(root, p)))
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources)) return outDir
  console.log('Plenum: building the client…')
  const { build } = await import('vite')
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' })
  return outDir
}
