import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { PresenceView } from '../shared/api-types.ts'
import { congressEventTypes, decodeCongressEvent, type CongressEvent } from '../shared/congress-events.ts'
import type { Phase } from '../shared/phases.ts'
import { apiLinks } from './api.ts'

/**
 * The congress's live state from its event stream: the phase (shown on every page, and what
 * the server enforces) and who is online. The browser's EventSource reconnects by itself.
 */
export class CongressLive implements ReactiveController {
  phase: Phase | undefined
  presence: PresenceView = { online: [], docs: {} }
  /** Grows whenever amendments or their texts change: lists that show them fetch again. */
  amendmentsRevision = 0
  /**
   * Grows when amendments are filed, change status or are merged, not while their texts are typed:
   * the order of the votes reads only amendments ruled admissible, whose texts no longer change, so
   * every phone following the floor need not read them again at each keystroke elsewhere.
   */
  amendmentStepsRevision = 0
  /** Grows when the preamble's or a proposal's text changed (at most once a second): the whole motion's page reads it again. */
  textsRevision = 0
  /** Grows whenever a ballot is created, changes or is deleted. */
  ballotsRevision = 0
  /** Grows when check-ins or proxies change, or the projector shows another ballot. */
  attendanceRevision = 0
  projectorRevision = 0
  /** Grows when the item under debate or its list of speakers changes. */
  floorRevision = 0
  /** Grows when this person's notifications change, and at each (re)connection: the header's badge reads them again. */
  notificationsRevision = 0
  /** The latest participation counts per open ballot, as votes arrive. */
  participation: Readonly<Record<string, { voted: number; rights: number }>> = {}
  /**
   * Grows each time the stream (re)connects: what was read before a drop may have missed an
   * event, so pages read again.
   */
  connections = 0

  /**
   * The reconnections only. The first connection does not make the vote page read again: its first
   * answers come in its HTML, and a read started at that moment would replace them with a request
   * over the hall's Wi-Fi (seconds on a slow network) before the buttons show.
   */
  get reconnections(): number {
    return Math.max(0, this.connections - 1)
  }
  /** Whether the event stream is up (until it fails): the voter's screen disables its buttons when it is not. */
  streaming = true
  private source: EventSource | undefined
  private congressId: string | undefined

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called when the stream fails: the session may have ended. */
    private readonly onTrouble: () => void,
    /** Called when questions or proposals changed, or amendments were filed or changed status. */
    private readonly onStructure: () => void,
  ) {
    host.addController(this)
  }

  /** Follows `congressId`, or nothing. */
  follow(congressId: string | undefined): void {
    if (congressId === this.congressId) return
    this.close()
    this.congressId = congressId
    this.phase = undefined
    this.presence = { online: [], docs: {} }
    if (!congressId) return
    const source = new EventSource(apiLinks.events(congressId))
    for (const type of congressEventTypes) {
      source.addEventListener(type, (message) => {
        const event = decodeCongressEvent(type, message.data)
        if (event) this.apply(event)
      })
    }
    source.addEventListener('open', () => {
      this.connections += 1
      this.streaming = true
      this.host.requestUpdate()
    })
    source.addEventListener('error', () => {
      this.streaming = false
      this.host.requestUpdate()
      this.onTrouble()
    })
    this.source = source
  }

  /** One event of the stream, received whole and typed. */
  private apply(event: CongressEvent): void {
    switch (event.type) {
      case 'phase':
        this.phase = event.phase
        break
      case 'presence':
        this.presence = { online: event.online, docs: event.docs }
        break
      case 'structure':
        this.onStructure()
        return
      case 'amendments':
        this.amendmentsRevision += 1
        this.amendmentStepsRevision += 1
        this.onStructure()
        return
      case 'amendment-texts':
        this.amendmentsRevision += 1
        break
      case 'texts':
        this.textsRevision += 1
        break
      case 'ballots':
        this.ballotsRevision += 1
        break
      case 'participation':
        this.participation = { ...this.participation, [event.ballotId]: { voted: event.voted, rights: event.rights } }
        break
      case 'attendance':
        this.attendanceRevision += 1
        break
      case 'projector':
        this.projectorRevision += 1
        break
      case 'floor':
        this.floorRevision += 1
        break
      case 'notifications':
        this.notificationsRevision += 1
        break
    }
    this.host.requestUpdate()
  }

  hostConnected(): void {
    const id = this.congressId
    this.congressId = undefined
    this.follow(id)
  }

  hostDisconnected(): void {
    this.close()
  }

  private close(): void {
    this.source?.close()
    this.source = undefined
  }
}
