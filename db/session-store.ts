import type { ParticipantRow } from './schema.ts'

export type SessionParticipant = Pick<ParticipantRow, 'id' | 'congress_id' | 'name' | 'role'>

/** Session look-up: the HTTP layer and the sync socket's upgrade authenticate with it. */
export interface SessionStore {
  find(tokenHash: string, now: number): Promise<SessionParticipant | undefined>
}
