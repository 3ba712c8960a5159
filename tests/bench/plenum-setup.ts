import type { CongressView, SessionView } from '../../shared/api-types.ts'
import type { PlenumServer } from './servers.ts'

/** JSON over HTTP to a benchmarked Plenum, failing loudly: a setup step that fails spoils the figures. */
export async function plenumApi<T = unknown>(server: PlenumServer, token: string | undefined, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`)
  return (text ? JSON.parse(text) : undefined) as T
}

export interface PlenumCongress {
  readonly bureau: string
  readonly congress: CongressView
}

export async function plenumCongress(server: PlenumServer): Promise<PlenumCongress> {
  const { token, participant } = await plenumApi<SessionView>(server, undefined, 'POST', '/session', { code: server.bureauCode })
  return { bureau: token, congress: await plenumApi<CongressView>(server, token, 'GET', `/congresses/${participant.congressId}`) }
}

/** Imports `count` participants of a role and signs each in: their ids and session tokens. */
export async function plenumPeople(server: PlenumServer, setup: PlenumCongress, count: number, role: 'attendee' | 'delegate', prefix: string): Promise<{ id: string; token: string }[]> {
  const people: { id: string; token: string }[] = []
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({ name: `${prefix} ${start + i}`, organisation: 'Banc d’essai', role }))
    const { participants } = await plenumApi<{ participants: { id: string; code: string }[] }>(server, setup.bureau, 'POST', `/congresses/${setup.congress.id}/participants`, rows)
    for (let i = 0; i < participants.length; i += 50) {
      const batch = await Promise.all(participants.slice(i, i + 50).map(async (p) => ({ id: p.id, token: (await plenumApi<SessionView>(server, undefined, 'POST', '/session', { code: p.code })).token })))
      people.push(...batch)
    }
  }
  return people
}

export async function plenumPhase(server: PlenumServer, setup: PlenumCongress, phase: string): Promise<void> {
  const current = await plenumApi<CongressView>(server, setup.bureau, 'GET', `/congresses/${setup.congress.id}`)
  if (current.phase === phase) return
  await plenumApi(server, setup.bureau, 'POST', `/congresses/${setup.congress.id}/phase`, { phase })
}
