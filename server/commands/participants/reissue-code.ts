import type { IssuedParticipantView } from '../../../shared/api-types.ts'
import { hashAccessCode, newAccessCode } from '../../ids.ts'
import { presentParticipant } from '../../presenters/participant-view.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { endSessionsOf, participantOf } from './participant-rows.ts'

/**
 * Gives a participant a new code, shown in this answer only (reprinting a lost card means this);
 * the old one, and its sessions and connections, stop working.
 */
export function reissueCode(deps: CommandDeps, actor: CommandActor, input: { congressId: string; participantId: string }) {
  const { congressId, participantId } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'participants.manage')
    return steps.transaction(async (tx): Promise<{ participant: IssuedParticipantView }> => {
      const row = await participantOf(tx.trx, congressId, participantId)
      const code = newAccessCode()
      await tx.trx.updateTable('participants').set({ access_code_hash: hashAccessCode(code), revoked_at: null }).where('id', '=', participantId).execute()
      await endSessionsOf(tx.trx, participantId, tx.now)
      await tx.audit(congressId, 'code.reissued', { participantId, name: row.name })
      tx.afterCommit(() => deps.hub.participantRevoked(congressId, participantId))
      return { participant: { ...presentParticipant({ ...row, revoked_at: null }), code } }
    })
  })
}
