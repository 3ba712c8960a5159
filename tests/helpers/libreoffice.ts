import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Files converted by LibreOffice (Debian's libreoffice-writer-nogui), headless, in one run (each
 * start costs seconds): `txt` gives each file's text as Writer reads it, `pdf` its printed pages.
 * A profile of its own, thrown away after, so a test never shares or leaves one. Returns, for
 * each input, the path of its conversion in `outDir` (inputs need distinct base names).
 */
export function convertWithLibreOffice(files: readonly string[], to: 'txt' | 'pdf', outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'plenum-lo-'))
  try {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', to === 'txt' ? 'txt:Text (encoded):UTF8' : 'pdf', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 120_000 })
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  return files.map((file) => join(outDir, `${basename(file, extname(file))}.${to}`))
}

/** A converted text file, its white space collapsed (Writer wraps and pads as it likes). */
export const convertedText = (path: string) => readFileSync(path, 'utf8').replace(/\s+/g, ' ')
