import type { ParticipantDetailView } from '../../../shared/api-types.ts'
import { fail } from '../../domain-error.ts'
import { presentParticipant } from '../../presenters/participant-view.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { endSessionsOf, participantOf } from './participant-rows.ts'

/** The bureau revokes a participant's code: their sessions end, their open connections close. */
export function revokeCode(deps: CommandDeps, actor: CommandActor, input: { congressId: string; participantId: string }) {
  const { congressId, participantId } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'participants.manage')
    return steps.transaction(async (tx): Promise<{ participant: ParticipantDetailView }> => {
      const row = await participantOf(tx.trx, congressId, participantId)
      if (actor.participantId === participantId) throw fail('own_code_revoke', { participantId }, 'Vous ne pouvez pas révoquer votre propre code.')
      await tx.trx.updateTable('participants').set({ revoked_at: tx.now }).where('id', '=', participantId).execute()
      await endSessionsOf(tx.trx, participantId, tx.now)
      await tx.audit(congressId, 'code.revoked', { participantId, name: row.name })
      tx.afterCommit(() => deps.hub.participantRevoked(congressId, participantId))
      return { participant: presentParticipant({ ...row, revoked_at: tx.now }) }
    })
  })
}
