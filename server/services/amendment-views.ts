import type { AmendmentRow } from '../../db/schema.ts'
import type { AmendmentDetailView, AmendmentView } from '../../shared/api-types.ts'
import { amendmentLabel, isAmendmentStatus, liveStatuses, type AmendmentStatus } from '../../shared/amendments/amendment-status.ts'
import { rangesOverlap } from '../../shared/amendments/text-diff.ts'
import { AppError } from '../app-error.ts'
import { changedLinesOffLoop } from './amendment-lines.ts'
import { overlapsMerged, type AmendmentDeps } from './amendments.ts'

export interface AmendmentFilter {
  /** Only the amendments of this document (a proposal's or the preamble's). */
  readonly targetDoc?: string
  readonly statuses?: readonly AmendmentStatus[]
}

const statusOf = (row: AmendmentRow): AmendmentStatus => (isAmendmentStatus(row.status) ? row.status : 'draft')

/**
 * The amendments of a congress, in the motion's reading order, each with the lines it changes and
 * the live amendments it competes with. Competition is judged among all amendments of the same
 * text, whatever the filter shows.
 */
export async function listAmendments(deps: AmendmentDeps, congressId: string, filter: AmendmentFilter = {}): Promise<AmendmentView[]> {
  const { db, documents } = deps
  let query = db.selectFrom('amendments').selectAll().where('congress_id', '=', congressId)
  if (filter.targetDoc) query = query.where('target_doc', '=', filter.targetDoc)
  const rows = await query.execute()
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [proposals, cosigners] = await Promise.all([
    db.selectFrom('proposals').select(['id', 'number']).where('congress_id', '=', congressId).execute(),
    db.selectFrom('amendment_cosigners').selectAll().where('amendment_id', 'in', ids).orderBy('signed_at').execute(),
  ])
  const people = new Map(
    (await db.selectFrom('participants').select(['id', 'name']).where('congress_id', '=', congressId).execute()).map((p) => [p.id, p.name]),
  )
  const numberOf = new Map(proposals.map((p) => [p.id, p.number]))
  const proposalNumber = (row: AmendmentRow) => (row.proposal_id === null ? null : (numberOf.get(row.proposal_id) ?? 0))
  const labels = new Map(rows.map((row) => [row.id, amendmentLabel(proposalNumber(row), row.number)]))
  const lines = new Map(await Promise.all(rows.map(async (row) => [row.id, await changedLinesOffLoop(documents, row)] as const)))
  const live = (row: AmendmentRow) => liveStatuses.includes(statusOf(row))

  const views = rows.map((row): AmendmentView => {
    const competing = live(row)
      ? rows.filter((o) => o.id !== row.id && o.target_doc === row.target_doc && live(o) && rangesOverlap(lines.get(row.id)!, lines.get(o.id)!)).map((o) => labels.get(o.id)!)
      : []
    return {
      id: row.id,
      number: row.number,
      label: labels.get(row.id)!,
      docName: row.doc_name,
      status: statusOf(row),
      proposalId: row.proposal_id,
      proposalNumber: proposalNumber(row),
      targetDocName: row.target_doc,
      author: { id: row.author_id, name: people.get(row.author_id) ?? '' },
      cosigners: cosigners
        .filter((c) => c.amendment_id === row.id)
        .map((c) => ({ id: c.participant_id, name: people.get(c.participant_id) ?? '', accepted: c.accepted_at !== null })),
      justification: row.justification,
      rulingReason: row.ruling_reason,
      changedLines: lines.get(row.id)!,
      competing,
      overlapsMerged: overlapsMerged(row).map((id) => labels.get(id) ?? id),
      createdAt: row.created_at,
      mergedAt: row.merged_at,
    }
  })
  const order = (v: AmendmentView) => (v.proposalNumber ?? 0) * 100_000 + v.number
  views.sort((a, b) => order(a) - order(b))
  return filter.statuses ? views.filter((v) => filter.statuses!.includes(v.status)) : views
}

export async function getAmendment(deps: AmendmentDeps, congressId: string, id: string): Promise<AmendmentDetailView> {
  const row = await deps.db.selectFrom('amendments').selectAll().where('id', '=', id).where('congress_id', '=', congressId).executeTakeFirst()
  if (!row) throw new AppError(404, 'not_found', 'Cet amendement n’existe pas.')
  const view = (await listAmendments(deps, congressId, { targetDoc: row.target_doc })).find((v) => v.id === id)!
  const congress = await deps.db.selectFrom('congresses').select('min_cosigners').where('id', '=', congressId).executeTakeFirstOrThrow()
  return {
    ...view,
    forkVector: Buffer.from(row.fork_vector).toString('base64'),
    mergedOnto: row.merged_onto ? Buffer.from(row.merged_onto).toString('base64') : null,
    minCosigners: congress.min_cosigners,
  }
}
