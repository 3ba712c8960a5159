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

/**
 * The fonts for one document: each a view of the font parsed once, sharing its decoded tables
 * but with its own glyphs. fontkit keeps every glyph it made, with the characters it was made
 * for, and pdfkit maps a glyph back to text (the PDF's ToUnicode: copy, search, screen readers) from
 * those characters. Shared between documents, a glyph first met as part of another (the E inside É,
 * when a subset is written) has none: the next document's every "E" would read as nothing, and what
 * a document reads as would depend on what the process rendered before it, not on its content.
 */
export function documentFaces(): Record<FontName, Font> {
  if (!faces) throw new Error('documentFaces() before loadPdfKit()')
  return Object.fromEntries(Object.entries(faces).map(([name, font]) => [name, ownGlyphs(font)])) as Record<FontName, Font>
}

function ownGlyphs(font: Font): Font {
  const view = Object.create(font) as Font & { _glyphs: object }
  view._glyphs = {}
  // The layout engine makes the glyphs: the view needs its own, made for it (fontkit keeps it as an
  // own property on first use, which the view would otherwise inherit from the shared font).
  const engine = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(font) as object, '_layoutEngine')
  if (!engine?.get) throw new Error('fontkit: no _layoutEngine getter (a new version?): see documentFaces()')
  engine.get.call(view)
  return view
}
