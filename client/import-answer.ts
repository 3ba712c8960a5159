import type { IssuedParticipantView } from '../shared/api-types.ts'
import { isRole } from '../shared/roles.ts'
import { isJsonObject as isObject } from '../shared/json-value.ts'

// The answer to a CSV import is the one the client reads without hc (hc sends only JSON bodies):
// checked here, so that nothing unchecked crosses into the page.

export interface ImportAnswer {
  participants: IssuedParticipantView[]
}


function isIssuedParticipant(value: unknown): value is IssuedParticipantView {
  if (!isObject(value)) return false
  const { id, name, organisation, email, role, revoked, code } = value
  return (
    typeof id === 'string' &&
    typeof name === 'string' &&
    typeof organisation === 'string' &&
    (email === null || typeof email === 'string') &&
    typeof role === 'string' &&
    isRole(role) &&
    typeof revoked === 'boolean' &&
    typeof code === 'string'
  )
}

export function isImportAnswer(value: unknown): value is ImportAnswer {
  return isObject(value) && Array.isArray(value.participants) && value.participants.every(isIssuedParticipant)
}
