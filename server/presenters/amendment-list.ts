import type { Kysely } from 'kysely'
import type { AmendmentOpinionRow, AmendmentRow, Database } from '../../db/schema.ts'
import type { AmendmentView } from '../../shared/api-types.ts'
import { liveStatuses, type AmendmentStatus } from '../../shared/amendments/amendment-status.ts'
import { rangesOverlap } from '../../shared/amendments/text-diff.ts'
import type { AppDeps } from '../env.ts'
import { conflictsOf } from '../commands/amendments/amendment-rows.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { fail } from '../domain-error.ts'
import { decodeIdList } from '../../db/json-columns.ts'
import { labelFrom } from '../services/amendment-labels.ts'
import { measuresOffLoop, resultDigest } from '../services/amendment-lines.ts'

export type AmendmentPresenterDeps = CommandDeps & Pick<AppDeps, 'documents'>

export interface AmendmentFilter {
  /** Only the amendments of this document (a proposal's or the preamble's), with their sub-amendments. */
  readonly targetDoc?: string
  readonly statuses?: readonly AmendmentStatus[]
  /** With the bureau's proposed rewordings, which the lists leave out (they are their amendment's page's). */
  readonly rewordings?: boolean
}

/** A congress's amendments, for whoever reads the congress. */
export function congressAmendments(deps: AmendmentPresenterDeps, actor: CommandActor, input: { congressId: string; statuses?: readonly AmendmentStatus[] }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'congress.read')
    return { amendments: await listAmendments(deps, input.congressId, { statuses: input.statuses }), voteOrders: await readVoteOrders(deps.db, input.congressId) }
  })
}

/** The amendments to one proposal of the reader's congress. */
export function proposalAmendments(deps: AmendmentPresenterDeps, actor: CommandActor, input: { proposalId: string; statuses?: readonly AmendmentStatus[] }) {
  const { congressId } = actor
  return query(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'congress.read')
    const proposal = await deps.db.selectFrom('proposals').select('doc_name').where('id', '=', input.proposalId).where('congress_id', '=', congressId).executeTakeFirst()
    if (!proposal) throw fail('proposal_not_found', { proposalId: input.proposalId }, 'Cette proposition n’existe pas.')
    return {
      amendments: await listAmendments(deps, congressId, { targetDoc: proposal.doc_name, statuses: input.statuses }),
      voteOrders: await readVoteOrders(deps.db, congressId, proposal.doc_name),
    }
  })
}

/**
 * The amendments of a congress, in the motion's reading order, each with the lines it changes and
 * the live amendments it competes with. Competition is judged among all amendments of the same
 * text, whatever the filter shows.
 */
export async function listAmendments(deps: Pick<AppDeps, 'db' | 'documents'>, congressId: string, filter: AmendmentFilter = {}): Promise<AmendmentView[]> {
  const { db, documents } = deps
  let rowsQuery = db.selectFrom('amendments').selectAll().where('congress_id', '=', congressId)
  if (!filter.rewordings) rowsQuery = rowsQuery.where('rewording', '=', 0)
  if (filter.targetDoc) {
    const textDoc = filter.targetDoc
    rowsQuery = rowsQuery.where((eb) => eb.or([eb('target_doc', '=', textDoc), eb('parent_id', 'in', eb.selectFrom('amendments').select('id').where('target_doc', '=', textDoc))]))
  }
  const rows = await rowsQuery.execute()
  if (rows.length === 0) return []
  const { numberOf, people, cosigners, opinions } = await readRelated(db, congressId, rows.map((r) => r.id))
  const proposalNumber = (row: AmendmentRow) => (row.proposal_id === null ? null : (numberOf.get(row.proposal_id) ?? 0))
  const byId = new Map(rows.map((row) => [row.id, row]))
  const labels = new Map(rows.map((row) => [row.id, labelFrom(row, (id) => (id === null ? null : (numberOf.get(id) ?? 0)), (id) => byId.get(id))]))
  const measures = new Map(await Promise.all(rows.map(async (row) => [row.id, await measuresOffLoop(documents, row)] as const)))
  const lines = new Map([...measures].map(([id, m]) => [id, m.changed]))
  // A proposed rewording is its parent's author's to take or leave: it competes with nothing.
  const live = (row: AmendmentRow) => liveStatuses.includes(row.status) && row.rewording === 0

  const views = rows.map((row): AmendmentView => {
    const competing = live(row)
      ? rows.filter((o) => o.id !== row.id && o.target_doc === row.target_doc && live(o) && rangesOverlap(lines.get(row.id)!, lines.get(o.id)!)).map((o) => labels.get(o.id)!)
      : []
    return {
      id: row.id,
      number: row.number,
      label: labels.get(row.id)!,
      docName: row.doc_name,
      status: row.status,
      proposalId: row.proposal_id,
      proposalNumber: proposalNumber(row),
      targetDocName: row.target_doc,
      parentId: row.parent_id,
      parentLabel: row.parent_id === null ? null : (labels.get(row.parent_id) ?? null),
      rewording: row.rewording === 1,
      rectifiedAt: row.rectified_at,
      author: { id: row.author_id, name: people.get(row.author_id) ?? '' },
      cosigners: cosigners
        .filter((c) => c.amendment_id === row.id)
        .map((c) => ({ id: c.participant_id, name: people.get(c.participant_id) ?? '', accepted: c.accepted_at !== null })),
      justification: row.justification,
      rulingReason: row.ruling_reason,
      changedLines: lines.get(row.id)!,
      departure: { deletion: measures.get(row.id)!.deletion, distance: measures.get(row.id)!.distance },
      opinion: opinionOf(opinions.get(row.id)),
      fallenBy: row.fallen_by === null ? null : (labels.get(row.fallen_by) ?? null),
      resultDigest: resultDigest(measures.get(row.id)!.result),
      competing,
      overlapsMerged: conflictsOf(row).map((id) => labels.get(id) ?? id),
      createdAt: row.created_at,
      mergedAt: row.merged_at,
    }
  })
  // The motion's reading order: by text, each amendment followed by its sub-amendments.
  const parentNumber = (id: string | null) => (id === null ? 0 : (byId.get(id)?.number ?? 0))
  const order = (v: AmendmentView) => [v.proposalNumber ?? 0, v.parentId === null ? v.number : parentNumber(v.parentId), v.parentId === null ? 0 : v.number] as const
  views.sort((a, b) => {
    const [x, y] = [order(a), order(b)]
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]
  })
  return filter.statuses ? views.filter((v) => filter.statuses!.includes(v.status)) : views
}

/** The bureau's own orders of the votes, by text (the first amendment of each vote); a text without one follows Plenum's. */
async function readVoteOrders(db: Kysely<Database>, congressId: string, targetDoc?: string): Promise<Record<string, readonly string[]>> {
  let query = db.selectFrom('vote_orders').select(['target_doc', 'lead_ids']).where('congress_id', '=', congressId)
  if (targetDoc) query = query.where('target_doc', '=', targetDoc)
  const rows = await query.execute()
  return Object.fromEntries(rows.map((row) => [row.target_doc, decodeIdList(row.lead_ids, 'vote_orders.lead_ids')]))
}

async function readRelated(db: Kysely<Database>, congressId: string, ids: readonly string[]) {
  const [proposals, cosigners, participants, opinions] = await Promise.all([
    db.selectFrom('proposals').select(['id', 'number']).where('congress_id', '=', congressId).execute(),
    db.selectFrom('amendment_cosigners').selectAll().where('amendment_id', 'in', ids).orderBy('signed_at').execute(),
    db.selectFrom('participants').select(['id', 'name']).where('congress_id', '=', congressId).execute(),
    db.selectFrom('amendment_opinions').selectAll().where('amendment_id', 'in', ids).execute(),
  ])
  return {
    numberOf: new Map(proposals.map((p) => [p.id, p.number])),
    people: new Map(participants.map((p) => [p.id, p.name])),
    cosigners,
    opinions: new Map(opinions.map((o) => [o.amendment_id, o])),
  }
}

function opinionOf(row: AmendmentOpinionRow | undefined): AmendmentView['opinion'] {
  return row ? { opinion: row.opinion, comment: row.comment, givenAt: row.given_at } : null
}
