import { createRequire } from 'node:module'

// DejaVu covers every Latin script a name or a text may use (ễ, ł, ř…); the PDF base fonts do not.
const fontDir = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf').replace(/DejaVuSans\.ttf$/, '')

/** The fonts embedded in every PDF Plenum writes. */
export const pdfFonts = {
  regular: `${fontDir}DejaVuSans.ttf`,
  bold: `${fontDir}DejaVuSans-Bold.ttf`,
  italic: `${fontDir}DejaVuSans-Oblique.ttf`,
  boldItalic: `${fontDir}DejaVuSans-BoldOblique.ttf`,
  mono: `${fontDir}DejaVuSansMono-Bold.ttf`,
}
