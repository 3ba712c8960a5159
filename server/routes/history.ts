import { Hono } from 'hono'
import { requireSession } from '../auth/require-session.ts'
import { restoreVersion } from '../commands/history/restore-version.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { compareVersions, textHistory, textVersion } from '../presenters/text-history.ts'
import { validParams } from '../validate.ts'

/** `/api/congresses/:id/…versions…`: every base text's history, its versions compared, and the bureau's restore. */
export function historyRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/preamble/versions', ...session, async (c) => respond(c, await textHistory(deps, c.var.actor, { congressId: c.req.param('id'), text: { kind: 'preamble' } })))
    .get('/:id/proposals/:pid/versions', ...session, async (c) =>
      respond(c, await textHistory(deps, c.var.actor, { congressId: c.req.param('id'), text: { kind: 'proposal', proposalId: c.req.param('pid') } })),
    )
    .get('/:id/versions/:vid', ...session, async (c) => respond(c, await textVersion(deps, c.var.actor, { congressId: c.req.param('id'), versionId: c.req.param('vid') })))
    .get('/:id/versions/:vid/compare/:other', ...session, async (c) =>
      respond(c, await compareVersions(deps, c.var.actor, { congressId: c.req.param('id'), fromId: c.req.param('vid'), toId: c.req.param('other') })),
    )
    .post('/:id/versions/:vid/restore', ...session, async (c) => respond(c, await restoreVersion(deps, c.var.actor, { congressId: c.req.param('id'), versionId: c.req.param('vid') })))
}
