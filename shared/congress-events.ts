import type { PresenceView } from './api-types.ts'
import { isPhase, type Phase } from './phases.ts'
import { isRole } from './roles.ts'
import { isJsonObject as isObject, isStringList, parseJsonObject, type JsonFields as Fields } from './json-value.ts'

/**
 * What a congress's event stream (GET /api/congresses/:id/events) sends: one server-sent event per
 * item, named by its `type`, whose data is the rest of the item as JSON.
 */
export type CongressEvent =
  /** The phase now; also the stream's first event. */
  | { readonly type: 'phase'; readonly phase: Phase }
  /** Who has the congress or a text open; the stream's second event, then at most every half second. */
  | ({ readonly type: 'presence' } & PresenceView)
  /** Questions or proposals changed: pages re-read the congress. */
  | { readonly type: 'structure' }
  /** Amendments were filed or changed status, co-signers or text of record. */
  | { readonly type: 'amendments' }
  /** Amendment texts were edited (at most once a second). */
  | { readonly type: 'amendment-texts' }
  /** The preamble's or a proposal's text changed: an edit, a merge, a cut (at most once a second). */
  | { readonly type: 'texts' }
  /** A ballot was created, deleted, or changed rule or status. */
  | { readonly type: 'ballots'; readonly ballotId: string }
  /** An open ballot's participation as votes arrive (at most every half second). */
  | { readonly type: 'participation'; readonly ballotId: string; readonly voted: number; readonly rights: number }
  /** Check-ins or proxies changed. */
  | { readonly type: 'attendance' }
  /** The projector shows another ballot, or none. */
  | { readonly type: 'projector'; readonly ballotId: string | null }
  /** The item under debate or its list of speakers changed. */
  | { readonly type: 'floor' }
  /** This person has new notifications (sent to them alone), and once at each connection: read them again. */
  | { readonly type: 'notifications' }

export type CongressEventType = CongressEvent['type']
export type CongressEventOf<T extends CongressEventType> = Extract<CongressEvent, { type: T }>

/** Every event name the stream sends. */
export const congressEventTypes = ['phase', 'presence', 'structure', 'amendments', 'amendment-texts', 'texts', 'ballots', 'participation', 'attendance', 'projector', 'floor', 'notifications'] as const satisfies readonly CongressEventType[]

// Every type is in the list: a member of the union left out of it does not compile.
type Unlisted = Exclude<CongressEventType, (typeof congressEventTypes)[number]>
const everyEventListed: [Unlisted] extends [never] ? true : never = true
void everyEventListed

/** An event as the stream writes it: its name, and the rest as JSON. */
export function encodeCongressEvent(event: CongressEvent): { readonly event: CongressEventType; readonly data: string } {
  const { type, ...data } = event
  return { event: type, data: JSON.stringify(data) }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0

function presenceOf(data: Fields): PresenceView | undefined {
  const { online, docs } = data
  if (!Array.isArray(online) || !isObject(docs)) return undefined
  const people: PresenceView['online'][number][] = []
  for (const person of online) {
    if (!isObject(person)) return undefined
    const { id, name, role } = person
    if (typeof id !== 'string' || typeof name !== 'string' || typeof role !== 'string' || !isRole(role)) return undefined
    people.push({ id, name, role })
  }
  const readers: Record<string, readonly string[]> = {}
  for (const [docName, ids] of Object.entries(docs)) {
    if (!isStringList(ids)) return undefined
    readers[docName] = ids
  }
  return { online: people, docs: readers }
}

/** An event as a client receives it (its name and its data), or undefined if it is not one this version knows. */
export function decodeCongressEvent(name: string, text: string): CongressEvent | undefined {
  const data = parseJsonObject(text)
  if (!data) return undefined
  switch (name) {
    case 'phase':
      return typeof data.phase === 'string' && isPhase(data.phase) ? { type: 'phase', phase: data.phase } : undefined
    case 'presence': {
      const presence = presenceOf(data)
      return presence && { type: 'presence', ...presence }
    }
    case 'structure':
    case 'amendments':
    case 'amendment-texts':
    case 'texts':
    case 'attendance':
    case 'floor':
    case 'notifications':
      return { type: name }
    case 'ballots':
      return typeof data.ballotId === 'string' ? { type: 'ballots', ballotId: data.ballotId } : undefined
    case 'participation': {
      const { ballotId, voted, rights } = data
      return typeof ballotId === 'string' && isCount(voted) && isCount(rights) ? { type: 'participation', ballotId, voted, rights } : undefined
    }
    case 'projector':
      return typeof data.ballotId === 'string' || data.ballotId === null ? { type: 'projector', ballotId: data.ballotId } : undefined
    default:
      return undefined
  }
}
