import type { SpeakerRulesRequest } from '../../../shared/requests/floor-requests.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'
import { saveFloor } from './floor-rows.ts'

/** The bureau sets a speaker's time and its two switches (pour and contre in turn; first-time speakers first). */
export function setSpeakerRules(deps: CommandDeps, actor: CommandActor, input: { congressId: string } & SpeakerRulesRequest) {
  const { congressId, speakingSeconds, alternate, firstTimersFirst } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'floor.run')
    await steps.transaction(async (tx) => {
      await saveFloor(tx, congressId, { speaking_seconds: speakingSeconds, alternate: alternate ? 1 : 0, first_timers: firstTimersFirst ? 1 : 0 })
      await tx.audit(congressId, 'floor.rules', { speakingSeconds, alternate, firstTimersFirst })
      tx.afterCommit(() => deps.hub.floorChanged(congressId))
    })
    return { speakingSeconds, rules: { alternate, firstTimersFirst } }
  })
}
