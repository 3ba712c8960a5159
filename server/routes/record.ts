import { Hono, type Context } from 'hono'
import { validator } from 'hono/validator'
import { parseRecordRequest, type RecordRequest } from '../../shared/requests/record-requests.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { presentRecord, presentRecordFile, type RecordKind } from '../presenters/record-documents.ts'
import { valid, validParams } from '../validate.ts'

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value)
/** `?lang=fr|en` (French by default) and `?format=json|md|pdf|odt|docx` (JSON by default). */
const recordQuery = validator('query', (query: Record<string, string | string[]>): RecordRequest => valid(parseRecordRequest(one(query.lang), one(query.format))))

/** The congress's record: the minutes (bureau) and the comparative table (every member), for their pages and as files. */
export function recordRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  const answer = async (c: Context<AppEnv>, kind: RecordKind, { lang, format }: RecordRequest) => {
    const input = { congressId: c.req.param('id') ?? '', kind, lang }
    if (format === 'json') return respond(c, await presentRecord(deps, c.var.actor, input))
    const file = await presentRecordFile(deps, c.var.actor, { ...input, format })
    if (!file.ok) throw file.error
    return c.body(file.value.bytes, 200, { 'content-type': file.value.contentType, 'content-disposition': `attachment; filename="${file.value.fileName}"` })
  }
  return new Hono<AppEnv>()
    .get('/:id/record/minutes', ...session, recordQuery, (c) => answer(c, 'minutes', c.req.valid('query')))
    .get('/:id/record/comparative', ...session, recordQuery, (c) => answer(c, 'comparative', c.req.valid('query')))
}
