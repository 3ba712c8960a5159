import type { AmendmentView } from '../api-types.ts'
import type { FloorAmendment } from './running-order.ts'

/**
 * The amendments of one text that the running order puts to the vote: those ruled admissible and
 * not yet decided, as the page and the server both read them from the amendments' list.
 */
export function floorAmendments(views: readonly AmendmentView[], targetDocName: string): FloorAmendment[] {
  return views
    .filter((view) => view.targetDocName === targetDocName && view.status === 'admissible')
    .map((view) => ({
      id: view.id,
      label: view.label,
      number: view.number,
      parentId: null,
      changed: view.changedLines,
      deletion: view.departure.deletion,
      distance: view.departure.distance,
      result: view.resultDigest,
    }))
}
