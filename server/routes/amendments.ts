import { Hono } from 'hono'
import { validator } from 'hono/validator'
import { parseDecision, parseJustificationChange, parseNewAmendment, parseOpinion, parseRewordingAnswer, parseRuling, parseRulingChange, parseStatusFilter, parseVoteOrder } from '../../shared/amendments/amendment-input.ts'
import type { AmendmentStatus } from '../../shared/amendments/amendment-status.ts'
import type { DecisionRequest, JustificationChangeRequest, NewAmendmentRequest, OpinionRequest, RewordingAnswerRequest, RulingChangeRequest, RulingRequest, VoteOrderRequest } from '../../shared/requests/amendment-requests.ts'
import { requireSession } from '../auth/require-session.ts'
import { acceptCosigner } from '../commands/amendments/accept-cosigner.ts'
import { acceptCosignInvitation } from '../commands/amendments/accept-cosign-invitation.ts'
import { inviteCosigner } from '../commands/amendments/invite-cosigner.ts'
import type { CosignInviteRequest } from '../../shared/notifications/cosign-invitations.ts'
import { cosignInvitations } from '../presenters/cosign-invitations.ts'
import { answerRewording } from '../commands/amendments/answer-rewording.ts'
import { changeRuling } from '../commands/amendments/change-ruling.ts'
import { cosignAmendment } from '../commands/amendments/cosign-amendment.ts'
import { decideAmendment } from '../commands/amendments/decide-amendment.ts'
import { fileAmendment } from '../commands/amendments/file-amendment.ts'
import { giveOpinion } from '../commands/amendments/give-opinion.ts'
import { mergeAmendment } from '../commands/amendments/merge-amendment.ts'
import { removeCosigner } from '../commands/amendments/remove-cosigner.ts'
import { ruleAmendment } from '../commands/amendments/rule-amendment.ts'
import { submitAmendment } from '../commands/amendments/submit-amendment.ts'
import { updateJustification } from '../commands/amendments/update-justification.ts'
import { withdrawAmendment } from '../commands/amendments/withdraw-amendment.ts'
import { setVoteOrder } from '../commands/floor/set-vote-order.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { amendmentDetail } from '../presenters/amendment-detail.ts'
import { congressAmendments, proposalAmendments } from '../presenters/amendment-list.ts'
import { jsonBody, requireString, valid, validParams } from '../validate.ts'

/** `?status=draft&status=submitted` (hc's form of an array), or `?status=draft,submitted`. */
const statusQuery = validator('query', (query: Record<string, string | string[]>): { status?: AmendmentStatus[] } => {
  const status = query.status
  const statuses = valid(parseStatusFilter(Array.isArray(status) ? status.join(',') : status))
  return statuses ? { status: statuses } : {}
})
const newAmendment = jsonBody((body): NewAmendmentRequest => valid(parseNewAmendment(body)))
const voteOrder = jsonBody((body): VoteOrderRequest => valid(parseVoteOrder(body)))

/** `/api/congresses/:id/…`: the congress's amendments, and filing on its preamble. */
export function congressAmendmentRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/amendments', ...session, statusQuery, async (c) =>
      respond(c, await congressAmendments(deps, c.var.actor, { congressId: c.req.param('id'), statuses: c.req.valid('query').status })),
    )
    .post('/:id/preamble/amendments', ...session, newAmendment, async (c) =>
      respond(c, await fileAmendment(deps, c.var.actor, { target: { preambleOf: c.req.param('id') }, justification: c.req.valid('json').justification ?? '' }), 201),
    )
    .post('/:id/preamble/vote-order', ...session, voteOrder, async (c) =>
      respond(c, await setVoteOrder(deps, c.var.actor, { target: { preambleOf: c.req.param('id') }, order: c.req.valid('json').order })),
    )
}

/** `/api/proposals/:id/amendments`: filing on a proposal, and its amendments. */
export function proposalAmendmentRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .post('/:pid/amendments', ...session, newAmendment, async (c) =>
      respond(c, await fileAmendment(deps, c.var.actor, { target: { proposalId: c.req.param('pid') }, justification: c.req.valid('json').justification ?? '' }), 201),
    )
    .get('/:pid/amendments', ...session, statusQuery, async (c) =>
      respond(c, await proposalAmendments(deps, c.var.actor, { proposalId: c.req.param('pid'), statuses: c.req.valid('query').status })),
    )
    .post('/:pid/vote-order', ...session, voteOrder, async (c) =>
      respond(c, await setVoteOrder(deps, c.var.actor, { target: { proposalId: c.req.param('pid') }, order: c.req.valid('json').order })),
    )
}

/** `/api/amendments/:aid/…`: one amendment's life, each step checked against its role, phase and authors. */
export function amendmentRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:aid', ...session, async (c) => respond(c, await amendmentDetail(deps, c.var.actor, { amendmentId: c.req.param('aid') })))
    .patch('/:aid', ...session, jsonBody((body): JustificationChangeRequest => valid(parseJustificationChange(body))), async (c) =>
      respond(c, await updateJustification(deps, c.var.actor, { amendmentId: c.req.param('aid'), justification: c.req.valid('json').justification })),
    )
    .post('/:aid/sub-amendments', ...session, newAmendment, async (c) =>
      respond(c, await fileAmendment(deps, c.var.actor, { target: { amendmentId: c.req.param('aid') }, justification: c.req.valid('json').justification ?? '' }), 201),
    )
    .post('/:aid/rewordings', ...session, newAmendment, async (c) =>
      respond(c, await fileAmendment(deps, c.var.actor, { target: { amendmentId: c.req.param('aid') }, justification: c.req.valid('json').justification ?? '', rewording: true }), 201),
    )
    .post('/:aid/rewording-answer', ...session, jsonBody((body): RewordingAnswerRequest => valid(parseRewordingAnswer(body))), async (c) =>
      respond(c, await answerRewording(deps, c.var.actor, { rewordingId: c.req.param('aid'), ...c.req.valid('json') })),
    )
    .post('/:aid/submit', ...session, async (c) => respond(c, await submitAmendment(deps, c.var.actor, { amendmentId: c.req.param('aid') })))
    .post('/:aid/withdraw', ...session, async (c) => respond(c, await withdrawAmendment(deps, c.var.actor, { amendmentId: c.req.param('aid') })))
    .post('/:aid/cosign', ...session, async (c) => respond(c, await cosignAmendment(deps, c.var.actor, { amendmentId: c.req.param('aid') })))
    .get('/:aid/cosign-invitations', ...session, async (c) => respond(c, await cosignInvitations(deps, c.var.actor, { amendmentId: c.req.param('aid') })))
    .post('/:aid/cosign-invitations', ...session, jsonBody((body): CosignInviteRequest => ({ participantId: requireString(body, 'participantId') })), async (c) =>
      respond(c, await inviteCosigner(deps, c.var.actor, { amendmentId: c.req.param('aid'), participantId: c.req.valid('json').participantId })),
    )
    .post('/:aid/cosign-invitations/accept', ...session, async (c) => respond(c, await acceptCosignInvitation(deps, c.var.actor, { amendmentId: c.req.param('aid') })))
    .post('/:aid/cosigners/:pid/accept', ...session, async (c) =>
      respond(c, await acceptCosigner(deps, c.var.actor, { amendmentId: c.req.param('aid'), participantId: c.req.param('pid') })),
    )
    .delete('/:aid/cosigners/:pid', ...session, async (c) =>
      respond(c, await removeCosigner(deps, c.var.actor, { amendmentId: c.req.param('aid'), participantId: c.req.param('pid') })),
    )
    .post('/:aid/ruling', ...session, jsonBody((body): RulingRequest => valid(parseRuling(body))), async (c) => {
      const { admissible, reason } = c.req.valid('json')
      return respond(c, await ruleAmendment(deps, c.var.actor, { amendmentId: c.req.param('aid'), admissible, reason: reason ?? '' }))
    })
    .post('/:aid/ruling-change', ...session, jsonBody((body): RulingChangeRequest => valid(parseRulingChange(body))), async (c) =>
      respond(c, await changeRuling(deps, c.var.actor, { amendmentId: c.req.param('aid'), ...c.req.valid('json') })),
    )
    .post('/:aid/opinion', ...session, jsonBody((body): OpinionRequest => valid(parseOpinion(body))), async (c) => {
      const { opinion, comment } = c.req.valid('json')
      return respond(c, await giveOpinion(deps, c.var.actor, { amendmentId: c.req.param('aid'), opinion, comment: comment ?? '' }))
    })
    .post('/:aid/decision', ...session, jsonBody((body): DecisionRequest => valid(parseDecision(body))), async (c) =>
      respond(c, await decideAmendment(deps, c.var.actor, { amendmentId: c.req.param('aid'), outcome: c.req.valid('json').outcome })),
    )
    .post('/:aid/merge', ...session, async (c) => respond(c, await mergeAmendment(deps, c.var.actor, { amendmentId: c.req.param('aid') })))
}
