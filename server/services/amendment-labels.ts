import type { Kysely } from 'kysely'
import type { AmendmentRow, Database } from '../../db/schema.ts'
import { amendmentLabel } from '../../shared/amendments/amendment-status.ts'

// An amendment's label names its text and, for a sub-amendment, its parent ("P12-A3-S1"): read
// from the rows it depends on, never stored, so a proposal renumbered renumbers its amendments.

type LabelRow = Pick<AmendmentRow, 'id' | 'number' | 'proposal_id' | 'parent_id' | 'rewording'>

/** A label from rows already read: the proposal's number by its id, the parent by its id. */
export function labelFrom(row: LabelRow, proposalNumber: (id: string | null) => number | null, parent: (id: string) => LabelRow | undefined): string {
  if (row.parent_id === null) return amendmentLabel(proposalNumber(row.proposal_id), row.number)
  const parentNumber = parent(row.parent_id)?.number ?? 0
  return amendmentLabel(proposalNumber(row.proposal_id), row.number, { parentNumber, rewording: row.rewording === 1 })
}

/** Every amendment's label in a congress, by id. */
export async function congressLabels(db: Kysely<Database>, congressId: string): Promise<Map<string, string>> {
  const [rows, proposals] = await Promise.all([
    db.selectFrom('amendments').select(['id', 'number', 'proposal_id', 'parent_id', 'rewording']).where('congress_id', '=', congressId).execute(),
    db.selectFrom('proposals').select(['id', 'number']).where('congress_id', '=', congressId).execute(),
  ])
  const numbers = new Map(proposals.map((p) => [p.id, p.number]))
  const byId = new Map(rows.map((r) => [r.id, r]))
  const proposalNumber = (id: string | null) => (id === null ? null : (numbers.get(id) ?? 0))
  return new Map(rows.map((row) => [row.id, labelFrom(row, proposalNumber, (id) => byId.get(id))]))
}

/** One amendment's label. */
export async function labelOf(db: Kysely<Database>, row: LabelRow): Promise<string> {
  const proposal = row.proposal_id === null ? undefined : await db.selectFrom('proposals').select('number').where('id', '=', row.proposal_id).executeTakeFirst()
  const parent = row.parent_id === null ? undefined : await db.selectFrom('amendments').select(['id', 'number', 'proposal_id', 'parent_id', 'rewording']).where('id', '=', row.parent_id).executeTakeFirst()
  return labelFrom(row, (id) => (id === null ? null : (proposal?.number ?? 0)), () => parent)
}
