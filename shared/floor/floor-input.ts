import { invalid, type Parsed } from '../parsed.ts'
import type { AskFloorRequest, DebateRequest } from '../requests/floor-requests.ts'
import { floorStances, isFloorStance } from './speakers.ts'

/** `{ docName }`: a document name (or null: nothing under debate). */
export function parseDebate(body: Record<string, unknown>): Parsed<DebateRequest> {
  const { docName } = body
  if (docName === null) return { ok: true, value: { docName: null } }
  if (typeof docName !== 'string' || docName.length === 0 || docName.length > 200) return invalid('docName', { rule: 'id_or_null' }, 'doit être le nom d’un texte du congrès, ou null')
  return { ok: true, value: { docName } }
}

/** `{ stance }`: for, against, or a point of order. */
export function parseAskFloor(body: Record<string, unknown>): Parsed<AskFloorRequest> {
  return isFloorStance(body.stance) ? { ok: true, value: { stance: body.stance } } : invalid('stance', { rule: 'one_of', values: floorStances }, `doit valoir ${floorStances.map((s) => `« ${s} »`).join(', ')}`)
}
