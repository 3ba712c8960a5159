import { readFileSync } from 'node:fs'
import type { Font } from 'fontkit'
import { pdfFonts } from './pdf-fonts.ts'

export type FontName = keyof typeof pdfFonts

let loaded: typeof import('pdfkit') | undefined
let faces: Record<FontName, Font> | undefined

/**
 * pdfkit, loaded when a PDF is first made rather than when the server starts: with its font and
 * layout libraries it weighs some 20 MB of memory that an idle server (most of a congress day)
 * does not need. Once loaded it is kept here, so later calls never reach `import()`, which waits
 * on the module loader even for a module already loaded (a freeze renders inside a transaction
 * that may not wait: it calls this once before opening it). The fonts are read and parsed here
 * too, once: pdfkit would parse each font file again for every document (a freeze makes six).
 */
export async function loadPdfKit(): Promise<typeof import('pdfkit')> {
  if (!loaded) {
    const [pdfkit, fontkit] = await Promise.all([import('pdfkit'), import('fontkit')])
    faces = Object.fromEntries(Object.entries(pdfFonts).map(([name, path]) => [name, fontkit.create(readFileSync(path))])) as Record<FontName, Font>
    loaded = pdfkit.default
  }
  return loaded
}

/** The fonts every PDF embeds, parsed once (after loadPdfKit): each document still embeds its own subset. */
export function fontFaces(): Record<FontName, Font> {
  if (!faces) throw new Error('fontFaces() before loadPdfKit()')
  return faces
}
