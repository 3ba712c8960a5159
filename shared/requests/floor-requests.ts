import type { FloorStance } from '../floor/speakers.ts'

// The bodies the floor's routes take.

/** The item under debate: a text of the congress, or none. */
export interface DebateRequest {
  readonly docName: string | null
  /** Narrows the item to this amendment's discussion commune (an amendment of the text); absent or null: the whole text. */
  readonly amendmentId?: string | null
}

export interface AskFloorRequest {
  readonly stance: FloorStance
}

/** The rules of the list of speakers: a speaker's time and the bureau's two switches. */
export interface SpeakerRulesRequest {
  readonly speakingSeconds: number
  readonly alternate: boolean
  readonly firstTimersFirst: boolean
}
