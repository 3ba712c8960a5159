import type { ParticipantRow } from '../../db/schema.ts'
import type { ParticipantDetailView } from '../../shared/api-types.ts'

/** The columns of what the bureau sees of a participant: never their code, kept as a hash. */
export const participantColumns = ['id', 'name', 'organisation', 'email', 'role', 'revoked_at'] as const

export function presentParticipant(row: Pick<ParticipantRow, (typeof participantColumns)[number]>): ParticipantDetailView {
  return { id: row.id, name: row.name, organisation: row.organisation, email: row.email, role: row.role, revoked: row.revoked_at !== null }
}
