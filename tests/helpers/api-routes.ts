import { defaultBallotRule } from '../../shared/ballots/ballot-rule.ts'
import type { Action } from '../../shared/permissions.ts'

/**
 * What the tests know of every API route: the action of the permissions table that allows it (null
 * for the public ones, 'session' for any signed-in person), and for those that read a JSON body, a
 * valid one (so that a refusal a test sees is the authorization's, not the validation's). The
 * sweeps read the routes from the running app and fail on one missing here.
 */
export interface RouteIds {
  readonly id: string
  readonly themeId: string
  readonly pid: string
  readonly aid: string
  readonly bid: string
  /** A request for the floor. */
  readonly rid: string
  readonly giverId: string
  readonly holderId: string
  readonly file: string
  readonly participantCode: string
}

export interface RouteFacts {
  readonly action: Action | 'session' | null
  readonly body?: (ids: RouteIds) => unknown
}

export const apiRoutes: Record<string, RouteFacts> = {
  'GET /api/health': { action: null },
  'GET /api/keys/public': { action: null },
  'POST /api/session': { action: null, body: () => ({ code: 'AAAA-BBBB-CCCC' }) },
  'GET /api/session': { action: 'session' },
  'DELETE /api/session': { action: 'session' },

  'GET /api/congresses/:id': { action: 'congress.read' },
  'PATCH /api/congresses/:id': { action: 'structure.edit', body: () => ({ place: 'Ailleurs' }) },
  'POST /api/congresses/:id/phase': { action: 'phase.change', body: () => ({ phase: 'amendments' }) },
  'POST /api/congresses/:id/phase/revert': { action: 'phase.change', body: () => ({ reason: 'Erreur de manipulation' }) },
  'GET /api/congresses/:id/dashboard': { action: 'audit.read' },
  'GET /api/congresses/:id/audit': { action: 'audit.read' },
  'GET /api/congresses/:id/audit.csv': { action: 'audit.read' },
  'GET /api/congresses/:id/presence': { action: 'congress.read' },
  'GET /api/congresses/:id/motion': { action: 'congress.read' },
  'GET /api/congresses/:id/record/minutes': { action: 'audit.read' },
  'GET /api/congresses/:id/record/comparative': { action: 'congress.read' },
  'GET /api/congresses/:id/events': { action: 'congress.read' },
  'POST /api/congresses/:id/themes': { action: 'structure.edit', body: () => ({ title: 'Une autre question' }) },
  'PATCH /api/congresses/:id/themes/:themeId': { action: 'structure.edit', body: () => ({ title: 'La question renommée' }) },
  'POST /api/congresses/:id/proposals': { action: 'structure.edit', body: (ids) => ({ title: 'Une autre proposition', themeId: ids.themeId }) },
  'PATCH /api/congresses/:id/proposals/:pid': { action: 'structure.edit', body: () => ({ title: 'La proposition renommée' }) },

  'GET /api/congresses/:id/participants': { action: 'participants.manage' },
  'POST /api/congresses/:id/participants': {
    action: 'participants.manage',
    body: () => [{ name: 'Intruse', organisation: 'Ailleurs', email: `intruse.${Date.now()}@example.fr`, role: 'delegate' }],
  },
  'POST /api/congresses/:id/participants/reimport/preview': {
    action: 'participants.manage',
    body: () => [{ name: 'Intruse', organisation: 'Ailleurs', email: `intruse.${Date.now()}@example.fr`, role: 'delegate' }],
  },
  // Without the preview's fingerprint (?expect=), the bureau gets 409 reimport_changed: nothing is applied.
  'POST /api/congresses/:id/participants/reimport': {
    action: 'participants.manage',
    body: () => [{ name: 'Intruse', organisation: 'Ailleurs', email: `intruse.${Date.now()}@example.fr`, role: 'delegate' }],
  },
  'POST /api/congresses/:id/participants/sheet.pdf': { action: 'participants.manage', body: () => ({ participants: [{ id: 'nobody', code: 'AAAA-BBBB-CCCC' }] }) },
  'GET /api/congresses/:id/me/activity': { action: 'activity.own' },
  'GET /api/congresses/:id/notifications': { action: 'congress.read' },
  'POST /api/congresses/:id/notifications/read': { action: 'congress.read', body: () => ({ upTo: 1 }) },
  'POST /api/congresses/:id/participants/:pid/revoke': { action: 'participants.manage' },
  'POST /api/congresses/:id/participants/:pid/reissue': { action: 'participants.manage' },

  'GET /api/congresses/:id/amendments': { action: 'congress.read' },
  'POST /api/congresses/:id/preamble/amendments': { action: 'amendment.file', body: () => ({}) },
  'POST /api/proposals/:pid/amendments': { action: 'amendment.file', body: () => ({ justification: 'Pour voir.' }) },
  'GET /api/proposals/:pid/amendments': { action: 'congress.read' },
  'GET /api/amendments/:aid': { action: 'congress.read' },
  'PATCH /api/amendments/:aid': { action: 'amendment.file', body: () => ({ justification: 'Réécrit.' }) },
  'POST /api/amendments/:aid/sub-amendments': { action: 'amendment.file', body: () => ({ justification: 'Sous-amendement.' }) },
  'POST /api/amendments/:aid/rewordings': { action: 'amendment.opinion', body: () => ({}) },
  'POST /api/amendments/:aid/rewording-answer': { action: 'amendment.withdraw', body: () => ({ accept: false }) },
  'POST /api/amendments/:aid/submit': { action: 'amendment.file' },
  'POST /api/amendments/:aid/withdraw': { action: 'amendment.withdraw' },
  'POST /api/amendments/:aid/cosign': { action: 'amendment.cosign' },
  'GET /api/amendments/:aid/cosign-invitations': { action: 'congress.read' },
  'POST /api/amendments/:aid/cosign-invitations': { action: 'amendment.file', body: (ids) => ({ participantId: ids.holderId }) },
  'POST /api/amendments/:aid/cosign-invitations/accept': { action: 'amendment.cosign' },
  'POST /api/amendments/:aid/cosigners/:pid/accept': { action: 'amendment.file' },
  'DELETE /api/amendments/:aid/cosigners/:pid': { action: 'amendment.file' },
  'POST /api/amendments/:aid/ruling': { action: 'amendment.rule', body: () => ({ admissible: true }) },
  'POST /api/amendments/:aid/ruling-change': { action: 'amendment.rule', body: () => ({ admissible: false, reason: 'Corrigé.' }) },
  'POST /api/amendments/:aid/opinion': { action: 'amendment.opinion', body: () => ({ opinion: 'wisdom' }) },
  'POST /api/proposals/:pid/vote-order': { action: 'floor.order', body: () => ({ order: [] }) },
  'GET /api/congresses/:id/floor': { action: 'congress.read' },
  'POST /api/congresses/:id/floor/debate': { action: 'floor.run', body: () => ({ docName: null }) },
  'POST /api/congresses/:id/floor/rules': { action: 'floor.run', body: () => ({ speakingSeconds: 120, alternate: true, firstTimersFirst: true }) },
  'POST /api/congresses/:id/floor/requests': { action: 'floor.ask', body: () => ({ stance: 'for' }) },
  'POST /api/congresses/:id/floor/requests/:rid/withdraw': { action: 'floor.ask' },
  'POST /api/congresses/:id/floor/requests/:rid/give': { action: 'floor.run' },
  'POST /api/congresses/:id/floor/requests/:rid/end': { action: 'floor.run' },
  'POST /api/congresses/:id/preamble/vote-order': { action: 'floor.order', body: () => ({ order: [] }) },
  'GET /api/congresses/:id/preamble/versions': { action: 'congress.read' },
  'GET /api/congresses/:id/proposals/:pid/versions': { action: 'congress.read' },
  'GET /api/congresses/:id/versions/:vid': { action: 'congress.read' },
  'GET /api/congresses/:id/versions/:vid/compare/:other': { action: 'congress.read' },
  'POST /api/congresses/:id/versions/:vid/restore': { action: 'text.restore' },
  'POST /api/amendments/:aid/decision': { action: 'amendment.decide', body: () => ({ outcome: 'rejected' }) },
  'POST /api/amendments/:aid/merge': { action: 'amendment.decide' },

  'GET /api/congresses/:id/ballots': { action: 'congress.read' },
  'GET /api/congresses/:id/results.csv': { action: 'audit.read' },
  'GET /api/congresses/:id/ballot-rule': { action: 'congress.read' },
  'PUT /api/congresses/:id/ballot-rule': { action: 'ballot.manage', body: () => defaultBallotRule },
  'POST /api/ballots': { action: 'ballot.manage', body: (ids) => ({ congressId: ids.id, subject: { kind: 'motion' } }) },
  'GET /api/ballots/:bid': { action: 'congress.read' },
  'PATCH /api/ballots/:bid': { action: 'ballot.manage', body: () => ({ rule: { majority: 'absolute' } }) },
  'DELETE /api/ballots/:bid': { action: 'ballot.manage' },
  'POST /api/ballots/:bid/open': { action: 'ballot.manage', body: () => ({}) },
  'POST /api/ballots/:bid/close': { action: 'ballot.manage' },
  'POST /api/ballots/:bid/publish': { action: 'ballot.manage' },
  'PUT /api/ballots/:bid/room-count': { action: 'ballot.manage', body: () => ({ counts: { yes: 1, no: 0, abstain: 0 } }) },
  'POST /api/ballots/:bid/votes': { action: 'ballot.vote', body: () => ({ choice: 'yes', clientVoteId: `sweep-${Math.random().toString(36).slice(2)}-vote` }) },
  'GET /api/ballots/:bid/me': { action: 'congress.read' },
  'GET /api/ballots/:bid/participation': { action: 'ballot.manage' },
  'GET /api/ballots/:bid/result': { action: 'congress.read' },
  'GET /api/ballots/:bid/board': { action: 'congress.read' },

  'GET /api/congresses/:id/attendance': { action: 'attendance.manage' },
  'PUT /api/congresses/:id/attendance/:pid': { action: 'attendance.manage', body: () => ({ present: true }) },
  'POST /api/congresses/:id/attendance': { action: 'attendance.manage', body: (ids) => ({ code: ids.participantCode }) },
  'GET /api/congresses/:id/check-in': { action: 'congress.read' },
  'POST /api/congresses/:id/check-in': { action: 'attendance.self', body: () => ({ roomCode: '123456' }) },
  'POST /api/congresses/:id/room-code': { action: 'attendance.manage' },
  'POST /api/congresses/:id/proxies': { action: 'attendance.manage', body: (ids) => ({ giverId: ids.giverId, holderId: ids.holderId }) },
  'DELETE /api/congresses/:id/proxies/:giverId': { action: 'attendance.manage' },
  'GET /api/congresses/:id/projector': { action: 'projector.show' },
  'PUT /api/congresses/:id/projector': { action: 'projector.show', body: () => ({ ballotId: null }) },
  'GET /api/congresses/:id/join-qr.svg': { action: 'congress.read' },

  'GET /api/congresses/:id/freeze-check': { action: 'congress.freeze' },
  'POST /api/congresses/:id/freeze': { action: 'congress.freeze' },
  'GET /api/congresses/:id/seal': { action: 'seal.read' },
  'GET /api/congresses/:id/bundle': { action: 'seal.read' },
  'GET /api/congresses/:id/bundle/:file': { action: 'seal.read' },
  'GET /api/congresses/:id/deliveries': { action: 'delivery.record' },
  'POST /api/congresses/:id/deliveries': { action: 'delivery.record', body: () => ({ advisorName: 'Conseiller', institution: 'Élysée', date: '2026-12-04', channel: 'courriel' }) },
  'POST /api/congresses/:id/delivery-slip.pdf': { action: 'delivery.record', body: () => ({ deliveryId: 'nodelivery', code: 'AAAA-BBBB-CCCC' }) },
}

/** `/api/congresses/:id/…` with the ids filled in. */
export function fillPath(path: string, ids: RouteIds): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => (ids as unknown as Record<string, string>)[name] ?? name)
}

/** The route's request with its valid body (if it takes one), as `token` (or none). */
export function routeRequest(baseUrl: string, key: string, ids: RouteIds, token?: string, signal?: AbortSignal): Promise<Response> {
  const [method, path] = key.split(' ') as [string, string]
  const facts = apiRoutes[key]
  const body = facts?.body?.(ids)
  return fetch(`${baseUrl}${fillPath(path, ids)}`, {
    method,
    signal,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
