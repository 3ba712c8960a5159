import type { IssuedParticipantView, ReimportPreviewView, ReimportResultView } from '../shared/api-types.ts'
import { isRole } from '../shared/roles.ts'
import { isJsonObject as isObject } from '../shared/json-value.ts'

// The answer to a CSV import is the one the client reads without hc (hc sends only JSON bodies):
// checked here, so that nothing unchecked crosses into the page.

export interface ImportAnswer {
  participants: IssuedParticipantView[]
}


function isParticipant(value: unknown): value is ReimportResultView['changed'][number] {
  if (!isObject(value)) return false
  const { id, name, organisation, email, role, revoked } = value
  return (
    typeof id === 'string' &&
    typeof name === 'string' &&
    typeof organisation === 'string' &&
    (email === null || typeof email === 'string') &&
    typeof role === 'string' &&
    isRole(role) &&
    typeof revoked === 'boolean'
  )
}

function isIssuedParticipant(value: unknown): value is IssuedParticipantView {
  return isParticipant(value) && isObject(value) && typeof value.code === 'string'
}

const isLine = (value: unknown) => isObject(value) && typeof value.line === 'number'

/** A re-import's preview: its lists and counts, each entry naming its line (the panel reads no more). */
export function isReimportPreview(value: unknown): value is ReimportPreviewView {
  if (!isObject(value)) return false
  const { added, changed, unchanged, untouched, errors, fingerprint } = value
  return (
    Array.isArray(added) && added.every((a) => isLine(a) && isObject(a) && isObject(a.person) && typeof a.person.name === 'string' && typeof a.namesake === 'boolean') &&
    Array.isArray(changed) && changed.every((c) => isLine(c) && isObject(c) && typeof c.email === 'string' && Array.isArray(c.fields)) &&
    typeof unchanged === 'number' && typeof untouched === 'number' &&
    Array.isArray(errors) && errors.every(isObject) &&
    typeof fingerprint === 'string'
  )
}

export function isReimportResult(value: unknown): value is ReimportResultView {
  if (!isObject(value)) return false
  const { added, changed, unchanged } = value
  return Array.isArray(added) && added.every(isIssuedParticipant) && Array.isArray(changed) && changed.every(isParticipant) && typeof unchanged === 'number'
}

export function isImportAnswer(value: unknown): value is ImportAnswer {
  return isObject(value) && Array.isArray(value.participants) && value.participants.every(isIssuedParticipant)
}
