import type { BallotRule, Choice } from '../ballots/ballot-rule.ts'
import { choices, isChoice } from '../ballots/ballot-rule.ts'
import type { RoomVote } from '../ballots/room-count.ts'
import type { ChoiceCounts } from '../ballots/tally-types.ts'
import { nonceHexPattern } from '../ballots/receipt.ts'
import { invalid, parsed, type Parsed } from '../parsed.ts'
import { isJsonObject as isObject } from '../json-value.ts'

// The bodies the ballot, vote, attendance and projector routes take: what hc<AppType> makes a
// client send, and what the commands receive.

/** What a ballot puts to the vote: an amendment or a proposal by id, several proposals in one vote (*en bloc*), or the whole motion. */
export type BallotSubject =
  | { readonly kind: 'amendment' | 'proposal'; readonly id: string }
  /** Several proposals (or, `of: 'amendment'`, amendments) in one vote: its outcome is each one's. */
  | { readonly kind: 'block'; readonly ids: readonly string[]; readonly of?: 'proposal' | 'amendment' }
  /** A part of a proposal (*vote par division*): its blocks, counted from 0 in the text as it stands. */
  | { readonly kind: 'part'; readonly id: string; readonly blocks: readonly number[] }
  | { readonly kind: 'motion' }

/** A block puts at least two proposals to the vote, and no more than a motion holds. */
export const blockLimits = { min: 2, max: 200 } as const

/** Some fields of a ballot rule, over a template (quorum and proxies whole); checked against it by the command. */
export type BallotRulePatch = Partial<BallotRule>

export interface NewBallotRequest {
  readonly congressId: string
  readonly subject: BallotSubject
  readonly rule?: BallotRulePatch
}

export interface BallotRuleChangeRequest {
  readonly rule: BallotRulePatch
}

export interface OpenBallotRequest {
  /** The ballot closes by itself after this long; without it, when the bureau closes it. */
  readonly durationSeconds?: number
}

export interface CastVoteRequest {
  readonly choice: Choice
  /** The person represented; the voter themselves when absent. */
  readonly onBehalfOf?: string
  /** Chosen by the voter's device and sent again on a retry: the same vote, the same receipt. */
  readonly clientVoteId: string
  /** 32 hex characters drawn by the voter's device, mixed into the receipt (the server draws them if absent). */
  readonly deviceNonce?: string
}

export interface PresenceRequest {
  readonly present: boolean
}

/** The personal code on a badge, or its join link, as the desk scans or types it. */
export interface BadgeCheckInRequest {
  readonly code: string
}

export interface RoomCheckInRequest {
  readonly roomCode: string
}

export interface ProxyRequest {
  readonly giverId: string
  readonly holderId: string
}

export interface ProjectBallotRequest {
  /** null: the projector shows no ballot. */
  readonly ballotId: string | null
}

/**
 * What the bureau counted in the room: numbers for a secret ballot, names with their choice for a
 * roll-call one (the numbers are then theirs). A new count replaces the last one.
 */
export type RoomCountRequest = { readonly counts: ChoiceCounts } | { readonly names: readonly RoomVote[] }

/** Far more than any room's hands; a list of names entered by hand stays within the body limit. */
export const maxRoomCount = 100_000
export const maxRoomNames = 2_000

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 64

export function parseBallotSubject(value: unknown): Parsed<BallotSubject> {
  if (isObject(value)) {
    if (value.kind === 'motion') return parsed({ kind: 'motion' })
    if ((value.kind === 'amendment' || value.kind === 'proposal') && isId(value.id)) return parsed({ kind: value.kind, id: value.id })
    if (value.kind === 'block') {
      const ids = value.ids
      if (!Array.isArray(ids) || !ids.every(isId) || new Set(ids).size !== ids.length || ids.length < blockLimits.min || ids.length > blockLimits.max) {
        return invalid('subject.ids', { rule: 'block', min: blockLimits.min, max: blockLimits.max }, `de ${blockLimits.min} à ${blockLimits.max} propositions différentes`)
      }
      if (value.of !== undefined && value.of !== 'proposal' && value.of !== 'amendment') return invalid('subject.of', { rule: 'one_of', values: ['proposal', 'amendment'] }, '« proposal » ou « amendment »')
      return parsed({ kind: 'block', ids, of: value.of ?? 'proposal' })
    }
    if (value.kind === 'part' && isId(value.id)) {
      const blocks = value.blocks
      if (!Array.isArray(blocks) || blocks.length === 0 || blocks.length > 1000 || !blocks.every((b) => Number.isInteger(b) && b >= 0)) {
        return invalid('subject.blocks', { rule: 'list_length', min: 1, max: 1000 }, 'la liste des paragraphes de la partie (de 1 à 1000)')
      }
      return parsed({ kind: 'part', id: value.id, blocks: blocks as number[] })
    }
  }
  return invalid('subject', { rule: 'shape', shape: '{ kind: "amendment" | "proposal", id } | { kind: "block", ids } | { kind: "part", id, blocks } | { kind: "motion" }' }, '{ kind: "amendment" | "proposal", id }, { kind: "block", ids }, { kind: "part", id, blocks } ou { kind: "motion" }')
}

/** A rule patch's shape only: its fields are checked by mergeRulePatch, against the rule they change. */
export function parseRulePatch(value: unknown, field = 'rule'): Parsed<BallotRulePatch> {
  return isObject(value) ? parsed(value as BallotRulePatch) : invalid(field, { rule: 'object' }, 'un objet avec les éléments de la règle à changer')
}

export function parseNewBallot(body: Record<string, unknown>): Parsed<NewBallotRequest> {
  if (!isId(body.congressId)) return invalid('congressId', { rule: 'id' }, 'l’identifiant du congrès')
  const subject = parseBallotSubject(body.subject)
  if (!subject.ok) return subject
  if (body.rule === undefined || body.rule === null) return parsed({ congressId: body.congressId, subject: subject.value })
  const rule = parseRulePatch(body.rule)
  return rule.ok ? parsed({ congressId: body.congressId, subject: subject.value, rule: rule.value }) : rule
}

export function parseBallotRuleChange(body: Record<string, unknown>): Parsed<BallotRuleChangeRequest> {
  const rule = parseRulePatch(body.rule)
  return rule.ok ? parsed({ rule: rule.value }) : rule
}

/** A ballot lasts at most a day. */
export const maxBallotSeconds = 24 * 3600

export function parseOpenBallot(body: Record<string, unknown>): Parsed<OpenBallotRequest> {
  const value = body.durationSeconds
  if (value === undefined || value === null) return parsed({})
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 10 || value > maxBallotSeconds) {
    return invalid('durationSeconds', { rule: 'integer_range', min: 10, max: maxBallotSeconds }, `un nombre entier de secondes entre 10 et ${maxBallotSeconds}`)
  }
  return parsed({ durationSeconds: value })
}

const clientVoteIdPattern = /^[A-Za-z0-9_-]{16,100}$/

export function parseCastVote(body: Record<string, unknown>): Parsed<CastVoteRequest> {
  const { choice, clientVoteId, onBehalfOf, deviceNonce } = body
  if (!isChoice(choice)) return invalid('choice', { rule: 'one_of', values: choices }, 'doit valoir « yes », « no » ou « abstain »')
  if (typeof clientVoteId !== 'string' || !clientVoteIdPattern.test(clientVoteId)) return invalid('clientVoteId', { rule: 'token', min: 16, max: 100 }, 'de 16 à 100 caractères parmi A-Z, a-z, 0-9, « - » et « _ »')
  if (onBehalfOf !== undefined && !isId(onBehalfOf)) return invalid('onBehalfOf', { rule: 'id' }, 'l’identifiant de la personne représentée')
  if (deviceNonce !== undefined && (typeof deviceNonce !== 'string' || !nonceHexPattern.test(deviceNonce))) {
    return invalid('deviceNonce', { rule: 'hex', length: 32 }, '32 caractères hexadécimaux (0-9, a-f) tirés par l’appareil')
  }
  return parsed({ choice, clientVoteId, ...(onBehalfOf === undefined ? {} : { onBehalfOf }), ...(deviceNonce === undefined ? {} : { deviceNonce }) })
}

export function parsePresence(body: Record<string, unknown>): Parsed<PresenceRequest> {
  return typeof body.present === 'boolean' ? parsed({ present: body.present }) : invalid('present', { rule: 'boolean' }, 'doit valoir true ou false')
}

export function parseProjectBallot(body: Record<string, unknown>): Parsed<ProjectBallotRequest> {
  const { ballotId } = body
  return ballotId === null || isId(ballotId) ? parsed({ ballotId }) : invalid('ballotId', { rule: 'id_or_null' }, 'l’identifiant d’un scrutin, ou null')
}

export function parseRoomCount(body: Record<string, unknown>): Parsed<RoomCountRequest> {
  const { counts, names } = body
  if ((counts === undefined) === (names === undefined)) {
    return invalid('counts', { rule: 'shape', shape: '{ counts: { yes, no, abstain } } | { names: [{ participantId, choice }] }' }, '{ counts: { yes, no, abstain } } ou { names: [{ participantId, choice }] }')
  }
  if (counts !== undefined) {
    if (!isObject(counts)) return invalid('counts', { rule: 'object' }, 'un objet { yes, no, abstain }')
    for (const key of choices) {
      const n = counts[key]
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > maxRoomCount) {
        return invalid(`counts.${key}`, { rule: 'integer_range', min: 0, max: maxRoomCount }, `un nombre entier entre 0 et ${maxRoomCount}`)
      }
    }
    return parsed({ counts: { yes: counts.yes as number, no: counts.no as number, abstain: counts.abstain as number } })
  }
  if (!Array.isArray(names) || names.length > maxRoomNames) return invalid('names', { rule: 'list_length', min: 0, max: maxRoomNames }, `une liste d’au plus ${maxRoomNames} noms`)
  // Lines are the names' places in the list, from 1: "line 3: already on line 1".
  const seen = new Map<string, number>()
  const votes: RoomVote[] = []
  for (const [i, item] of names.entries()) {
    if (!isObject(item) || !isId(item.participantId)) return invalid('participantId', { rule: 'id' }, 'l’identifiant de la personne comptée', i + 1)
    if (!isChoice(item.choice)) return invalid('choice', { rule: 'one_of', values: choices }, 'doit valoir « yes », « no » ou « abstain »', i + 1)
    // One person counted once: a second line would be a second vote.
    const first = seen.get(item.participantId)
    if (first !== undefined) return invalid('participantId', { rule: 'duplicate', otherLine: first }, `cette personne est déjà comptée ligne ${first}`, i + 1)
    seen.set(item.participantId, i + 1)
    votes.push({ participantId: item.participantId, choice: item.choice })
  }
  return parsed({ names: votes })
}
