import { checkPhaseChange, type Phase } from '../../../shared/phases.ts'
import { fail } from '../../domain-error.ts'
import { recordPhaseVersions } from '../../history/text-versions.ts'
import { auditActorOf, command, type CommandActor, type CommandDeps } from '../command.ts'
import { readPhase } from './congress-rows.ts'

export interface PhaseChange {
  readonly from: Phase
  readonly to: Phase
}

/** The bureau moves the congress to another open phase. */
export function changePhase(deps: CommandDeps & Required<Pick<CommandDeps, 'documents'>>, actor: CommandActor, input: { congressId: string; phase: Phase }) {
  const { congressId, phase: to } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'phase.change')
    return steps.transaction(async (tx): Promise<PhaseChange> => {
      const from = await readPhase(tx.trx, congressId)
      const refusal = checkPhaseChange(from, to)
      if (refusal) throw fail('phase_change_refused', { from, to, refusal }, refusals[refusal])
      // A ballot's text and list were fixed when it opened: the phase waits for it to close, so no
      // text can be reopened for writing while it is being voted.
      const open = await tx.trx.selectFrom('ballots').select('id').where('congress_id', '=', congressId).where('status', '=', 'open').executeTakeFirst()
      if (open) throw fail('ballot_open', { ballotId: open.id }, 'Un scrutin est ouvert : clôturez-le avant de changer de phase.')
      await tx.trx.updateTable('congresses').set({ phase: to }).where('id', '=', congressId).execute()
      await tx.audit(congressId, 'phase.changed', { from, to })
      // Each base text's version as the phase turned (the texts as the database holds them: with
      // the congress's row held, no process appends meanwhile).
      await recordPhaseVersions(tx.trx, deps.documents, congressId, to, tx.now, auditActorOf(actor)?.id ?? null)
      tx.afterCommit(() => deps.hub.phaseChanged(congressId, to))
      return { from, to }
    })
  })
}

const refusals = {
  same_phase: 'Le congrès est déjà dans cette phase.',
  one_way: 'Le gel et la remise de la motion se font par le scellement, pas par un changement de phase.',
  sealed: 'La motion est gelée : sa phase ne change plus.',
} as const
