import type { Context } from 'hono'
import type { Result } from '../../shared/result.ts'
import type { DomainError } from '../domain-error.ts'

/** A route's last step for a table to download: the CSV as an attachment, or the error to app.onError. */
export function respondCsv(c: Context, result: Result<string, DomainError>, filename: string) {
  if (!result.ok) throw result.error
  return c.body(result.value, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` })
}
