import type { ProxyRequest } from '../../../shared/requests/ballot-requests.ts'
import { fail } from '../../domain-error.ts'
import { congressRule } from '../ballots/ballot-rows.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { votingParticipant } from './attendance-rows.ts'

/** Records a pouvoir from giver to holder, within the cap of the congress's ballot rule. */
export function recordProxy(deps: CommandDeps, actor: CommandActor, input: { congressId: string } & ProxyRequest) {
  const { congressId, giverId, holderId } = input
  return command(deps, actor, async (steps): Promise<ProxyRequest> => {
    await steps.authorize(congressId, 'attendance.manage')
    if (giverId === holderId) throw fail('proxy_to_self', { participantId: giverId }, 'On ne se donne pas pouvoir à soi-même.')
    const giver = await votingParticipant(deps.db, congressId, giverId)
    const holder = await votingParticipant(deps.db, congressId, holderId)
    const { proxies } = await congressRule(deps.db, congressId)
    if (!proxies.allowed) throw fail('proxies_not_allowed', {}, 'La règle de vote du congrès n’admet pas les pouvoirs.')
    return steps.transaction(async (tx) => {
      const existing = await tx.trx
        .selectFrom('proxies')
        .select(['giver_id', 'holder_id'])
        .where('congress_id', '=', congressId)
        .where((eb) => eb.or([eb('giver_id', 'in', [giverId, holderId]), eb('holder_id', '=', giverId)]))
        .execute()
      if (existing.some((p) => p.giver_id === giverId)) throw fail('proxy_already_given', { giverId, giverName: giver.name }, `${giver.name} a déjà donné pouvoir : retirez ce pouvoir d’abord.`)
      if (existing.some((p) => p.giver_id === holderId)) throw fail('proxy_holder_gave', { holderId, holderName: holder.name }, `${holder.name} a donné pouvoir : il ne peut en recevoir.`)
      if (existing.some((p) => p.holder_id === giverId)) throw fail('proxy_giver_holds', { giverId, giverName: giver.name }, `${giver.name} détient un pouvoir : il ne peut en donner.`)
      const held = await tx.trx.selectFrom('proxies').select((eb) => eb.fn.countAll<number>().as('count')).where('holder_id', '=', holderId).executeTakeFirstOrThrow()
      if (Number(held.count) >= proxies.maxPerHolder) {
        throw fail(
          'proxy_holder_full',
          { holderId, holderName: holder.name, maxPerHolder: proxies.maxPerHolder },
          `${holder.name} détient déjà ${proxies.maxPerHolder} pouvoir(s), le maximum par personne.`,
        )
      }
      await tx.trx.insertInto('proxies').values({ giver_id: giverId, holder_id: holderId, congress_id: congressId, created_at: tx.now }).execute()
      await tx.audit(congressId, 'proxy.recorded', { giverId, giverName: giver.name, holderId, holderName: holder.name })
      tx.afterCommit(() => deps.hub.attendanceChanged(congressId))
      return { giverId, holderId }
    })
  })
}
