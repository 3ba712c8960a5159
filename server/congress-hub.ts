import { EventEmitter } from 'node:events'
import type { CongressStore } from '../db/congress-store.ts'
import { isPhase, type Phase } from '../shared/phases.ts'

interface HubEvents {
  'phase-changed': [{ congressId: string; phase: Phase }]
  'participant-revoked': [{ congressId: string; participantId: string }]
  'presence-changed': [{ congressId: string }]
  'structure-changed': [{ congressId: string }]
}

/**
 * The live state of congresses in this process: the current phase (cached, read on every
 * incoming update) and the events that open connections must react to at once.
 */
export class CongressHub extends EventEmitter<HubEvents> {
  private readonly phases = new Map<string, Phase>()
  /** Open event streams per congress and participant: who has Plenum open. */
  private readonly online = new Map<string, Map<string, number>>()

  constructor(private readonly store: CongressStore) {
    super()
    this.setMaxListeners(0)
  }

  phaseOf(congressId: string): Phase {
    let phase = this.phases.get(congressId)
    if (!phase) {
      const stored = this.store.phase(congressId)
      phase = stored && isPhase(stored) ? stored : 'setup'
      this.phases.set(congressId, phase)
    }
    return phase
  }

  phaseChanged(congressId: string, phase: Phase): void {
    this.phases.set(congressId, phase)
    this.emit('phase-changed', { congressId, phase })
  }

  participantRevoked(congressId: string, participantId: string): void {
    this.emit('participant-revoked', { congressId, participantId })
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
    this.emit('structure-changed', { congressId })
  }

  presenceChanged(congressId: string): void {
    this.emit('presence-changed', { congressId })
  }
}
