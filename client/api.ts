import type { BureauOpinion } from '../shared/amendments/bureau-opinion.ts'
import { hc, type ClientRequestOptions, type ClientResponse, type InferResponseType } from 'hono/client'
import type { AppType } from '../server/app.ts'
import type { AmendmentStatus } from '../shared/amendments/amendment-status.ts'
import type { BallotRule } from '../shared/ballots/ballot-rule.ts'
import { encodeVoteRequest, type VoteRequest } from '../shared/ballots/vote-request.ts'
import type { Phase } from '../shared/phases.ts'
import type { BallotRulePatch, NewBallotRequest, RoomCountRequest } from '../shared/requests/ballot-requests.ts'
import type { AccessSheetRequest, CongressDetailsRequest, ProposalChangeRequest, ThemeChangeRequest } from '../shared/requests/congress-requests.ts'
import type { DeliveryRequest } from '../shared/requests/seal-requests.ts'
import type { RecordDocument } from '../shared/record/record-document.ts'
import type { FloorStance } from '../shared/floor/speakers.ts'
import type { SpeakerRulesRequest } from '../shared/requests/floor-requests.ts'
import { ApiError, errorOf, networkError } from './api-error.ts'
import { bootFetch } from './boot-fetch.ts'
import { isImportAnswer, isReimportPreview, isReimportResult } from './import-answer.ts'

export { ApiError } from './api-error.ts'

/** An answer as hc types it from the route; what the client needs to tell a success from a failure. */
type Answer = { readonly ok: boolean; readonly status: number; readonly statusText: string; json(): Promise<unknown> }

/** The request, or a network error when the server cannot be reached. */
async function reach<R extends Answer>(request: Promise<R>): Promise<R> {
  try {
    return await request
  } catch {
    throw networkError()
  }
}

/** The route's JSON answer, typed by the route itself through hc, or its error as an ApiError. */
async function json<T>(request: Promise<ClientResponse<T, number, 'json'>>): Promise<T> {
  const response = await reach(request)
  if (!response.ok) throw await errorOf(response)
  return response.json()
}

/** For routes that answer 204. */
async function empty(request: Promise<Answer>): Promise<void> {
  const response = await reach(request)
  if (!response.ok) throw await errorOf(response)
}

/** For routes that answer a file (the PDF access sheet). */
async function file(request: Promise<Answer & { blob(): Promise<Blob> }>): Promise<Blob> {
  const response = await reach(request)
  if (!response.ok) throw await errorOf(response)
  return response.blob()
}

// Ids are base64url on the server's side (validParams); encoded anyway so that no value can change the path.
const id = encodeURIComponent

/**
 * The HTTP API through hc<AppType>: every path, body and answer is the route's own type, so a
 * request the server would refuse as malformed does not compile. `options` adds headers (the
 * bearer token) for callers that are not a browser: tests.
 */
export function createApi(baseUrl: string, options?: ClientRequestOptions) {
  const { api } = hc<AppType>(baseUrl, options)
  const c = (congressId: string) => ({ param: { id: id(congressId) } })
  return {
    openSession: (code: string) => json(api.session.$post({ json: { code } })),
    currentSession: () => json(api.session.$get()),
    closeSession: () => empty(api.session.$delete()),
    congress: (congressId: string) => json(api.congresses[':id'].$get(c(congressId))),
    changePhase: (congressId: string, phase: Phase) => json(api.congresses[':id'].phase.$post({ ...c(congressId), json: { phase } })),
    /** Undoes the last phase move, with the reason the log keeps (409 once anything was decided since). */
    revertPhase: (congressId: string, reason: string) => json(api.congresses[':id'].phase.revert.$post({ ...c(congressId), json: { reason } })),
    /** The bureau's overview of the day. */
    dashboard: (congressId: string) => json(api.congresses[':id'].dashboard.$get(c(congressId))),
    participants: (congressId: string) => json(api.congresses[':id'].participants.$get(c(congressId))),
    /**
     * The one JSON route whose body is not JSON but the CSV file itself, which hc cannot send: a
     * plain fetch to the route's own path, its answer typed as hc types that route's.
     */
    // hc sends only JSON bodies: a CSV file goes through fetch, and its answer is checked on arrival
    // (the declared type is the route's, which the checked one must match).
    importParticipantsCsv: async (congressId: string, csv: string): Promise<InferResponseType<typeof api.congresses[':id']['participants']['$post'], 201>> => {
      const path = api.congresses[':id'].participants.$path(c(congressId))
      const headers = { ...(await requestHeaders(options)), 'content-type': 'text/csv; charset=utf-8' }
      const response = await reach(fetch(`${baseUrl.replace(/\/$/, '')}${path}`, { method: 'POST', headers, body: csv, credentials: 'same-origin' }))
      if (!response.ok) throw await errorOf(response)
      const answer: unknown = await response.json()
      if (!isImportAnswer(answer)) throw new ApiError(response.status, { code: 'internal' }, 'Réponse inattendue à un import.')
      return answer
    },
    /** What a corrected CSV would change: nothing is written (a CSV body, so through fetch too). */
    previewReimport: async (congressId: string, csv: string) => {
      const path = api.congresses[':id'].participants.reimport.preview.$path(c(congressId))
      const answer = await postCsv(`${baseUrl.replace(/\/$/, '')}${path}`, csv, await requestHeaders(options))
      if (!isReimportPreview(answer)) throw new ApiError(500, { code: 'internal' }, 'Réponse inattendue à un aperçu d’import.')
      return answer
    },
    /** Applies the preview named by its fingerprint, from the same CSV. */
    applyReimport: async (congressId: string, csv: string, fingerprint: string) => {
      const path = api.congresses[':id'].participants.reimport.$path({ ...c(congressId), query: { expect: fingerprint } })
      const answer = await postCsv(`${baseUrl.replace(/\/$/, '')}${path}`, csv, await requestHeaders(options))
      if (!isReimportResult(answer)) throw new ApiError(500, { code: 'internal' }, 'Réponse inattendue à un import.')
      return answer
    },
    revokeCode: (congressId: string, participantId: string) =>
      json(api.congresses[':id'].participants[':pid'].revoke.$post({ param: { id: id(congressId), pid: id(participantId) } })),
    reissueCode: (congressId: string, participantId: string) =>
      json(api.congresses[':id'].participants[':pid'].reissue.$post({ param: { id: id(congressId), pid: id(participantId) } })),
    /** The access sheet of codes just issued: sent back in the body (the server keeps only hashes). */
    accessSheet: (congressId: string, issued: AccessSheetRequest['participants']) =>
      file(api.congresses[':id'].participants['sheet.pdf'].$post({ ...c(congressId), json: { participants: issued.map(({ id, code }) => ({ id, code })) } })),
    myActivity: (congressId: string) => json(api.congresses[':id'].me.activity.$get(c(congressId))),
    notifications: (congressId: string) => json(api.congresses[':id'].notifications.$get(c(congressId))),
    markNotificationsRead: (congressId: string, upTo: number) => json(api.congresses[':id'].notifications.read.$post({ ...c(congressId), json: { upTo } })),
    audit: (congressId: string) => json(api.congresses[':id'].audit.$get(c(congressId))),
    presence: (congressId: string) => json(api.congresses[':id'].presence.$get(c(congressId))),
    motion: (congressId: string) => json(api.congresses[':id'].motion.$get(c(congressId))),
    /** The minutes (bureau) or the comparative table, as data for their page. */
    // The route also answers files (?format=pdf…); without a format, its JSON.
    record: (congressId: string, kind: 'minutes' | 'comparative', lang: 'fr' | 'en') =>
      json(api.congresses[':id'].record[kind].$get({ ...c(congressId), query: { lang, format: 'json' } }) as Promise<ClientResponse<RecordDocument, 200, 'json'>>),
    updateCongress: (congressId: string, details: CongressDetailsRequest) => json(api.congresses[':id'].$patch({ ...c(congressId), json: details })),
    addTheme: (congressId: string, title: string) => json(api.congresses[':id'].themes.$post({ ...c(congressId), json: { title } })),
    updateTheme: (congressId: string, themeId: string, change: ThemeChangeRequest) =>
      json(api.congresses[':id'].themes[':themeId'].$patch({ param: { id: id(congressId), themeId: id(themeId) }, json: change })),
    addProposal: (congressId: string, themeId: string, title: string) => json(api.congresses[':id'].proposals.$post({ ...c(congressId), json: { themeId, title } })),
    updateProposal: (congressId: string, proposalId: string, change: ProposalChangeRequest) =>
      json(api.congresses[':id'].proposals[':pid'].$patch({ param: { id: id(congressId), pid: id(proposalId) }, json: change })),
    amendments: (congressId: string, statuses?: readonly AmendmentStatus[]) =>
      json(api.congresses[':id'].amendments.$get({ ...c(congressId), query: { status: statuses && [...statuses] } })),
    proposalAmendments: (proposalId: string, statuses?: readonly AmendmentStatus[]) =>
      json(api.proposals[':pid'].amendments.$get({ param: { pid: id(proposalId) }, query: { status: statuses && [...statuses] } })),
    setProposalVoteOrder: (proposalId: string, order: readonly string[]) => json(api.proposals[':pid']['vote-order'].$post({ param: { pid: id(proposalId) }, json: { order } })),
    setPreambleVoteOrder: (congressId: string, order: readonly string[]) => json(api.congresses[':id'].preamble['vote-order'].$post({ ...c(congressId), json: { order } })),
    fileProposalAmendment: (proposalId: string, justification: string) =>
      json(api.proposals[':pid'].amendments.$post({ param: { pid: id(proposalId) }, json: { justification } })),
    filePreambleAmendment: (congressId: string, justification: string) =>
      json(api.congresses[':id'].preamble.amendments.$post({ ...c(congressId), json: { justification } })),
    amendment: (amendmentId: string) => json(api.amendments[':aid'].$get(a(amendmentId))),
    fileSubAmendment: (amendmentId: string) => json(api.amendments[':aid']['sub-amendments'].$post({ ...a(amendmentId), json: {} })),
    proposeRewording: (amendmentId: string) => json(api.amendments[':aid'].rewordings.$post({ ...a(amendmentId), json: {} })),
    answerRewording: (rewordingId: string, accept: boolean, seen: string) => json(api.amendments[':aid']['rewording-answer'].$post({ ...a(rewordingId), json: { accept, seen } })),
    updateJustification: (amendmentId: string, justification: string) => json(api.amendments[':aid'].$patch({ ...a(amendmentId), json: { justification } })),
    submitAmendment: (amendmentId: string) => json(api.amendments[':aid'].submit.$post(a(amendmentId))),
    withdrawAmendment: (amendmentId: string) => json(api.amendments[':aid'].withdraw.$post(a(amendmentId))),
    cosignAmendment: (amendmentId: string) => json(api.amendments[':aid'].cosign.$post(a(amendmentId))),
    cosignInvitations: (amendmentId: string) => json(api.amendments[':aid']['cosign-invitations'].$get(a(amendmentId))),
    inviteCosigner: (amendmentId: string, participantId: string) => json(api.amendments[':aid']['cosign-invitations'].$post({ ...a(amendmentId), json: { participantId } })),
    acceptCosignInvitation: (amendmentId: string) => json(api.amendments[':aid']['cosign-invitations'].accept.$post(a(amendmentId))),
    mergeAmendment: (amendmentId: string) => json(api.amendments[':aid'].merge.$post(a(amendmentId))),
    acceptCosigner: (amendmentId: string, participantId: string) =>
      json(api.amendments[':aid'].cosigners[':pid'].accept.$post({ param: { aid: id(amendmentId), pid: id(participantId) } })),
    removeCosigner: (amendmentId: string, participantId: string) =>
      json(api.amendments[':aid'].cosigners[':pid'].$delete({ param: { aid: id(amendmentId), pid: id(participantId) } })),
    ruleAmendment: (amendmentId: string, admissible: boolean, reason: string) =>
      json(api.amendments[':aid'].ruling.$post({ ...a(amendmentId), json: { admissible, reason } })),
    changeRuling: (amendmentId: string, admissible: boolean, reason: string) =>
      json(api.amendments[':aid']['ruling-change'].$post({ ...a(amendmentId), json: { admissible, reason } })),
    giveOpinion: (amendmentId: string, opinion: BureauOpinion, comment: string) => json(api.amendments[':aid'].opinion.$post({ ...a(amendmentId), json: { opinion, comment } })),
    decideAmendment: (amendmentId: string, outcome: 'adopted' | 'rejected') => json(api.amendments[':aid'].decision.$post({ ...a(amendmentId), json: { outcome } })),
    ballots: (congressId: string) => json(api.congresses[':id'].ballots.$get(c(congressId))),
    ballot: (ballotId: string) => json(api.ballots[':bid'].$get(b(ballotId))),
    createBallot: (request: NewBallotRequest) => json(api.ballots.$post({ param: {}, json: request })),
    updateBallotRule: (ballotId: string, rule: BallotRulePatch) => json(api.ballots[':bid'].$patch({ ...b(ballotId), json: { rule } })),
    deleteBallot: (ballotId: string) => empty(api.ballots[':bid'].$delete(b(ballotId))),
    openBallot: (ballotId: string, durationSeconds?: number) => json(api.ballots[':bid'].open.$post({ ...b(ballotId), json: durationSeconds === undefined ? {} : { durationSeconds } })),
    closeBallot: (ballotId: string) => json(api.ballots[':bid'].close.$post(b(ballotId))),
    publishBallot: (ballotId: string) => json(api.ballots[':bid'].publish.$post(b(ballotId))),
    recordRoomCount: (ballotId: string, request: RoomCountRequest) => json(api.ballots[':bid']['room-count'].$put({ ...b(ballotId), json: request })),
    /**
     * The request is checked as the route's body; the bytes sent are its padded encoding, the same
     * length whatever the choice (shared/ballots/vote-request.ts), which `init.body` puts in place of hc's.
     */
    vote: (ballotId: string, request: VoteRequest) =>
      json(api.ballots[':bid'].votes.$post({ ...b(ballotId), json: request }, { init: { body: encodeVoteRequest(request) } })),
    myBallot: (ballotId: string) => json(api.ballots[':bid'].me.$get(b(ballotId))),
    participation: (ballotId: string) => json(api.ballots[':bid'].participation.$get(b(ballotId))),
    board: (ballotId: string) => json(api.ballots[':bid'].board.$get(b(ballotId))),
    ballotRule: (congressId: string) => json(api.congresses[':id']['ballot-rule'].$get(c(congressId))),
    setBallotRule: (congressId: string, rule: BallotRule) => json(api.congresses[':id']['ballot-rule'].$put({ ...c(congressId), json: rule })),
    attendance: (congressId: string) => json(api.congresses[':id'].attendance.$get(c(congressId))),
    markPresent: (congressId: string, participantId: string, present: boolean) =>
      json(api.congresses[':id'].attendance[':pid'].$put({ param: { id: id(congressId), pid: id(participantId) }, json: { present } })),
    checkInByCode: (congressId: string, code: string) => json(api.congresses[':id'].attendance.$post({ ...c(congressId), json: { code } })),
    myCheckIn: (congressId: string) => json(api.congresses[':id']['check-in'].$get(c(congressId))),
    checkIn: (congressId: string, roomCode: string) => json(api.congresses[':id']['check-in'].$post({ ...c(congressId), json: { roomCode } })),
    renewRoomCode: (congressId: string) => json(api.congresses[':id']['room-code'].$post(c(congressId))),
    recordProxy: (congressId: string, giverId: string, holderId: string) => json(api.congresses[':id'].proxies.$post({ ...c(congressId), json: { giverId, holderId } })),
    revokeProxy: (congressId: string, giverId: string) => empty(api.congresses[':id'].proxies[':giverId'].$delete({ param: { id: id(congressId), giverId: id(giverId) } })),
    projector: (congressId: string) => json(api.congresses[':id'].projector.$get(c(congressId))),
    project: (congressId: string, ballotId: string | null) => json(api.congresses[':id'].projector.$put({ ...c(congressId), json: { ballotId } })),
    /** A base text's versions (the preamble without a proposal id). */
    textVersions: (congressId: string, proposalId?: string) =>
      proposalId === undefined
        ? json(api.congresses[':id'].preamble.versions.$get(c(congressId)))
        : json(api.congresses[':id'].proposals[':pid'].versions.$get({ param: { id: id(congressId), pid: id(proposalId) } })),
    textVersion: (congressId: string, versionId: string) => json(api.congresses[':id'].versions[':vid'].$get({ param: { id: id(congressId), vid: id(versionId) } })),
    compareVersions: (congressId: string, fromId: string, toId: string) =>
      json(api.congresses[':id'].versions[':vid'].compare[':other'].$get({ param: { id: id(congressId), vid: id(fromId), other: id(toId) } })),
    restoreVersion: (congressId: string, versionId: string) => json(api.congresses[':id'].versions[':vid'].restore.$post({ param: { id: id(congressId), vid: id(versionId) } })),
    floor: (congressId: string) => json(api.congresses[':id'].floor.$get(c(congressId))),
    setDebate: (congressId: string, docName: string | null, amendmentId: string | null = null) => json(api.congresses[':id'].floor.debate.$post({ ...c(congressId), json: { docName, amendmentId } })),
    setSpeakerRules: (congressId: string, rules: SpeakerRulesRequest) => json(api.congresses[':id'].floor.rules.$post({ ...c(congressId), json: rules })),
    askFloor: (congressId: string, stance: FloorStance) => json(api.congresses[':id'].floor.requests.$post({ ...c(congressId), json: { stance } })),
    /** A step of a request for the floor: withdrawn by who asked, given or ended by the bureau. */
    floorStep: (congressId: string, requestId: string, step: 'withdraw' | 'give' | 'end') =>
      json(api.congresses[':id'].floor.requests[':rid'][step].$post({ param: { id: id(congressId), rid: id(requestId) } })),
    freezeCheck: (congressId: string) => json(api.congresses[':id']['freeze-check'].$get(c(congressId))),
    freeze: (congressId: string) => json(api.congresses[':id'].freeze.$post(c(congressId))),
    seal: (congressId: string) => json(api.congresses[':id'].seal.$get(c(congressId))),
    deliveries: (congressId: string) => json(api.congresses[':id'].deliveries.$get(c(congressId))),
    recordDelivery: (congressId: string, delivery: DeliveryRequest) =>
      json(api.congresses[':id'].deliveries.$post({ ...c(congressId), json: delivery })),
    /** The slip of a delivery just recorded: its code sent back (the server keeps only its hash). */
    deliverySlip: (congressId: string, deliveryId: string, code: string) => file(api.congresses[':id']['delivery-slip.pdf'].$post({ ...c(congressId), json: { deliveryId, code } })),
  }
}

const a = (amendmentId: string) => ({ param: { aid: id(amendmentId) } })
const b = (ballotId: string) => ({ param: { bid: id(ballotId) } })

/** The headers `options` adds to each request (the tests' bearer token). */
/** A CSV body posted with fetch (hc sends only JSON); the answer's JSON, unchecked, or its error. */
async function postCsv(url: string, csv: string, headers: Record<string, string>): Promise<unknown> {
  const response = await reach(fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' }, body: csv, credentials: 'same-origin' }))
  if (!response.ok) throw await errorOf(response)
  return response.json()
}

async function requestHeaders(options?: ClientRequestOptions): Promise<Record<string, string>> {
  const headers = options?.headers
  return typeof headers === 'function' ? headers() : (headers ?? {})
}

/**
 * The API of the page's own server (a relative base: the browser adds the origin and the session
 * cookie); a first read may be answered from the page itself (boot-fetch.ts).
 */
export const api = createApi('/', { fetch: bootFetch })

export function congressPath(congressId: string): string {
  return `/congresses/${id(congressId)}`
}

/** Links the browser opens itself (PDF, QR codes, the event stream). */
export const apiLinks = {
  events: (congressId: string) => `/api${congressPath(congressId)}/events`,
  resultsCsv: (congressId: string) => `/api${congressPath(congressId)}/results.csv`,
  auditCsv: (congressId: string) => `/api${congressPath(congressId)}/audit.csv`,
  joinQr: (congressId: string) => `/api${congressPath(congressId)}/join-qr.svg`,
  bundle: (congressId: string) => `/api${congressPath(congressId)}/bundle`,
  bundleFile: (congressId: string, name: string) => `/api${congressPath(congressId)}/bundle/${id(name)}`,
  record: (congressId: string, kind: 'minutes' | 'comparative', lang: 'fr' | 'en', format: 'md' | 'pdf' | 'odt' | 'docx') => `/api${congressPath(congressId)}/record/${kind}?lang=${lang}&format=${format}`,
}
