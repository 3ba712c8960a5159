import type { AmendmentDetailView, AmendmentView } from '../../shared/api-types.ts'
import { query, type CommandActor } from '../commands/command.ts'
import { loadAmendment } from '../commands/amendments/amendment-rows.ts'
import { requireNothingStandsOnRuling } from '../commands/amendments/ruling-rows.ts'
import { DomainError } from '../domain-error.ts'
import { loadCongress } from '../commands/congress/congress-rows.ts'
import { listAmendments, type AmendmentPresenterDeps } from './amendment-list.ts'

function parentOf(views: readonly AmendmentView[], view: AmendmentView): AmendmentDetailView['parent'] {
  const parent = view.parentId === null ? undefined : views.find((v) => v.id === view.parentId)
  return parent ? { id: parent.id, label: parent.label, authorId: parent.author.id } : null
}

async function nameOf(deps: AmendmentPresenterDeps, participantId: string): Promise<string> {
  return (await deps.db.selectFrom('participants').select('name').where('id', '=', participantId).executeTakeFirst())?.name ?? '?'
}

/** The change-ruling command's own check, read here so the page offers the change only when it would go through. */
async function rulingChangeable(deps: AmendmentPresenterDeps, row: Parameters<typeof requireNothingStandsOnRuling>[1]): Promise<boolean> {
  try {
    await requireNothingStandsOnRuling(deps.db, row)
    return true
  } catch (error) {
    if (error instanceof DomainError) return false
    throw error
  }
}

/** One amendment of the reader's congress, with what its page needs to show its diff live. */
export function amendmentDetail(deps: AmendmentPresenterDeps, actor: CommandActor, input: { amendmentId: string }) {
  const { congressId } = actor
  const { amendmentId } = input
  return query(deps, actor, async (steps): Promise<AmendmentDetailView> => {
    await steps.authorize(congressId, 'congress.read')
    const row = await loadAmendment(deps.db, amendmentId, congressId)
    // Listed with its text's other amendments (a sub-amendment, with its parent's): its competition is judged among them.
    const textDoc = row.parent_id === null ? row.target_doc : (await loadAmendment(deps.db, row.parent_id)).target_doc
    const views = await listAmendments(deps, congressId, { targetDoc: textDoc, rewordings: true })
    const view = views.find((v) => v.id === amendmentId)!
    const congress = await loadCongress(deps.db, congressId)
    return {
      ...view,
      forkVector: Buffer.from(row.fork_vector).toString('base64'),
      mergedOnto: row.merged_onto ? Buffer.from(row.merged_onto).toString('base64') : null,
      minCosigners: congress.min_cosigners,
      parent: parentOf(views, view),
      subAmendments: views.filter((v) => v.parentId === amendmentId && !v.rewording),
      rewordings: views.filter((v) => v.parentId === amendmentId && v.rewording),
      ruled: row.ruled_at === null ? null : { by: row.ruled_by === null ? null : (await nameOf(deps, row.ruled_by)), at: row.ruled_at },
      // Only the bureau changes a ruling: the check (a query per sub-amendment) is not run for every reader.
      rulingChangeable: actor.role === 'bureau' && (row.status === 'admissible' || row.status === 'inadmissible') && (await rulingChangeable(deps, row)),
    }
  })
}
