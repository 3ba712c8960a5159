import type { PresenceView } from '../../shared/api-types.ts'
import { isRole } from '../../shared/roles.ts'
import type { AppDeps } from '../env.ts'

/** Who has the congress open (an event stream) or a text open (a sync socket). */
export async function congressPresence(deps: Pick<AppDeps, 'db' | 'hub' | 'docPresence'>, congressId: string): Promise<PresenceView> {
  const docs = deps.docPresence(congressId)
  const ids = new Set([...deps.hub.onlineIds(congressId), ...Object.values(docs).flat()])
  const people =
    ids.size === 0
      ? []
      : await deps.db.selectFrom('participants').select(['id', 'name', 'role']).where('id', 'in', [...ids]).where('congress_id', '=', congressId).orderBy('name').execute()
  return { online: people.map((p) => ({ id: p.id, name: p.name, role: isRole(p.role) ? p.role : 'attendee' })), docs }
}
