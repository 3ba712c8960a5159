import { EventEmitter } from 'node:events'
import type { CongressStore } from '../db/congress-store.ts'
import type { DocKind } from '../shared/docs/doc-name.ts'
import type { AmendmentAuthorship } from '../shared/permissions.ts'
import type { Phase } from '../shared/phases.ts'

/** The hub's events: name → payload. Listeners and emitters are checked against it (EventEmitter<HubEvents>). */
export interface HubEvents {
  'phase-changed': [{ congressId: string; phase: Phase }]
  'participant-revoked': [{ congressId: string; participantId: string }]
  /** A session signed out: its sockets and event streams close. */
  'session-closed': [{ congressId: string; tokenHash: string }]
  'presence-changed': [{ congressId: string }]
  'structure-changed': [{ congressId: string }]
  /** Amendments were filed or changed status, co-signers or text of record; `docNames` are touched. */
  'amendments-changed': [{ congressId: string; docNames: readonly string[] }]
  'document-changed': [{ congressId: string; docName: string; kind: DocKind }]
  /** A ballot was created, deleted, or changed rule or status. */
  'ballots-changed': [{ congressId: string; ballotId: string }]
  'vote-cast': [{ congressId: string; ballotId: string }]
  /** Check-ins or proxies changed. */
  'attendance-changed': [{ congressId: string }]
  'projector-changed': [{ congressId: string; ballotId: string | null }]
  /** The item under debate or its list of speakers changed. */
  'floor-changed': [{ congressId: string }]
  /** These people have new notifications (server/notifications/): their event streams say so. */
  notified: [{ congressId: string; participantIds: readonly string[] }]
}

export type HubEventName = keyof HubEvents
export type HubEvent<K extends HubEventName> = HubEvents[K][0]

/** One hub event with its name, for one name or (the default) any: what crosses to other processes. */
export type HubMessage<K extends HubEventName = HubEventName> = { [N in K]: { readonly name: N; readonly event: HubEvent<N> } }[K]

/**
 * The live state of congresses in this process: the current phase (cached, read on every
 * incoming update) and the events that open connections must react to at once.
 */
export class CongressHub extends EventEmitter<HubEvents> {
  private readonly phases = new Map<string, Phase>()
  /** Amendment document → who writes it (null: no amendment); read on every update to an amendment. */
  private readonly writers = new Map<string, AmendmentAuthorship | null>()
  /** Documents put to the vote, per congress; read on every update, dropped when a ballot changes. */
  private readonly voted = new Map<string, ReadonlySet<string>>()
  /** Counts the drops of each cache: a load that a drop overtook does not store what it read. */
  private writersEpoch = 0
  private phasesEpoch = 0
  private votedEpoch = 0
  /** Open event streams per congress and participant: who has Plenum open. */
  private readonly online = new Map<string, Map<string, number>>()
  /**
   * Called with every event this process's code raised (not those applied from another process):
   * the cross-process fan-out (server/fanout/) publishes them. Unset in a single process.
   */
  onLocalEvent: (<K extends HubEventName>(message: HubMessage<K>) => void) | undefined
  /** True while an event from another process is applied: it is not sent on again. */
  private applyingRemote = false
  /** Each event applied through the same method a local one goes through, so the caches follow. */
  private readonly appliers: { [K in HubEventName]: (event: HubEvent<K>) => void } = {
    'phase-changed': (e) => this.phaseChanged(e.congressId, e.phase),
    'participant-revoked': (e) => this.participantRevoked(e.congressId, e.participantId),
    'session-closed': (e) => this.sessionClosed(e.congressId, e.tokenHash),
    'presence-changed': (e) => this.presenceChanged(e.congressId),
    'structure-changed': (e) => this.structureChanged(e.congressId),
    'amendments-changed': (e) => this.amendmentsChanged(e.congressId, e.docNames),
    'document-changed': (e) => this.documentChanged(e.congressId, e.docName, e.kind),
    'ballots-changed': (e) => this.ballotsChanged(e.congressId, e.ballotId),
    'vote-cast': (e) => this.voteCast(e.congressId, e.ballotId),
    'attendance-changed': (e) => this.attendanceChanged(e.congressId),
    'projector-changed': (e) => this.projectorChanged(e.congressId, e.ballotId),
    'floor-changed': (e) => this.floorChanged(e.congressId),
    notified: (e) => this.notified(e.congressId, e.participantIds),
  }

  constructor(private readonly store: CongressStore) {
    super()
    this.setMaxListeners(0)
  }

  /** Listens to one event until the returned function is called: a listener never outlives its subscriber. */
  subscribe<K extends HubEventName>(name: K, listener: (event: HubEvent<K>) => void): () => void {
    // EventEmitter types a listener by a conditional type TypeScript cannot resolve for a generic
    // name; the signature above is the checked one.
    const handler = ((event: HubEvent<K>) => listener(event)) as Parameters<typeof this.on<K>>[1]
    this.on(name, handler)
    return () => void this.off(name, handler)
  }

  /**
   * An event another process raised: applied by the same method as a local one (its caches are
   * updated or dropped alike, its listeners hear it), and not handed to onLocalEvent again.
   */
  applyRemote<K extends HubEventName>(message: HubMessage<K>): void {
    const apply: (event: HubEvent<K>) => void = this.appliers[message.name]
    this.applyingRemote = true
    try {
      apply(message.event)
    } finally {
      this.applyingRemote = false
    }
  }

  /** Tells this process's listeners, then, for a local event, the fan-out. */
  private announce<K extends HubEventName>(name: K, event: HubEvent<K>): void {
    // The same unresolvable conditional type as in subscribe: the signature above is the checked one.
    ;(this.emit as (name: K, event: HubEvent<K>) => boolean)(name, event)
    if (!this.applyingRemote) this.onLocalEvent?.<K>({ name, event })
  }

  /**
   * Drops every cache: events were lost (Redis was away), so the next read loads from the database.
   * A load under way when this runs does not store what it read (the epochs).
   */
  forgetCaches(): void {
    this.phasesEpoch++
    this.writersEpoch++
    this.votedEpoch++
    this.phases.clear()
    this.writers.clear()
    this.voted.clear()
  }

  /** The congress's phase: cached, kept by the phase-changed events of every process. */
  async phase(congressId: string): Promise<Phase> {
    const cached = this.phases.get(congressId)
    if (cached) return cached
    // A congress that does not exist answers 'setup', as it always has: no session belongs to it
    // (authorization refuses it as another congress), and the command line's loaders say 404.
    const epoch = this.phasesEpoch
    const loaded = (await this.store.phase(congressId)) ?? 'setup'
    // A phase-changed event that arrived while this was read is newer than what was read; after
    // forgetCaches, what was read may be older than the events lost.
    if (epoch !== this.phasesEpoch) return this.phase(congressId)
    if (!this.phases.has(congressId)) this.phases.set(congressId, loaded)
    return this.phases.get(congressId)!
  }

  /**
   * The phase as cached, for the sync socket's checks, which run without awaiting: only after
   * `prepare` (or `phase`) for this congress.
   */
  phaseOf(congressId: string): Phase {
    const phase = this.phases.get(congressId)
    if (!phase) throw new Error(`phase of congress ${congressId} read before it was loaded (call prepare first)`)
    return phase
  }

  /**
   * Loads what the sync socket's checks read for this document (the phase, the texts put to the
   * vote, an amendment's writers), if not cached: undefined when all is cached, so the hot path
   * does not wait.
   */
  prepare(congressId: string, docName: string, kind: DocKind): Promise<void> | undefined {
    if (this.phases.has(congressId) && this.voted.has(congressId) && (kind !== 'amendment' || this.writers.has(docName))) return undefined
    return this.load(congressId, docName, kind)
  }

  private async load(congressId: string, docName: string, kind: DocKind): Promise<void> {
    await this.phase(congressId)
    if (!this.voted.has(congressId)) {
      const epoch = this.votedEpoch
      const docs = new Set(await this.store.votedDocs(congressId))
      // Dropped meanwhile by a ballot's change: what was read may be older than that change.
      if (epoch === this.votedEpoch) this.voted.set(congressId, docs)
      else await this.load(congressId, docName, kind)
    }
    if (kind === 'amendment' && !this.writers.has(docName)) {
      const epoch = this.writersEpoch
      const authorship = (await this.store.amendmentAuthorship(docName)) ?? null
      if (epoch === this.writersEpoch) this.writers.set(docName, authorship)
      else await this.load(congressId, docName, kind)
    }
  }

  phaseChanged(congressId: string, phase: Phase): void {
    this.phases.set(congressId, phase)
    this.announce('phase-changed', { congressId, phase })
  }

  /** Who writes an amendment's document now (the facts; shared/permissions.ts decides); undefined for a document that is no amendment. Cached: after `prepare`. */
  amendmentAuthorship(docName: string): AmendmentAuthorship | undefined {
    const authorship = this.writers.get(docName)
    if (authorship === undefined) throw new Error(`writers of ${docName} read before they were loaded (call prepare first)`)
    return authorship ?? undefined
  }

  /** Call after the change is committed: open editors learn their new rights, pages re-read lists. */
  amendmentsChanged(congressId: string, docNames: readonly string[]): void {
    this.writersEpoch++
    for (const name of docNames) this.writers.delete(name)
    this.announce('amendments-changed', { congressId, docNames })
  }

  /** A document's text changed (an edit stored, or a merge). */
  documentChanged(congressId: string, docName: string, kind: DocKind): void {
    this.announce('document-changed', { congressId, docName, kind })
  }

  /** Whether a ballot put this document to the vote: then it is locked for good. Cached: after `prepare`. */
  isVoted(congressId: string, docName: string): boolean {
    const docs = this.voted.get(congressId)
    if (!docs) throw new Error(`texts put to the vote in ${congressId} read before they were loaded (call prepare first)`)
    return docs.has(docName)
  }

  ballotsChanged(congressId: string, ballotId: string): void {
    this.votedEpoch++
    this.voted.delete(congressId)
    this.announce('ballots-changed', { congressId, ballotId })
  }

  voteCast(congressId: string, ballotId: string): void {
    this.announce('vote-cast', { congressId, ballotId })
  }

  attendanceChanged(congressId: string): void {
    this.announce('attendance-changed', { congressId })
  }

  projectorChanged(congressId: string, ballotId: string | null): void {
    this.announce('projector-changed', { congressId, ballotId })
  }

  floorChanged(congressId: string): void {
    this.announce('floor-changed', { congressId })
  }

  notified(congressId: string, participantIds: readonly string[]): void {
    this.announce('notified', { congressId, participantIds })
  }

  participantRevoked(congressId: string, participantId: string): void {
    this.announce('participant-revoked', { congressId, participantId })
  }

  sessionClosed(congressId: string, tokenHash: string): void {
    this.announce('session-closed', { congressId, tokenHash })
  }

  join(congressId: string, participantId: string): void {
    const people = this.online.get(congressId) ?? new Map<string, number>()
    people.set(participantId, (people.get(participantId) ?? 0) + 1)
    this.online.set(congressId, people)
    this.presenceChanged(congressId)
  }

  leave(congressId: string, participantId: string): void {
    const people = this.online.get(congressId)
    const count = people?.get(participantId) ?? 0
    if (!people || count === 0) return
    if (count === 1) people.delete(participantId)
    else people.set(participantId, count - 1)
    if (people.size === 0) this.online.delete(congressId)
    this.presenceChanged(congressId)
  }

  onlineIds(congressId: string): string[] {
    return [...(this.online.get(congressId)?.keys() ?? [])]
  }

  /** Questions or proposals changed: pages re-read the congress. */
  structureChanged(congressId: string): void {
    this.announce('structure-changed', { congressId })
  }

  presenceChanged(congressId: string): void {
    this.announce('presence-changed', { congressId })
  }
}
