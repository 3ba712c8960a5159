import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function makeTempDir(prefix = 'plenum-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** A stand-in for the built client (an index.html and one asset), for tests of how the server serves it. */
export function makeFakeClientBuild(): { path: string; remove(): void } {
  const dir = makeTempDir('plenum-client-')
  mkdirSync(join(dir.path, 'assets'))
  writeFileSync(join(dir.path, 'index.html'), '<!doctype html><title>Plenum</title><plenum-app></plenum-app>')
  writeFileSync(join(dir.path, 'assets', 'app-abc123.js'), 'console.log(1)')
  return dir
}
