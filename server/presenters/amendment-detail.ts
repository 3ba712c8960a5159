import type { AmendmentDetailView } from '../../shared/api-types.ts'
import { query, type CommandActor } from '../commands/command.ts'
import { fail } from '../domain-error.ts'
import { listAmendments, type AmendmentPresenterDeps } from './amendment-list.ts'

/** One amendment of the reader's congress, with what its page needs to show its diff live. */
export function amendmentDetail(deps: AmendmentPresenterDeps, actor: CommandActor, input: { amendmentId: string }) {
  const { congressId } = actor
  const { amendmentId } = input
  return query(deps, actor, async (steps): Promise<AmendmentDetailView> => {
    steps.authorize(congressId, 'congress.read')
    const row = await deps.db.selectFrom('amendments').selectAll().where('id', '=', amendmentId).where('congress_id', '=', congressId).executeTakeFirst()
    if (!row) throw fail('amendment_not_found', { amendmentId }, 'Cet amendement n’existe pas.')
    // Listed with its text's other amendments: its competition is judged among them.
    const view = (await listAmendments(deps, congressId, { targetDoc: row.target_doc })).find((v) => v.id === amendmentId)!
    const congress = await deps.db.selectFrom('congresses').select('min_cosigners').where('id', '=', congressId).executeTakeFirstOrThrow()
    return {
      ...view,
      forkVector: Buffer.from(row.fork_vector).toString('base64'),
      mergedOnto: row.merged_onto ? Buffer.from(row.merged_onto).toString('base64') : null,
      minCosigners: congress.min_cosigners,
    }
  })
}
