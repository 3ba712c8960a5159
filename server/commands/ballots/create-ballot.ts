import { mergeRulePatch } from '../../../shared/ballots/ballot-rule-input.ts'
import type { NewBallotRequest } from '../../../shared/requests/ballot-requests.ts'
import { newId } from '../../ids.ts'
import { ballotView, subjectOf, type BallotPresenterDeps } from '../../presenters/ballot-view.ts'
import { valid } from '../../validate.ts'
import { command, type CommandActor } from '../command.ts'
import { congressRule, requireSubject } from './ballot-rows.ts'

/** The bureau prepares a ballot on a subject, with the congress's rule changed by `rule`'s fields. */
export function createBallot(deps: BallotPresenterDeps, actor: CommandActor, input: NewBallotRequest) {
  const { congressId, subject } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'ballot.manage')
    const rule = valid(mergeRulePatch(await congressRule(deps.db, congressId), input.rule ?? {}))
    await requireSubject(deps.db, congressId, subject)
    const id = newId()
    const row = await steps.transaction(async (tx) => {
      await tx.trx
        .insertInto('ballots')
        .values({ id, congress_id: congressId, subject_kind: subject.kind, subject_id: subject.kind === 'motion' ? null : subject.id, rule: JSON.stringify(rule), status: 'draft', created_at: tx.now })
        .execute()
      const created = await tx.trx.selectFrom('ballots').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      await tx.audit(congressId, 'ballot.created', { ballotId: id, subject: (await subjectOf(tx.trx, created)).label, rule })
      tx.afterCommit(() => deps.hub.ballotsChanged(congressId, id))
      return created
    })
    return ballotView(deps, row, actor.role)
  })
}
