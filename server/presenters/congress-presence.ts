import type { PresenceView } from '../../shared/api-types.ts'
import { byName } from '../../shared/text/french-order.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import type { AppDeps } from '../env.ts'

type PresenceDeps = Pick<AppDeps, 'db' | 'presence'>

/** Who has the congress open, for a participant who may read it. */
export function presentPresence(deps: CommandDeps & PresenceDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'congress.read')
    return congressPresence(deps, input.congressId)
  })
}

/**
 * Who has the congress open (an event stream) or a text open (a sync socket). Not authorized: the
 * event stream, already authorized, sends it on every change (routes/events.ts).
 */
export async function congressPresence(deps: PresenceDeps, congressId: string): Promise<PresenceView> {
  const { online, docs } = await deps.presence(congressId)
  const ids = new Set([...online, ...Object.values(docs).flat()])
  const people =
    ids.size === 0
      ? []
      : await deps.db.selectFrom('participants').select(['id', 'name', 'role']).where('id', 'in', [...ids]).where('congress_id', '=', congressId).execute()
  return { online: people.sort(byName).map((p) => ({ id: p.id, name: p.name, role: p.role })), docs }
}
