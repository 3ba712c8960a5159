import { mergeRulePatch } from '../../../shared/ballots/ballot-rule-input.ts'
import type { NewBallotRequest } from '../../../shared/requests/ballot-requests.ts'
import { isPartOf, partLabel } from '../../../shared/ballots/division.ts'
import { stateBlocks } from '../../../shared/editor/blocks.ts'
import { fail } from '../../domain-error.ts'
import type { AppDeps } from '../../env.ts'
import { newId } from '../../ids.ts'
import { ballotView, subjectOf, type BallotPresenterDeps } from '../../presenters/ballot-view.ts'
import { valid } from '../../validate.ts'
import { command, type CommandActor } from '../command.ts'
import { congressRule, requireSubject } from './ballot-rows.ts'

/** The bureau prepares a ballot on a subject, with the congress's rule changed by `rule`'s fields. */
export function createBallot(deps: BallotPresenterDeps & Pick<AppDeps, 'documents'>, actor: CommandActor, input: NewBallotRequest) {
  const { congressId, subject } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'ballot.manage')
    const rule = valid(mergeRulePatch(await congressRule(deps.db, congressId), input.rule ?? {}))
    await requireSubject(deps.db, congressId, subject)
    const part = subject.kind === 'part' ? await readPart(deps, subject) : undefined
    const id = newId()
    const row = await steps.transaction(async (tx) => {
      // A block is a ballot on its first proposal (or amendment) that names them all (ballot_block_members).
      // A part is a ballot on its proposal that names its blocks (ballot_parts).
      const [kind, subjectId] =
        subject.kind === 'motion'
          ? (['motion', null] as const)
          : subject.kind === 'block'
            ? ([subject.of ?? 'proposal', subject.ids[0]!] as const)
            : subject.kind === 'part'
              ? (['proposal', subject.id] as const)
              : [subject.kind, subject.id]
      await tx.trx.insertInto('ballots').values({ id, congress_id: congressId, subject_kind: kind, subject_id: subjectId, rule: JSON.stringify(rule), status: 'draft', created_at: tx.now }).execute()
      if (part) await tx.trx.insertInto('ballot_parts').values({ ballot_id: id, blocks: JSON.stringify(part.blocks), positions: JSON.stringify(part.positions), label: part.label }).execute()
      if (subject.kind === 'block') {
        await tx.trx
          .insertInto('ballot_block_members')
          .values(subject.ids.map((memberId, position) => ({ ballot_id: id, position, ...(subject.of === 'amendment' ? { amendment_id: memberId } : { proposal_id: memberId }) })))
          .execute()
      }
      const created = await tx.trx.selectFrom('ballots').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      await tx.audit(congressId, 'ballot.created', { ballotId: id, subject: (await subjectOf(tx.trx, created)).label, rule })
      tx.afterCommit(() => deps.hub.ballotsChanged(congressId, id))
      return created
    })
    return ballotView(deps, row, actor.role)
  })
}

/** The part's blocks, read from the proposal's text as it stands: kept by their words (shared/ballots/division.ts). */
async function readPart(deps: Pick<AppDeps, 'db' | 'documents'>, subject: { readonly id: string; readonly blocks: readonly number[] }): Promise<{ blocks: string[]; positions: number[]; label: string }> {
  const proposal = await deps.db.selectFrom('proposals').select('doc_name').where('id', '=', subject.id).executeTakeFirstOrThrow()
  const state = await deps.documents.read(proposal.doc_name)
  const blocks = state ? stateBlocks(state) : []
  if (!isPartOf(blocks.length, subject.blocks)) throw fail('part_invalid', { proposalId: subject.id, count: blocks.length }, `Une partie réunit certains des ${blocks.length} paragraphes de la proposition, pas tous, et chacun une seule fois.`)
  const indices = [...subject.blocks].sort((a, b) => a - b)
  return { blocks: indices.map((i) => blocks[i]!), positions: indices, label: partLabel(indices) }
}
