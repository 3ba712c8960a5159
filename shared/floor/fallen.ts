/**
 * Amendments that fall (*tombent*): once an amendment is adopted, those still to be voted that
 * change the same lines can no longer apply to the text as it now stands, so they are not put to
 * the vote. Pure, beside the running order (running-order.ts).
 */

import { rangesOverlap } from '../amendments/text-diff.ts'
import type { FloorAmendment } from './running-order.ts'

/** An amendment that falls, and the adopted amendment that made it fall. */
export interface Fall {
  readonly id: string
  readonly by: string
}

/**
 * What falls when the amendments `adoptedIds` (one vote: an amendment and those identical to it)
 * are adopted: among `pending` (still to be voted), those amending the same text (or, for a
 * sub-amendment, the same amendment) whose lines meet the adopted one's, and with each of them
 * every sub-amendment of theirs, however deep. Identical amendments are not among them: they were
 * adopted in the same vote.
 */
export function fallsAfterAdoption(adoptedIds: readonly string[], all: readonly Pick<FloorAmendment, 'id' | 'parentId' | 'changed'>[], pending: ReadonlySet<string>): Fall[] {
  const byId = new Map(all.map((a) => [a.id, a]))
  const adopted = adoptedIds.map((id) => byId.get(id)).filter((a) => a !== undefined)
  const lead = adopted[0]
  if (!lead) return []
  const voted = new Set(adoptedIds)
  const falls: Fall[] = []
  const fallen = new Set<string>()
  const fall = (amendment: (typeof all)[number]) => {
    if (fallen.has(amendment.id) || voted.has(amendment.id) || !pending.has(amendment.id)) return
    fallen.add(amendment.id)
    falls.push({ id: amendment.id, by: lead.id })
    for (const child of all) if (child.parentId === amendment.id) fall(child)
  }
  for (const other of all) {
    if (other.parentId !== lead.parentId) continue
    if (adopted.some((a) => rangesOverlap(a.changed, other.changed))) fall(other)
  }
  return falls
}
