import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { openCongressEventStream } from '../events/congress-event-stream.ts'
import { hashToken } from '../ids.ts'
import { validParams } from '../validate.ts'

/** `/api/congresses/:id/events`: the congress's event stream (server-sent events, shared/congress-events.ts). */
export function eventRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>().get('/:id/events', ...session, async (c) => {
    const opened = await openCongressEventStream(deps, c.var.actor, { congressId: c.req.param('id'), tokenHash: hashToken(c.var.token) })
    if (!opened.ok) throw opened.error
    return streamSSE(c, (stream) => opened.value.pipeTo(stream))
  })
}
