import { fail } from '../../domain-error.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'

/** The desk withdraws the pouvoir a participant gave. */
export function revokeProxy(deps: CommandDeps, actor: CommandActor, input: { congressId: string; giverId: string }) {
  const { congressId, giverId } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'attendance.manage')
    await steps.transaction(async (tx) => {
      const removed = await tx.trx.deleteFrom('proxies').where('giver_id', '=', giverId).where('congress_id', '=', congressId).executeTakeFirst()
      if (removed.numDeletedRows === 0n) throw fail('proxy_not_found', { giverId }, 'Ce participant n’a pas donné pouvoir.')
      await tx.audit(congressId, 'proxy.revoked', { giverId })
      tx.afterCommit(() => deps.hub.attendanceChanged(congressId))
    })
  })
}
