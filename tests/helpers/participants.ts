import type { IssuedParticipantView } from '../../shared/api-types.ts'
import type { Role } from '../../shared/roles.ts'
import { hashAccessCode, newId } from '../../server/ids.ts'
import type { TestServer } from './test-server.ts'

export type Signed = IssuedParticipantView & { readonly token: string }

/** Imports participants through the API (as the bureau) and signs each in, in the order given. */
/** What importing needs of a server: in this process (TestServer) or a child one. */
export type ServerForImport = Pick<TestServer, 'baseUrl' | 'login'> & { readonly seed: Pick<TestServer['seed'], 'congressId'> }

export async function importAndSignIn(plenum: ServerForImport, bureauToken: string, people: readonly { name: string; role: Role }[]): Promise<Signed[]> {
  const response = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bureauToken}` },
    body: JSON.stringify(people.map(({ name, role }, i) => ({ name, organisation: 'Ville test', email: `${role}${i}.${Date.now()}@example.fr`, role }))),
  })
  if (response.status !== 201) throw new Error(`import failed: ${response.status} ${await response.text()}`)
  const { participants } = (await response.json()) as { participants: IssuedParticipantView[] }
  return Promise.all(participants.map(async (p) => ({ ...p, token: (await plenum.login(p.code)).token })))
}

/** One participant per role, signed in. */
export async function participantPerRole(plenum: TestServer, bureauToken: string, roles: readonly Role[]): Promise<Record<Role, Signed>> {
  const signed = await importAndSignIn(plenum, bureauToken, roles.map((role) => ({ name: `Test ${role}`, role })))
  return Object.fromEntries(signed.map((p) => [p.role, p])) as Record<Role, Signed>
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

/** A participant written straight into the test server's database, as the import would (code hashed). */
export async function insertParticipant(plenum: TestServer, person: { readonly name: string; readonly code: string; readonly role: Role }): Promise<void> {
  await plenum.database.db
    .insertInto('participants')
    .values({ id: newId(), congress_id: plenum.seed.congressId, name: person.name, organisation: 'Ville de Brest', email: null, role: person.role, access_code_hash: hashAccessCode(person.code) })
    .execute()
}
