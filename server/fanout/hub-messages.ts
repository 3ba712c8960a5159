import { docKinds, type DocKind } from '../../shared/docs/doc-name.ts'
import { isPhase } from '../../shared/phases.ts'
import type { HubEvent, HubEventName, HubMessage } from '../congress-hub.ts'
import { isJsonObject as isObject, isStringList, parseJsonObject, type JsonFields as Fields } from '../../shared/json-value.ts'

/** A hub event as it crosses between processes: the event, and the random id of the process that raised it. */
export interface HubWireMessage {
  readonly origin: string
  readonly message: HubMessage
}

export function encodeHubMessage<K extends HubEventName>(origin: string, message: HubMessage<K>): string {
  return JSON.stringify({ origin, name: message.name, event: message.event })
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isDocKind = (value: unknown): value is DocKind => typeof value === 'string' && (docKinds as readonly string[]).includes(value)

/** One checked decoder per event: an event name without one does not compile. */
const decoders: { [K in HubEventName]: (data: Fields, congressId: string) => HubEvent<K> | undefined } = {
  'phase-changed': ({ phase }, congressId) => (isString(phase) && isPhase(phase) ? { congressId, phase } : undefined),
  'participant-revoked': ({ participantId }, congressId) => (isString(participantId) ? { congressId, participantId } : undefined),
  'session-closed': ({ tokenHash }, congressId) => (isString(tokenHash) ? { congressId, tokenHash } : undefined),
  'presence-changed': (_, congressId) => ({ congressId }),
  'structure-changed': (_, congressId) => ({ congressId }),
  'amendments-changed': ({ docNames }, congressId) => (isStringList(docNames) ? { congressId, docNames } : undefined),
  'document-changed': ({ docName, kind }, congressId) => (isString(docName) && isDocKind(kind) ? { congressId, docName, kind } : undefined),
  'ballots-changed': ({ ballotId }, congressId) => (isString(ballotId) ? { congressId, ballotId } : undefined),
  'vote-cast': ({ ballotId }, congressId) => (isString(ballotId) ? { congressId, ballotId } : undefined),
  'attendance-changed': (_, congressId) => ({ congressId }),
  'projector-changed': ({ ballotId }, congressId) => (isString(ballotId) || ballotId === null ? { congressId, ballotId } : undefined),
  'floor-changed': (_, congressId) => ({ congressId }),
  notified: ({ participantIds }, congressId) => (isStringList(participantIds) ? { congressId, participantIds } : undefined),
}

const isHubEventName = (name: unknown): name is HubEventName => typeof name === 'string' && Object.hasOwn(decoders, name)

function decodeEvent<K extends HubEventName>(name: K, data: Fields, congressId: string): HubMessage<K> | undefined {
  const decode: (data: Fields, congressId: string) => HubEvent<K> | undefined = decoders[name]
  const event = decode(data, congressId)
  return event && { name, event }
}

/**
 * "I was cut off from Redis": what a process publishes when its connection comes back. Events it
 * raised meanwhile reached no one, so every process drops what it cached and re-reads its texts.
 */
export function encodeResync(origin: string): string {
  return JSON.stringify({ origin, resync: true })
}

/** The origin of a resync message, or undefined if the message is not one. */
export function decodeResync(text: string): string | undefined {
  const data = parseJsonObject(text)
  return data && data.resync === true && isString(data.origin) ? data.origin : undefined
}

/** A message from the channel, or undefined if it is not one this version knows (then it is dropped, never guessed). */
export function decodeHubMessage(text: string): HubWireMessage | undefined {
  const data = parseJsonObject(text)
  if (!data) return undefined
  const { origin, name, event } = data
  if (!isString(origin) || !isHubEventName(name) || !isObject(event) || !isString(event.congressId)) return undefined
  const message = decodeEvent(name, event, event.congressId)
  return message && { origin, message }
}
