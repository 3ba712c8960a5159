// fontkit ships no types; Plenum only parses a font once and hands it to pdfkit.
declare module 'fontkit' {
  /** A parsed font: pdfkit takes it as a font source (it checks for `layout`). */
  export interface Font {
    layout(text: string): unknown
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}
