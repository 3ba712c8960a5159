import type { AmendmentView } from '../api-types.ts'
import type { FloorAmendment } from './running-order.ts'

/**
 * The amendments of one text that the running order puts to the vote: those ruled admissible and
 * not yet decided, with the sub-amendments of the text's amendments (never the bureau's proposed
 * rewordings, which their author takes or leaves), as the page and the server both read them from
 * the amendments' list.
 */
export function floorAmendments(views: readonly AmendmentView[], targetDocName: string): FloorAmendment[] {
  const ofText = new Set(views.filter((view) => view.targetDocName === targetDocName).map((view) => view.id))
  return views
    .filter((view) => (view.targetDocName === targetDocName || (view.parentId !== null && ofText.has(view.parentId))) && view.status === 'admissible' && !view.rewording)
    .map((view) => ({
      id: view.id,
      label: view.label,
      number: view.number,
      parentId: view.parentId,
      changed: view.changedLines,
      deletion: view.departure.deletion,
      distance: view.departure.distance,
      result: view.resultDigest,
    }))
}
