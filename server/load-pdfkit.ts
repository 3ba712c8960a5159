/**
 * pdfkit, loaded when a PDF is first made rather than when the server starts: with its font and
 * layout libraries it weighs some 20 MB of memory that an idle server (most of a congress day)
 * does not need. Node caches the module, so later PDFs pay nothing.
 */
export async function loadPdfKit(): Promise<typeof import('pdfkit')> {
  return (await import('pdfkit')).default
}
