import type { AuditEntryView, AuditRefs, AuditTextRef } from '../api-types.ts'

/**
 * A log entry's payload read defensively: it is data written by whichever version of the server
 * logged it. Each accessor returns the field as the sentence needs it or throws MalformedEntry,
 * which turns the whole sentence into the generic one; a sentence never shows "undefined".
 */
export class MalformedEntry extends Error {}

/** A ballot's subject, from the label its entries carry ("P2-A1", "Proposition 2", "Motion"…). */
export type LogSubject =
  | { readonly kind: 'motion' }
  | { readonly kind: 'proposal'; readonly number: string; readonly part: string | null }
  | { readonly kind: 'proposals'; readonly numbers: readonly string[] }
  | { readonly kind: 'amendment'; readonly label: string }
  | { readonly kind: 'amendments'; readonly labels: readonly string[] }
  | { readonly kind: 'other'; readonly text: string }

const splitList = (list: string) => list.split(/, | et /)

/** The labels the server's ballot subjects take (server/presenters/ballot-view.ts subjectOf), as data. */
export function parseSubject(label: string): LogSubject {
  if (label === 'Motion') return { kind: 'motion' }
  const part = /^Proposition (\d+), vote par division : (.+)$/.exec(label)
  if (part) return { kind: 'proposal', number: part[1]!, part: part[2]! }
  const one = /^Proposition (\d+)$/.exec(label)
  if (one) return { kind: 'proposal', number: one[1]!, part: null }
  const proposals = /^Propositions (.+) \(en bloc\)$/.exec(label)
  if (proposals) return { kind: 'proposals', numbers: splitList(proposals[1]!) }
  const amendments = /^Amendements (.+) \(en bloc\)$/.exec(label)
  if (amendments) return { kind: 'amendments', labels: splitList(amendments[1]!) }
  if (/^(PR|P\d+)-A\d+(-[SR]\d+)?$/.test(label)) return { kind: 'amendment', label }
  return { kind: 'other', text: label }
}

/** What earlier entries tell about later ones: a ballot's subject, who asked for the floor. */
export interface LogContext {
  readonly refs: AuditRefs
  readonly ballots: ReadonlyMap<string, string>
  readonly askers: ReadonlyMap<string, string>
}

const emptyRefs: AuditRefs = { people: {}, amendments: {}, texts: {}, proposals: {}, themes: {} }

export function logContext(entries: readonly Pick<AuditEntryView, 'action' | 'actorName' | 'payload'>[], refs: AuditRefs = emptyRefs): LogContext {
  const ballots = new Map<string, string>()
  const askers = new Map<string, string>()
  for (const e of entries) {
    const { ballotId, subject, requestId } = e.payload
    if (e.action.startsWith('ballot.') && typeof ballotId === 'string' && typeof subject === 'string') ballots.set(ballotId, subject)
    if (e.action === 'floor.asked' && typeof requestId === 'string') askers.set(requestId, e.actorName)
  }
  return { refs, ballots, askers }
}

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined)

/** The accessors a sentence reads its entry through. */
export class LogReading {
  constructor(
    readonly actor: string,
    private readonly payload: Readonly<Record<string, unknown>>,
    private readonly context: LogContext,
  ) {}

  private field(key: string): unknown {
    return Object.hasOwn(this.payload, key) ? this.payload[key] : undefined
  }

  str(key: string): string {
    const value = this.field(key)
    if (typeof value !== 'string' || value === '') throw new MalformedEntry(key)
    return value
  }

  /** A string that may be absent or null (a ruling's reason): null then. */
  optStr(key: string): string | null {
    const value = this.field(key)
    if (value === undefined || value === null || value === '') return null
    if (typeof value !== 'string') throw new MalformedEntry(key)
    return value
  }

  num(key: string): number {
    const value = this.field(key)
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new MalformedEntry(key)
    return value
  }

  has(key: string): boolean {
    const value = this.field(key)
    return value !== undefined && value !== null
  }

  bool(key: string): boolean {
    const value = this.field(key)
    if (typeof value !== 'boolean') throw new MalformedEntry(key)
    return value
  }

  strings(key: string): string[] {
    const value = this.field(key)
    if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) throw new MalformedEntry(key)
    return value
  }

  /** A nested object (a room count), read the same way. */
  obj(key: string): LogReading {
    const value = this.field(key)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedEntry(key)
    return new LogReading(this.actor, value as Record<string, unknown>, this.context)
  }

  /** A person: the name the entry carries if any, else the name of the id it carries. */
  person(idKey: string, nameKey?: string): string {
    const name = nameKey === undefined ? undefined : this.field(nameKey)
    if (typeof name === 'string' && name !== '') return name
    const found = own(this.context.refs.people, this.str(idKey))
    if (found === undefined) throw new MalformedEntry(idKey)
    return found
  }

  /** An amendment: the label the entry carries if any, else today's label of the id. */
  amendment(idKey: string, labelKey?: string): string {
    const label = labelKey === undefined ? undefined : this.field(labelKey)
    if (typeof label === 'string' && label !== '') return label
    const found = own(this.context.refs.amendments, this.str(idKey))
    if (found === undefined) throw new MalformedEntry(idKey)
    return found
  }

  text(docKey: string): AuditTextRef {
    const found = own(this.context.refs.texts, this.str(docKey))
    if (found === undefined) throw new MalformedEntry(docKey)
    return found
  }

  proposalNumber(idKey: string): number {
    const found = own(this.context.refs.proposals, this.str(idKey))
    if (found === undefined) throw new MalformedEntry(idKey)
    return found
  }

  themeTitle(idKey: string): string {
    const found = own(this.context.refs.themes, this.str(idKey))
    if (found === undefined) throw new MalformedEntry(idKey)
    return found
  }

  subject(key = 'subject'): LogSubject {
    return parseSubject(this.str(key))
  }

  /** A ballot named only by its id: its subject from the log's earlier entries. */
  ballot(idKey = 'ballotId'): LogSubject {
    const label = this.context.ballots.get(this.str(idKey))
    if (label === undefined) throw new MalformedEntry(idKey)
    return parseSubject(label)
  }

  /** Who asked for the floor with this request, from the log's floor.asked entry. */
  asker(requestKey = 'requestId'): string {
    const name = this.context.askers.get(this.str(requestKey))
    if (name === undefined) throw new MalformedEntry(requestKey)
    return name
  }
}

/** A detail a sentence can do without: null when the entry does not carry it readably. */
export function maybe<T>(read: () => T): T | null {
  try {
    return read()
  } catch (error) {
    if (error instanceof MalformedEntry) return null
    throw error
  }
}
