import { invalid, type Parsed } from '../parsed.ts'
import type { DecisionRequest, JustificationChangeRequest, NewAmendmentRequest, OpinionRequest, RewordingAnswerRequest, RulingChangeRequest, RulingRequest, VoteOrderRequest } from '../requests/amendment-requests.ts'
import { bureauOpinions, isBureauOpinion } from './bureau-opinion.ts'
import { amendmentStatuses, isAmendmentStatus, type AmendmentStatus } from './amendment-status.ts'

/** The longest exposé des motifs or ruling reason accepted. */
export const maxJustificationLength = 20_000
export const maxReasonLength = 2_000


// Newlines and tabs are text; other control characters are not.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

function longText(value: unknown, field: string, max: number, required: boolean): Parsed<string> {
  if (value === undefined && !required) return { ok: true, value: '' }
  if (typeof value !== 'string') return invalid(field, { rule: 'text' }, 'doit être un texte')
  if (value.length > max) return invalid(field, { rule: 'max_length', max }, `ne doit pas dépasser ${max} caractères`)
  if (controlCharacters.test(value)) return invalid(field, { rule: 'control_characters' }, 'contient des caractères de contrôle')
  if (required && value.trim() === '') return invalid(field, { rule: 'required' }, 'est obligatoire')
  return { ok: true, value: value.trim() }
}

/** `{ justification? }` of a filing: empty until the authors write it. */
export function parseNewAmendment(body: Record<string, unknown>): Parsed<NewAmendmentRequest & { readonly justification: string }> {
  const justification = longText(body.justification, 'justification', maxJustificationLength, false)
  return justification.ok ? { ok: true, value: { justification: justification.value } } : justification
}

/** `{ justification }` of an edit. */
export function parseJustificationChange(body: Record<string, unknown>): Parsed<JustificationChangeRequest> {
  const justification = longText(body.justification, 'justification', maxJustificationLength, true)
  return justification.ok ? { ok: true, value: { justification: justification.value } } : justification
}

/** `{ admissible, reason }`: a reason is owed for an inadmissible ruling. */
export function parseRuling(body: Record<string, unknown>): Parsed<RulingRequest & { readonly reason: string }> {
  if (typeof body.admissible !== 'boolean') return invalid('admissible', { rule: 'boolean' }, 'doit valoir true ou false')
  const reason = longText(body.reason, 'reason', maxReasonLength, !body.admissible)
  return reason.ok ? { ok: true, value: { admissible: body.admissible, reason: reason.value } } : reason
}

/** `{ admissible, reason }` for a change of ruling: the reason is required either way. */
export function parseRulingChange(body: Record<string, unknown>): Parsed<RulingChangeRequest> {
  if (typeof body.admissible !== 'boolean') return invalid('admissible', { rule: 'boolean' }, 'doit valoir true ou false')
  const reason = longText(body.reason, 'reason', maxReasonLength, true)
  return reason.ok ? { ok: true, value: { admissible: body.admissible, reason: reason.value } } : reason
}

/** `{ accept }`: the author takes the bureau's rewording, or leaves it. */
export function parseRewordingAnswer(body: Record<string, unknown>): Parsed<RewordingAnswerRequest> {
  if (typeof body.accept !== 'boolean') return invalid('accept', { rule: 'boolean' }, 'doit valoir true ou false')
  if (!body.accept) return { ok: true, value: { accept: false } }
  if (typeof body.seen !== 'string' || body.seen.length === 0 || body.seen.length > 100) return invalid('seen', { rule: 'short_text', max: 100 }, 'l’empreinte de la rectification lue (resultDigest)')
  return { ok: true, value: { accept: true, seen: body.seen } }
}

export function parseDecision(body: Record<string, unknown>): Parsed<DecisionRequest> {
  const outcome = body.outcome
  return outcome === 'adopted' || outcome === 'rejected' ? { ok: true, value: { outcome } } : invalid('outcome', { rule: 'one_of', values: ['adopted', 'rejected'] }, 'doit valoir « adopted » ou « rejected »')
}

/** `{ opinion, comment? }`: one of the four opinions, and what the bureau adds. */
export function parseOpinion(body: Record<string, unknown>): Parsed<OpinionRequest & { readonly comment: string }> {
  if (!isBureauOpinion(body.opinion)) return invalid('opinion', { rule: 'one_of', values: bureauOpinions }, `doit valoir ${bureauOpinions.map((o) => `« ${o} »`).join(', ')}`)
  const comment = longText(body.comment, 'comment', maxReasonLength, false)
  return comment.ok ? { ok: true, value: { opinion: body.opinion, comment: comment.value } } : comment
}

/** The most votes an order lists: more amendments to one text than any floor takes. */
export const maxVotesInOrder = 1_000

/** `{ order: [id, …] }`: amendment ids, each once (whether they are the text's votes is the command's to check). */
export function parseVoteOrder(body: Record<string, unknown>): Parsed<VoteOrderRequest> {
  const order = body.order
  if (!Array.isArray(order) || !order.every((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 64)) {
    return invalid('order', { rule: 'shape', shape: '["amendment id", …]' }, 'doit être une liste d’identifiants d’amendements')
  }
  if (order.length > maxVotesInOrder) return invalid('order', { rule: 'list_length', min: 0, max: maxVotesInOrder }, `ne doit pas compter plus de ${maxVotesInOrder} votes`)
  if (new Set(order).size !== order.length) return invalid('order', { rule: 'duplicate' }, 'ne doit pas citer deux fois le même amendement')
  return { ok: true, value: { order } }
}

/** `?status=draft,submitted`: a filter on statuses. */
export function parseStatusFilter(param: string | undefined): Parsed<AmendmentStatus[] | undefined> {
  if (param === undefined || param === '') return { ok: true, value: undefined }
  const statuses = param.split(',')
  const unknown = statuses.find((s) => !isAmendmentStatus(s))
  if (unknown !== undefined) return invalid('status', { rule: 'one_of', values: amendmentStatuses }, `statut inconnu « ${unknown.slice(0, 40)} »`)
  return { ok: true, value: statuses as AmendmentStatus[] }
}
