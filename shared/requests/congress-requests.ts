import { isPhase, phases, type Phase } from '../phases.ts'
import { invalid, parsed, type Parsed } from '../parsed.ts'

// The bodies the congress's setup routes take: what hc<AppType> makes a client send, and what the
// commands receive.

export interface PhaseChangeRequest {
  readonly phase: Phase
}

export function parsePhaseChange(body: Record<string, unknown>): Parsed<PhaseChangeRequest> {
  const { phase } = body
  if (typeof phase === 'string' && isPhase(phase)) return parsed({ phase })
  const named = typeof phase === 'string' ? `« ${phase.slice(0, 40)} »` : 'absente'
  return invalid('phase', { rule: 'one_of', values: phases }, `phase inconnue : ${named}`)
}

/** Undoing the last phase move: the reason the log and the minutes keep. */
export interface PhaseRevertRequest {
  readonly reason: string
}

export const maxRevertReason = 500

export function parsePhaseRevert(body: Record<string, unknown>): Parsed<PhaseRevertRequest> {
  const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
  if (reason.length > 0 && reason.length <= maxRevertReason) return parsed({ reason })
  return invalid('reason', { rule: 'short_text', max: maxRevertReason }, `une raison de 1 à ${maxRevertReason} caractères`)
}

/** What the bureau may change of a congress; at least one field. */
export interface CongressDetailsRequest {
  readonly title?: string
  readonly edition?: number
  readonly date?: string
  readonly place?: string
  /** Accepted co-signers an amendment needs before it goes to the bureau. */
  readonly minCosigners?: number
  /** IANA time zone of the official outputs' dates in words ("Europe/Paris"). */
  readonly timeZone?: string
}

export interface NewThemeRequest {
  readonly title: string
}

/** A question's new title and/or place among the questions (from 1; past the end means last). */
export interface ThemeChangeRequest {
  readonly title?: string
  readonly position?: number
}

export interface NewProposalRequest {
  readonly title: string
  readonly themeId: string
}

/** A proposal's new title, question and/or place within its question (from 1). */
export interface ProposalChangeRequest {
  readonly title?: string
  readonly themeId?: string
  readonly position?: number
}

export interface SignInRequest {
  readonly code: string
}

/** The codes the bureau was just given, sent back to print them. */
export interface AccessSheetRequest {
  readonly participants: readonly { readonly id: string; readonly code: string }[]
}

/** At most this many codes on one sheet. */
export const maxSheetEntries = 5000
const isShortText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 64

/** The codes the bureau was just given, sent back to print them: [{ id, code }], 5000 at most. */
export function parseAccessSheet(body: Record<string, unknown>): Parsed<AccessSheetRequest> {
  const list = body.participants
  if (!Array.isArray(list) || list.length === 0 || list.length > maxSheetEntries) {
    return invalid('participants', { rule: 'list_length', min: 1, max: maxSheetEntries }, `une liste de 1 à ${maxSheetEntries} { id, code }`)
  }
  const participants: { id: string; code: string }[] = []
  for (const [i, item] of list.entries()) {
    const entry: unknown = item
    if (typeof entry !== 'object' || entry === null || !('id' in entry) || !('code' in entry) || !isShortText(entry.id) || !isShortText(entry.code)) {
      return invalid('participants', { rule: 'shape', shape: '{ id, code }' }, `élément ${i + 1} : { id, code } attendus`, i + 1)
    }
    participants.push({ id: entry.id, code: entry.code })
  }
  return parsed({ participants })
}
