import { Hono } from 'hono'
import { parseRecordRequest } from '../../shared/requests/record-requests.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { presentComparative, presentMinutes } from '../presenters/record-documents.ts'
import { valid, validParams } from '../validate.ts'

/** The congress's record: the minutes (bureau) and the comparative table (every member), as data for their pages. */
export function recordRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/record/minutes', ...session, async (c) => {
      const { lang } = valid(parseRecordRequest(c.req.query('lang'), 'json'))
      return respond(c, await presentMinutes(deps, c.var.actor, { congressId: c.req.param('id'), lang }))
    })
    .get('/:id/record/comparative', ...session, async (c) => {
      const { lang } = valid(parseRecordRequest(c.req.query('lang'), 'json'))
      return respond(c, await presentComparative(deps, c.var.actor, { congressId: c.req.param('id'), lang }))
    })
}
