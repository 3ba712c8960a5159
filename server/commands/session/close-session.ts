import { hashToken } from '../../ids.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'

/**
 * Ends the actor's own session; its sign-in shows when, and once committed its sockets and event
 * streams close now, not at their next check. Anyone signed in may sign out: no permission to check.
 */
export function closeSession(deps: CommandDeps, actor: CommandActor, input: { token: string }) {
  const tokenHash = hashToken(input.token)
  return command(deps, actor, async (steps) =>
    steps.transaction(async (tx) => {
      await tx.trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
      await tx.trx.updateTable('sign_ins').set({ ended_at: tx.now }).where('session_hash', '=', tokenHash).where('ended_at', 'is', null).execute()
      tx.afterCommit(() => deps.hub.sessionClosed(actor.congressId, tokenHash))
    }),
  )
}
