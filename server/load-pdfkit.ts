let loaded: typeof import('pdfkit') | undefined

/**
 * pdfkit, loaded when a PDF is first made rather than when the server starts: with its font and
 * layout libraries it weighs some 20 MB of memory that an idle server (most of a congress day)
 * does not need. Once loaded it is kept here, so later calls never reach `import()`, which waits
 * on the module loader even for a module already loaded (a freeze renders inside a transaction
 * that may not wait: it calls this once before opening it).
 */
export async function loadPdfKit(): Promise<typeof import('pdfkit')> {
  loaded ??= (await import('pdfkit')).default
  return loaded
}
