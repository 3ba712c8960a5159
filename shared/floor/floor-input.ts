import { invalid, type Parsed } from '../parsed.ts'
import type { AskFloorRequest, DebateRequest, SpeakerRulesRequest } from '../requests/floor-requests.ts'
import { floorStances, isFloorStance } from './speakers.ts'

/** `{ docName, amendmentId? }`: a document name (or null: nothing under debate), and perhaps one of its amendments (its discussion commune). */
export function parseDebate(body: Record<string, unknown>): Parsed<DebateRequest> {
  const { docName, amendmentId } = body
  if (docName === null) return { ok: true, value: { docName: null } }
  if (typeof docName !== 'string' || docName.length === 0 || docName.length > 200) return invalid('docName', { rule: 'id_or_null' }, 'doit être le nom d’un texte du congrès, ou null')
  if (amendmentId === undefined || amendmentId === null) return { ok: true, value: { docName, amendmentId: null } }
  if (typeof amendmentId !== 'string' || amendmentId.length === 0 || amendmentId.length > 64) return invalid('amendmentId', { rule: 'id_or_null' }, 'doit être l’identifiant d’un amendement du texte, ou null')
  return { ok: true, value: { docName, amendmentId } }
}

/** `{ stance }`: for, against, or a point of order. */
export function parseAskFloor(body: Record<string, unknown>): Parsed<AskFloorRequest> {
  return isFloorStance(body.stance) ? { ok: true, value: { stance: body.stance } } : invalid('stance', { rule: 'one_of', values: floorStances }, `doit valoir ${floorStances.map((s) => `« ${s} »`).join(', ')}`)
}

/** A speaker's time, in seconds: from half a minute to half an hour. */
export const speakingSecondsRange = { min: 30, max: 1_800 } as const

/** `{ speakingSeconds, alternate, firstTimersFirst }`. */
export function parseSpeakerRules(body: Record<string, unknown>): Parsed<SpeakerRulesRequest> {
  const { speakingSeconds, alternate, firstTimersFirst } = body
  const { min, max } = speakingSecondsRange
  if (typeof speakingSeconds !== 'number' || !Number.isInteger(speakingSeconds) || speakingSeconds < min || speakingSeconds > max) {
    return invalid('speakingSeconds', { rule: 'integer_range', min, max }, `doit être un nombre entier de secondes entre ${min} et ${max}`)
  }
  if (typeof alternate !== 'boolean') return invalid('alternate', { rule: 'boolean' }, 'doit valoir true ou false')
  if (typeof firstTimersFirst !== 'boolean') return invalid('firstTimersFirst', { rule: 'boolean' }, 'doit valoir true ou false')
  return { ok: true, value: { speakingSeconds, alternate, firstTimersFirst } }
}
