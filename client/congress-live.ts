import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { PresenceView } from '../shared/api-types.ts'
import { isPhase, type Phase } from '../shared/phases.ts'
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
  /** Grows whenever a ballot is created, changes or is deleted. */
  ballotsRevision = 0
  /** Grows when check-ins or proxies change, or the projector shows another ballot. */
  attendanceRevision = 0
  projectorRevision = 0
  /** The latest participation counts per open ballot, as votes arrive. */
  participation: Readonly<Record<string, { voted: number; rights: number }>> = {}
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
    source.addEventListener('phase', (event) => {
      const { phase } = JSON.parse((event as MessageEvent<string>).data) as { phase: string }
      if (isPhase(phase)) this.phase = phase
      this.host.requestUpdate()
    })
    source.addEventListener('presence', (event) => {
      this.presence = JSON.parse((event as MessageEvent<string>).data) as PresenceView
      this.host.requestUpdate()
    })
    source.addEventListener('structure', () => this.onStructure())
    source.addEventListener('amendments', () => {
      this.amendmentsRevision += 1
      this.onStructure()
    })
    source.addEventListener('amendment-texts', () => {
      this.amendmentsRevision += 1
      this.host.requestUpdate()
    })
    source.addEventListener('ballots', () => {
      this.ballotsRevision += 1
      this.host.requestUpdate()
    })
    source.addEventListener('participation', (event) => {
      const { ballotId, voted, rights } = JSON.parse((event as MessageEvent<string>).data) as { ballotId: string; voted: number; rights: number }
      this.participation = { ...this.participation, [ballotId]: { voted, rights } }
      this.host.requestUpdate()
    })
    source.addEventListener('attendance', () => {
      this.attendanceRevision += 1
      this.host.requestUpdate()
    })
    source.addEventListener('projector', () => {
      this.projectorRevision += 1
      this.host.requestUpdate()
    })
    source.addEventListener('open', () => {
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
