import type { ParticipantDetailView } from '../../shared/api-types.ts'
import type { Role } from '../../shared/roles.ts'
import type { TestServer } from './test-server.ts'

export type Signed = ParticipantDetailView & { readonly token: string }

/** Imports one participant per role through the API (as the bureau) and signs each in. */
export async function participantPerRole(plenum: TestServer, bureauToken: string, roles: readonly Role[]): Promise<Record<Role, Signed>> {
  const response = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bureauToken}` },
    body: JSON.stringify(roles.map((role, i) => ({ name: `Test ${role}`, organisation: 'Ville test', email: `${role}${i}@example.fr`, role }))),
  })
  if (response.status !== 201) throw new Error(`import failed: ${response.status} ${await response.text()}`)
  const { participants } = (await response.json()) as { participants: ParticipantDetailView[] }
  const signed = {} as Record<Role, Signed>
  for (const p of participants) signed[p.role] = { ...p, token: (await plenum.login(p.code)).token }
  return signed
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}
