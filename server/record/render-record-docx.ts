import type { RecordDocument } from '../../shared/record/record-document.ts'

let loaded: typeof import('./docx-document.ts') | undefined

/**
 * The DOCX renderer, with the docx library, loaded when a Word document is first made rather than
 * when the server starts (some 12 MB of memory an idle server does not need), then kept: later
 * calls never reach `import()`. A freeze may call this before opening its transaction, as it
 * does loadPdfKit.
 */
export async function loadDocxRenderer(): Promise<typeof import('./docx-document.ts')> {
  loaded ??= await import('./docx-document.ts')
  return loaded
}

/** A record document as a Word document (see docx-document.ts): the same document, the same bytes. */
export async function renderRecordDocx(record: RecordDocument): Promise<Uint8Array> {
  return (await loadDocxRenderer()).recordDocx(record)
}
