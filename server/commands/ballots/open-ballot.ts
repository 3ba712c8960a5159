import { isUniqueViolation } from '../../../db/constraint-errors.ts'
import type { OpenBallotRequest } from '../../../shared/requests/ballot-requests.ts'
import { votingList } from '../../../shared/ballots/voting-list.ts'
import { votingRoles } from '../../../shared/roles.ts'
import { fail } from '../../domain-error.ts'
import type { AppDeps } from '../../env.ts'
import { ballotRule, subjectOf, type BallotPresenterDeps } from '../../presenters/ballot-view.ts'
import { readTextsAhead, recordVotedTexts } from '../../services/voted-texts.ts'
import { command, type CommandActor } from '../command.ts'
import { requireDivisionOrder, requirePartInText } from './division-rows.ts'
import { advance, loadBallot, requireStatus, requireSubject, subjectOfRow } from './ballot-rows.ts'
import { reloadedView } from './reloaded-view.ts'

type OpenDeps = BallotPresenterDeps & Pick<AppDeps, 'documents'>

/**
 * Opens the ballot: its rule is fixed from now on, and so is its list — who is present, who is
 * represented by whom. The projector shows it.
 */
export function openBallot(deps: OpenDeps, actor: CommandActor, input: { ballotId: string } & OpenBallotRequest) {
  const { ballotId: id, durationSeconds } = input
  return command(deps, actor, async (steps) => {
    const row = await loadBallot(deps, id)
    await steps.authorize(row.congress_id, 'ballot.manage')
    requireStatus(row, 'draft', 'open')
    const rule = ballotRule(row)
    // The texts are read (and a live room's unstored edits stored) before the transaction, never
    // inside it: a refusal below must not take back edits every client already has.
    const texts = await readTextsAhead(deps.db, deps.documents, row)
    // A part is voted on its words: the recorded texts below are these, unchanged since.
    await requirePartInText(deps, row)
    await steps.transaction(async (tx) => {
      const { trx, now } = tx
      const closesAt = durationSeconds === undefined ? null : now + durationSeconds * 1000
      await requireSubject(trx, row.congress_id, await subjectOfRow(trx, row))
      const entitled = await trx.selectFrom('participants').select('id').where('congress_id', '=', row.congress_id).where('role', 'in', votingRoles).where('revoked_at', 'is', null).execute()
      const present = await trx.selectFrom('attendance').select('participant_id').where('congress_id', '=', row.congress_id).execute()
      const proxies = await trx.selectFrom('proxies').select(['giver_id', 'holder_id', 'created_at']).where('congress_id', '=', row.congress_id).execute()
      const list = votingList({
        entitledIds: entitled.map((p) => p.id),
        presentIds: new Set(present.map((p) => p.participant_id)),
        proxies: proxies.map((p) => ({ giverId: p.giver_id, holderId: p.holder_id, createdAt: p.created_at })),
        rule: rule.proxies,
      })
      const { electorate } = list
      try {
        await advance(trx, row, {
          status: 'open',
          opened_at: now,
          closes_at: closesAt,
          entitled_count: electorate.entitled,
          present_count: electorate.present,
          represented_count: electorate.represented,
        })
      } catch (error) {
        // The database's unique index on a congress's open ballot.
        if (isUniqueViolation(error)) throw fail('ballot_already_open', { ballotId: id }, 'Un autre scrutin est déjà ouvert : clôturez-le d’abord.')
        throw error
      }
      // The texts put to the vote, and their place in the motion, are locked from now on; their
      // digests are what the seal checks.
      await recordVotedTexts(trx, deps.documents, row, texts)
      await requireDivisionOrder(trx, row, texts.texts.map((t) => t.docName))
      for (let i = 0; i < list.rights.length; i += 500) {
        const chunk = list.rights.slice(i, i + 500)
        await trx.insertInto('ballot_voters').values(chunk.map((r) => ({ ballot_id: id, represented_id: r.representedId, holder_id: r.holderId }))).execute()
      }
      await trx.updateTable('congresses').set({ projected_ballot_id: id }).where('id', '=', row.congress_id).execute()
      await tx.audit(row.congress_id, 'ballot.opened', { ballotId: id, subject: (await subjectOf(trx, row)).label, rule, electorate, closesAt })
      tx.afterCommit(() => deps.hub.projectorChanged(row.congress_id, id))
      tx.afterCommit(() => deps.hub.ballotsChanged(row.congress_id, id))
    })
    return reloadedView(deps, actor, id)
  })
}
