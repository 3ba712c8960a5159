import { strToU8 } from 'fflate'
import type { RecordFormat } from '../../shared/requests/record-requests.ts'
import type { RecordDocument } from '../../shared/record/record-document.ts'
import { renderRecordMarkdown } from '../../shared/record/render-record-markdown.ts'
import { renderRecordDocx } from './render-record-docx.ts'
import { renderRecordOdt } from './render-record-odt.ts'
import { renderRecordPdf } from './render-record-pdf.ts'

export type RecordFileFormat = Exclude<RecordFormat, 'json'>

export const recordFileTypes: Record<RecordFileFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/** One record document in one format. `archival`: a PDF/A, as the sealed bundle holds. */
export async function renderRecordFile(record: RecordDocument, format: RecordFileFormat, archival = false): Promise<Uint8Array> {
  switch (format) {
    case 'md':
      return strToU8(renderRecordMarkdown(record))
    case 'pdf':
      return new Uint8Array(await renderRecordPdf(record, { archival }))
    case 'odt':
      return renderRecordOdt(record)
    case 'docx':
      return renderRecordDocx(record)
  }
}

/** The bundle's files of one record document, `<name>.md`, `.pdf` (PDF/A), `.odt`, `.docx`, or those of `formats`. */
export async function recordBundleFiles(name: string, record: RecordDocument, formats: readonly RecordFileFormat[] = ['md', 'pdf', 'odt', 'docx']): Promise<[string, Uint8Array][]> {
  return Promise.all(formats.map(async (format): Promise<[string, Uint8Array]> => [`${name}.${format}`, await renderRecordFile(record, format, true)]))
}
