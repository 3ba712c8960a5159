import type {
  AmendmentDetailView,
  AttendanceEntryView,
  AttendanceView,
  BallotView,
  BoardView,
  DeliveryView,
  FreezeView,
  MyBallotView,
  ParticipationView,
  ProjectorView,
  SealInfoView,
  VoteReceiptView,
  AmendmentView,
  AuditEntryView,
  CongressView,
  FiledAmendmentView,
  IssuedParticipantView,
  MyActivityView,
  ParticipantDetailView,
  ParticipantView,
  PresenceView,
  SessionView,
} from '../shared/api-types.ts'
import type { AmendmentStatus } from '../shared/amendments/amendment-status.ts'
import type { BallotRule, Choice } from '../shared/ballots/ballot-rule.ts'
import { encodeVoteRequest, type VoteRequest } from '../shared/ballots/vote-request.ts'
import type { Phase } from '../shared/phases.ts'
import type { CongressDetailsInput } from '../shared/structure-input.ts'
import { isErrorBody, type ErrorCode, type ErrorDetail } from '../shared/errors.ts'

/** A failed API call, carrying the server's stable error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message)
  }
}

async function call<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(0, 'network', 'network')
  }
  if (response.status === 204) return undefined as T
  const data: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    if (isErrorBody(data)) throw new ApiError(response.status, data.error.code, data.error.message, data.error.details)
    throw new ApiError(response.status, 'internal', response.statusText)
  }
  return data as T
}

/** A file the server makes from a request body (a POST): its bytes, or the same errors as call(). */
async function download(method: string, path: string, body: unknown): Promise<Blob> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'network', 'network')
  }
  if (!response.ok) {
    const data: unknown = await response.json().catch(() => undefined)
    if (isErrorBody(data)) throw new ApiError(response.status, data.error.code, data.error.message, data.error.details)
    throw new ApiError(response.status, 'internal', response.statusText)
  }
  return response.blob()
}

/** The HTTP API, typed by the shapes in shared/api-types.ts. */
export const api = {
  openSession: (code: string) => call<SessionView>('POST', '/session', { code }),
  currentSession: () => call<{ participant: ParticipantView }>('GET', '/session'),
  closeSession: () => call<void>('DELETE', '/session'),
  congress: (id: string) => call<CongressView>('GET', congressPath(id)),
  changePhase: (id: string, phase: Phase) => call<{ from: Phase; to: Phase }>('POST', `${congressPath(id)}/phase`, { phase }),
  participants: (id: string) => call<{ participants: ParticipantDetailView[] }>('GET', `${congressPath(id)}/participants`),
  importParticipantsCsv: (id: string, csv: string) =>
    call<{ participants: IssuedParticipantView[] }>('POST', `${congressPath(id)}/participants`, csv, 'text/csv; charset=utf-8'),
  revokeCode: (id: string, participantId: string) =>
    call<{ participant: ParticipantDetailView }>('POST', `${congressPath(id)}/participants/${encodeURIComponent(participantId)}/revoke`),
  reissueCode: (id: string, participantId: string) =>
    call<{ participant: IssuedParticipantView }>('POST', `${congressPath(id)}/participants/${encodeURIComponent(participantId)}/reissue`),
  /** The access sheet of codes just issued: sent back in the body (the server keeps only hashes). */
  accessSheet: (id: string, issued: readonly IssuedParticipantView[]) =>
    download('POST', `${congressPath(id)}/participants/sheet.pdf`, { participants: issued.map(({ id, code }) => ({ id, code })) }),
  myActivity: (id: string) => call<MyActivityView>('GET', `${congressPath(id)}/me/activity`),
  audit: (id: string) => call<{ entries: AuditEntryView[] }>('GET', `${congressPath(id)}/audit`),
  presence: (id: string) => call<PresenceView>('GET', `${congressPath(id)}/presence`),
  updateCongress: (id: string, details: CongressDetailsInput) => call<{ ok: true }>('PATCH', congressPath(id), details),
  addTheme: (id: string, title: string) => call<{ id: string }>('POST', `${congressPath(id)}/themes`, { title }),
  updateTheme: (id: string, themeId: string, change: { title?: string; position?: number }) =>
    call<{ ok: true }>('PATCH', `${congressPath(id)}/themes/${encodeURIComponent(themeId)}`, change),
  addProposal: (id: string, themeId: string, title: string) => call<{ id: string }>('POST', `${congressPath(id)}/proposals`, { themeId, title }),
  updateProposal: (id: string, proposalId: string, change: { title?: string; themeId?: string; position?: number }) =>
    call<{ ok: true }>('PATCH', `${congressPath(id)}/proposals/${encodeURIComponent(proposalId)}`, change),
  amendments: (id: string, statuses?: readonly AmendmentStatus[]) =>
    call<{ amendments: AmendmentView[] }>('GET', `${congressPath(id)}/amendments${statusQuery(statuses)}`),
  proposalAmendments: (proposalId: string, statuses?: readonly AmendmentStatus[]) =>
    call<{ amendments: AmendmentView[] }>('GET', `/proposals/${encodeURIComponent(proposalId)}/amendments${statusQuery(statuses)}`),
  fileAmendment: (target: { proposalId: string } | { preambleOf: string }, justification: string) =>
    call<FiledAmendmentView>(
      'POST',
      'proposalId' in target ? `/proposals/${encodeURIComponent(target.proposalId)}/amendments` : `${congressPath(target.preambleOf)}/preamble/amendments`,
      { justification },
    ),
  amendment: (id: string) => call<AmendmentDetailView>('GET', amendmentPath(id)),
  updateJustification: (id: string, justification: string) => call<{ ok: true }>('PATCH', amendmentPath(id), { justification }),
  amendmentStep: (id: string, step: 'submit' | 'withdraw' | 'cosign' | 'merge') => call<{ ok: true }>('POST', `${amendmentPath(id)}/${step}`),
  acceptCosigner: (id: string, participantId: string) => call<{ ok: true }>('POST', `${amendmentPath(id)}/cosigners/${encodeURIComponent(participantId)}/accept`),
  removeCosigner: (id: string, participantId: string) => call<{ ok: true }>('DELETE', `${amendmentPath(id)}/cosigners/${encodeURIComponent(participantId)}`),
  ruleAmendment: (id: string, admissible: boolean, reason: string) => call<{ ok: true }>('POST', `${amendmentPath(id)}/ruling`, { admissible, reason }),
  decideAmendment: (id: string, outcome: 'adopted' | 'rejected') => call<{ status: AmendmentStatus }>('POST', `${amendmentPath(id)}/decision`, { outcome }),
  ballots: (id: string) => call<{ ballots: BallotView[] }>('GET', `${congressPath(id)}/ballots`),
  ballot: (ballotId: string) => call<BallotView>('GET', ballotPath(ballotId)),
  createBallot: (congressId: string, subject: { kind: 'amendment' | 'proposal'; id: string } | { kind: 'motion' }, rule?: Partial<BallotRule>) =>
    call<BallotView>('POST', '/ballots', { congressId, subject, rule }),
  updateBallotRule: (ballotId: string, rule: Partial<BallotRule>) => call<BallotView>('PATCH', ballotPath(ballotId), { rule }),
  deleteBallot: (ballotId: string) => call<void>('DELETE', ballotPath(ballotId)),
  ballotStep: (ballotId: string, step: 'open' | 'close' | 'publish', body: { durationSeconds?: number } = {}) => call<BallotView>('POST', `${ballotPath(ballotId)}/${step}`, body),
  /** The body has the same length whatever the choice (shared/ballots/vote-request.ts). */
  vote: (ballotId: string, request: VoteRequest) => call<VoteReceiptView>('POST', `${ballotPath(ballotId)}/votes`, encodeVoteRequest(request)),
  myBallot: (ballotId: string) => call<MyBallotView>('GET', `${ballotPath(ballotId)}/me`),
  participation: (ballotId: string) => call<ParticipationView>('GET', `${ballotPath(ballotId)}/participation`),
  board: (ballotId: string) => call<BoardView>('GET', `${ballotPath(ballotId)}/board`),
  ballotRule: (id: string) => call<BallotRule>('GET', `${congressPath(id)}/ballot-rule`),
  setBallotRule: (id: string, rule: BallotRule) => call<BallotRule>('PUT', `${congressPath(id)}/ballot-rule`, rule),
  attendance: (id: string) => call<AttendanceView>('GET', `${congressPath(id)}/attendance`),
  markPresent: (id: string, participantId: string, present: boolean) =>
    call<AttendanceEntryView>('PUT', `${congressPath(id)}/attendance/${encodeURIComponent(participantId)}`, { present }),
  checkInByCode: (id: string, code: string) => call<AttendanceEntryView>('POST', `${congressPath(id)}/attendance`, { code }),
  myCheckIn: (id: string) => call<{ present: boolean }>('GET', `${congressPath(id)}/check-in`),
  checkIn: (id: string, roomCode: string) => call<{ present: true }>('POST', `${congressPath(id)}/check-in`, { roomCode }),
  renewRoomCode: (id: string) => call<{ roomCode: string }>('POST', `${congressPath(id)}/room-code`),
  recordProxy: (id: string, giverId: string, holderId: string) => call<{ giverId: string; holderId: string }>('POST', `${congressPath(id)}/proxies`, { giverId, holderId }),
  revokeProxy: (id: string, giverId: string) => call<void>('DELETE', `${congressPath(id)}/proxies/${encodeURIComponent(giverId)}`),
  projector: (id: string) => call<ProjectorView>('GET', `${congressPath(id)}/projector`),
  project: (id: string, ballotId: string | null) => call<ProjectorView>('PUT', `${congressPath(id)}/projector`, { ballotId }),
  freeze: (id: string) => call<FreezeView>('POST', `${congressPath(id)}/freeze`),
  seal: (id: string) => call<SealInfoView>('GET', `${congressPath(id)}/seal`),
  deliveries: (id: string) => call<{ deliveries: DeliveryView[] }>('GET', `${congressPath(id)}/deliveries`),
  recordDelivery: (id: string, delivery: { advisorName: string; institution: string; date: string; channel: string }) =>
    call<DeliveryView>('POST', `${congressPath(id)}/deliveries`, delivery),
}

function ballotPath(id: string): string {
  return `/ballots/${encodeURIComponent(id)}`
}

function amendmentPath(id: string): string {
  return `/amendments/${encodeURIComponent(id)}`
}

function statusQuery(statuses?: readonly AmendmentStatus[]): string {
  return statuses?.length ? `?status=${statuses.join(',')}` : ''
}

export function congressPath(id: string): string {
  return `/congresses/${encodeURIComponent(id)}`
}

/** Links the browser opens itself (PDF, QR codes). */
export const apiLinks = {
  events: (id: string) => `/api${congressPath(id)}/events`,
  resultsCsv: (id: string) => `/api${congressPath(id)}/results.csv`,
  joinQr: (id: string) => `/api${congressPath(id)}/join-qr.svg`,
  bundle: (id: string) => `/api${congressPath(id)}/bundle`,
  bundleFile: (id: string, name: string) => `/api${congressPath(id)}/bundle/${encodeURIComponent(name)}`,
}
