import type { Kysely, Transaction } from 'kysely'
import { decodeBallotRule, decodeTally } from '../../db/json-columns.ts'
import type { BallotRow, Database } from '../../db/schema.ts'
import type { BallotSubjectView, BallotView } from '../../shared/api-types.ts'
import { labelOf } from '../services/amendment-labels.ts'
import type { BallotRule } from '../../shared/ballots/ballot-rule.ts'
import type { Role } from '../../shared/roles.ts'
import type { AppDeps } from '../env.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { blockMembers, loadBallot, partOf } from '../commands/ballots/ballot-rows.ts'
import { readRoomCount } from './room-count-view.ts'

/** What a ballot's view reads: its rows, and the vote store's live counts. */
export type BallotViewDeps = Pick<AppDeps, 'db' | 'votes'>
export type BallotPresenterDeps = CommandDeps & BallotViewDeps

export const ballotRule = (row: Pick<BallotRow, 'rule'>): BallotRule => decodeBallotRule(row.rule)

/** Counts are secret until the ballot closes; then the bureau sees them, and everyone once published. */
export function resultVisible(row: Pick<BallotRow, 'status'>, role: Role): boolean {
  return row.status === 'published' || (row.status === 'closed' && role === 'bureau')
}

export async function subjectOf(db: Kysely<Database> | Transaction<Database>, row: Pick<BallotRow, 'id' | 'subject_kind' | 'subject_id'>): Promise<BallotSubjectView> {
  if (row.subject_kind === 'amendment' && row.subject_id) {
    const members = await blockMembers(db, row.id)
    if (members.length > 0) {
      const found = await db.selectFrom('amendments').select(['id', 'number', 'proposal_id', 'parent_id', 'rewording', 'doc_name', 'target_doc']).where('id', 'in', members).execute()
      const rows = members.flatMap((id) => found.filter((a) => a.id === id))
      const block = await Promise.all(rows.map(async (a) => ({ id: a.id, number: null, label: await labelOf(db, a), title: '', docName: a.doc_name })))
      const first = rows[0]
      if (first) {
        const label = `Amendements ${block.map((a) => a.label).join(', ')} (en bloc)`
        const proposalNumber = first.proposal_id === null ? null : ((await db.selectFrom('proposals').select('number').where('id', '=', first.proposal_id).executeTakeFirst())?.number ?? null)
        return { kind: 'amendment', id: first.id, label, docName: first.target_doc, proposalNumber, block, part: null }
      }
    }
    const amendment = await db
      .selectFrom('amendments')
      .leftJoin('proposals', 'proposals.id', 'amendments.proposal_id')
      .select(['amendments.id', 'amendments.number', 'amendments.target_doc', 'amendments.proposal_id', 'amendments.parent_id', 'amendments.rewording', 'proposals.number as proposalNumber'])
      .where('amendments.id', '=', row.subject_id)
      .executeTakeFirst()
    if (amendment) {
      const proposalNumber = amendment.proposalNumber ?? null
      return { kind: 'amendment', id: amendment.id, label: await labelOf(db, amendment), docName: amendment.target_doc, proposalNumber, block: null, part: null }
    }
  }
  if (row.subject_kind === 'proposal' && row.subject_id) {
    const members = await blockMembers(db, row.id)
    if (members.length > 0) {
      const found = await db.selectFrom('proposals').select(['id', 'number', 'title', 'doc_name']).where('id', 'in', members).execute()
      const block = members.flatMap((id) => found.filter((p) => p.id === id)).map((p) => ({ id: p.id, number: p.number, label: `Proposition ${p.number}`, title: p.title, docName: p.doc_name }))
      const first = block[0]
      const numbers = block.map((p) => p.number)
      const label = `Propositions ${numbers.slice(0, -1).join(', ')} et ${numbers.at(-1)} (en bloc)`
      if (first) return { kind: 'proposal', id: first.id, label, docName: first.docName, proposalNumber: first.number ?? null, block, part: null }
    }
    const proposal = await db.selectFrom('proposals').select(['id', 'number', 'doc_name']).where('id', '=', row.subject_id).executeTakeFirst()
    const part = await partOf(db, row.id)
    if (proposal) {
      const label = part ? `Proposition ${proposal.number}, vote par division : ${part.label}` : `Proposition ${proposal.number}`
      return { kind: 'proposal', id: proposal.id, label, docName: proposal.doc_name, proposalNumber: proposal.number, block: null, part: part ?? null }
    }
  }
  return { kind: 'motion', id: null, label: 'Motion', docName: null, proposalNumber: null, block: null, part: null }
}

/** A ballot as every reader sees it; its result only where resultVisible allows. */
export async function ballotView(deps: BallotViewDeps, row: BallotRow, role: Role): Promise<BallotView> {
  const opened = row.opened_at !== null
  const rule = ballotRule(row)
  const visible = resultVisible(row, role)
  return {
    id: row.id,
    congressId: row.congress_id,
    subject: await subjectOf(deps.db, row),
    rule,
    status: row.status,
    createdAt: row.created_at,
    openedAt: row.opened_at,
    closesAt: row.closes_at,
    closedAt: row.closed_at,
    publishedAt: row.published_at,
    electorate: opened ? { entitled: row.entitled_count ?? 0, present: row.present_count ?? 0, represented: row.represented_count ?? 0 } : null,
    participation: opened ? await deps.votes.counts(row.id) : null,
    result: visible ? decodeTally(row.result) : null,
    chainHead: row.chain_head,
    room: visible ? await readRoomCount(deps.db, row.id, rule.secrecy) : null,
  }
}

/** `GET /api/ballots/:bid`. */
export function showBallot(deps: BallotPresenterDeps, actor: CommandActor, input: { ballotId: string }) {
  return query(deps, actor, async (steps) => {
    const row = await loadBallot(deps, input.ballotId)
    await steps.authorize(row.congress_id, 'congress.read')
    return ballotView(deps, row, actor.role)
  })
}
