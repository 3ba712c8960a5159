import { Hono } from 'hono'
import { parseAskFloor, parseDebate, parseSpeakerRules } from '../../shared/floor/floor-input.ts'
import type { AskFloorRequest, DebateRequest, SpeakerRulesRequest } from '../../shared/requests/floor-requests.ts'
import { requireSession } from '../auth/require-session.ts'
import { askFloor } from '../commands/floor/ask-floor.ts'
import { endSpeech, giveFloor, withdrawFloorRequest } from '../commands/floor/floor-request-steps.ts'
import { setDebate } from '../commands/floor/set-debate.ts'
import { setSpeakerRules } from '../commands/floor/set-speaker-rules.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { floorView } from '../presenters/floor-view.ts'
import { jsonBody, valid, validParams } from '../validate.ts'

/** `/api/congresses/:id/floor…`: the item under debate and its list of speakers. */
export function floorRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  const request = (c: { req: { param(name: 'id' | 'rid'): string } }) => ({ congressId: c.req.param('id'), requestId: c.req.param('rid') })
  return new Hono<AppEnv>()
    .get('/:id/floor', ...session, async (c) => respond(c, await floorView(deps, c.var.actor, { congressId: c.req.param('id') })))
    .post('/:id/floor/debate', ...session, jsonBody((body): DebateRequest => valid(parseDebate(body))), async (c) =>
      respond(c, await setDebate(deps, c.var.actor, { congressId: c.req.param('id'), docName: c.req.valid('json').docName, amendmentId: c.req.valid('json').amendmentId ?? null })),
    )
    .post('/:id/floor/rules', ...session, jsonBody((body): SpeakerRulesRequest => valid(parseSpeakerRules(body))), async (c) =>
      respond(c, await setSpeakerRules(deps, c.var.actor, { congressId: c.req.param('id'), ...c.req.valid('json') })),
    )
    .post('/:id/floor/requests', ...session, jsonBody((body): AskFloorRequest => valid(parseAskFloor(body))), async (c) =>
      respond(c, await askFloor(deps, c.var.actor, { congressId: c.req.param('id'), stance: c.req.valid('json').stance }), 201),
    )
    .post('/:id/floor/requests/:rid/withdraw', ...session, async (c) => respond(c, await withdrawFloorRequest(deps, c.var.actor, request(c))))
    .post('/:id/floor/requests/:rid/give', ...session, async (c) => respond(c, await giveFloor(deps, c.var.actor, request(c))))
    .post('/:id/floor/requests/:rid/end', ...session, async (c) => respond(c, await endSpeech(deps, c.var.actor, request(c))))
}
