import { Hono, type Context } from 'hono'
import { validator } from 'hono/validator'
import { parseRecordRequest, type RecordRequest } from '../../shared/requests/record-requests.ts'
import type { RecordDocument } from '../../shared/record/record-document.ts'
import { requireSession } from '../auth/require-session.ts'
import type { DomainError } from '../domain-error.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { presentComparative, presentMinutes } from '../presenters/record-documents.ts'
import { recordFileTypes, renderRecordFile } from '../record/render-record.ts'
import type { Result } from '../../shared/result.ts'
import { valid, validParams } from '../validate.ts'

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value)
/** `?lang=fr|en` (French by default) and `?format=json|md|pdf|odt|docx` (JSON by default). */
const recordQuery = validator('query', (query: Record<string, string | string[]>): Partial<RecordRequest> => valid(parseRecordRequest(one(query.lang), one(query.format))))

/** A record document as its page reads it (JSON), or as a file to download, in its language. */
async function answer(c: Context<AppEnv>, name: string, read: (lang: 'fr' | 'en') => Promise<Result<RecordDocument, DomainError>>) {
  const request = valid(parseRecordRequest(c.req.query('lang'), c.req.query('format')))
  const record = await read(request.lang)
  if (request.format === 'json' || !record.ok) return respond(c, record)
  const bytes = new Uint8Array(await renderRecordFile(record.value, request.format))
  const file = `${name}${request.lang === 'fr' ? '' : `.${request.lang}`}.${request.format}`
  return c.body(bytes, 200, { 'content-type': recordFileTypes[request.format], 'content-disposition': `attachment; filename="${file}"` })
}

/** The congress's record: the minutes (bureau) and the comparative table (every member), for their pages and as files. */
export function recordRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  const minutes = (c: Context<AppEnv>) => answer(c, 'proces-verbal', (lang) => presentMinutes(deps, c.var.actor, { congressId: c.req.param('id') ?? '', lang }))
  const comparative = (c: Context<AppEnv>) => answer(c, 'tableau-comparatif', (lang) => presentComparative(deps, c.var.actor, { congressId: c.req.param('id') ?? '', lang }))
  return new Hono<AppEnv>()
    .get('/:id/record/minutes', ...session, recordQuery, (c) => minutes(c))
    .get('/:id/record/comparative', ...session, recordQuery, (c) => comparative(c))
}
