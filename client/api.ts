import type {
  AmendmentDetailView,
  AmendmentView,
  AuditEntryView,
  CongressView,
  FiledAmendmentView,
  ParticipantDetailView,
  ParticipantView,
  PresenceView,
  SessionView,
} from '../shared/api-types.ts'
import type { AmendmentStatus } from '../shared/amendments/amendment-status.ts'
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

/** The HTTP API, typed by the shapes in shared/api-types.ts. */
export const api = {
  openSession: (code: string) => call<SessionView>('POST', '/session', { code }),
  currentSession: () => call<{ participant: ParticipantView }>('GET', '/session'),
  closeSession: () => call<void>('DELETE', '/session'),
  congress: (id: string) => call<CongressView>('GET', congressPath(id)),
  changePhase: (id: string, phase: Phase) => call<{ from: Phase; to: Phase }>('POST', `${congressPath(id)}/phase`, { phase }),
  participants: (id: string) => call<{ participants: ParticipantDetailView[] }>('GET', `${congressPath(id)}/participants`),
  importParticipantsCsv: (id: string, csv: string) =>
    call<{ participants: ParticipantDetailView[] }>('POST', `${congressPath(id)}/participants`, csv, 'text/csv; charset=utf-8'),
  revokeCode: (id: string, participantId: string) =>
    call<{ participant: ParticipantDetailView }>('POST', `${congressPath(id)}/participants/${encodeURIComponent(participantId)}/revoke`),
  reissueCode: (id: string, participantId: string) =>
    call<{ participant: ParticipantDetailView }>('POST', `${congressPath(id)}/participants/${encodeURIComponent(participantId)}/reissue`),
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
  accessSheet: (id: string) => `/api${congressPath(id)}/participants/sheet.pdf`,
  qrCode: (id: string, participantId: string) => `/api${congressPath(id)}/participants/${encodeURIComponent(participantId)}/qr.svg`,
  events: (id: string) => `/api${congressPath(id)}/events`,
}
