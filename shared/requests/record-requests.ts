import type { Parsed } from '../parsed.ts'

export const recordLanguages = ['fr', 'en'] as const
export type RecordLanguage = (typeof recordLanguages)[number]

/** The formats a record document is served in: its data (for the page), or a file. */
export const recordFormats = ['json', 'md', 'pdf', 'odt', 'docx'] as const
export type RecordFormat = (typeof recordFormats)[number]

export interface RecordRequest {
  readonly lang: RecordLanguage
  readonly format: RecordFormat
}

/** `?lang=fr|en` (French when absent) and the format the path asks for. */
export function parseRecordRequest(lang: string | undefined, format: string | undefined): Parsed<RecordRequest> {
  const language = lang ?? 'fr'
  const type = format ?? 'json'
  if (!(recordLanguages as readonly string[]).includes(language))
    return { ok: false, problems: [{ field: 'lang', rule: 'one_of', values: recordLanguages, message: 'doit valoir « fr » ou « en »' }] }
  if (!(recordFormats as readonly string[]).includes(type))
    return { ok: false, problems: [{ field: 'format', rule: 'one_of', values: recordFormats, message: `doit valoir ${recordFormats.map((f) => `« ${f} »`).join(', ')}` }] }
  return { ok: true, value: { lang: language as RecordLanguage, format: type as RecordFormat } }
}
