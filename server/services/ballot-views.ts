import type { Kysely } from 'kysely'
import type { BallotRow, Database } from '../../db/schema.ts'
import type { BallotStatus, BallotSubjectView, BallotView, BoardView, MyBallotView, ParticipationView } from '../../shared/api-types.ts'
import { amendmentLabel } from '../../shared/amendments/amendment-status.ts'
import type { BallotRule, Choice } from '../../shared/ballots/ballot-rule.ts'
import type { Tally } from '../../shared/ballots/tally-types.ts'
import type { Role } from '../../shared/roles.ts'
import { duplicateReceipts } from '../../shared/ballots/receipt.ts'
import { AppError } from '../app-error.ts'
import type { AppDeps, SessionActor } from '../env.ts'

type Db = Pick<AppDeps, 'db' | 'votes'>

export const ballotStatus = (row: Pick<BallotRow, 'status'>): BallotStatus => row.status as BallotStatus
export const ballotRule = (row: Pick<BallotRow, 'rule'>): BallotRule => JSON.parse(row.rule) as BallotRule

/** Counts are secret until the ballot closes; then the bureau sees them, and everyone once published. */
export function resultVisible(row: Pick<BallotRow, 'status'>, role: Role): boolean {
  const status = ballotStatus(row)
  return status === 'published' || (status === 'closed' && role === 'bureau')
}

export async function subjectOf(db: Kysely<Database>, row: Pick<BallotRow, 'subject_kind' | 'subject_id'>): Promise<BallotSubjectView> {
  if (row.subject_kind === 'amendment' && row.subject_id) {
    const amendment = await db
      .selectFrom('amendments')
      .leftJoin('proposals', 'proposals.id', 'amendments.proposal_id')
      .select(['amendments.id', 'amendments.number', 'amendments.target_doc', 'proposals.number as proposalNumber'])
      .where('amendments.id', '=', row.subject_id)
      .executeTakeFirst()
    if (amendment) {
      const proposalNumber = amendment.proposalNumber ?? null
      return { kind: 'amendment', id: amendment.id, label: amendmentLabel(proposalNumber, amendment.number), docName: amendment.target_doc, proposalNumber }
    }
  }
  if (row.subject_kind === 'proposal' && row.subject_id) {
    const proposal = await db.selectFrom('proposals').select(['id', 'number', 'doc_name']).where('id', '=', row.subject_id).executeTakeFirst()
    if (proposal) return { kind: 'proposal', id: proposal.id, label: `Proposition ${proposal.number}`, docName: proposal.doc_name, proposalNumber: proposal.number }
  }
  return { kind: 'motion', id: null, label: 'Motion', docName: null, proposalNumber: null }
}

export async function ballotView(deps: Db, row: BallotRow, role: Role): Promise<BallotView> {
  const opened = row.opened_at !== null
  return {
    id: row.id,
    congressId: row.congress_id,
    subject: await subjectOf(deps.db, row),
    rule: ballotRule(row),
    status: ballotStatus(row),
    createdAt: row.created_at,
    openedAt: row.opened_at,
    closesAt: row.closes_at,
    closedAt: row.closed_at,
    publishedAt: row.published_at,
    electorate: opened ? { entitled: row.entitled_count ?? 0, present: row.present_count ?? 0, represented: row.represented_count ?? 0 } : null,
    participation: opened ? deps.votes.counts(row.id) : null,
    result: row.result !== null && resultVisible(row, role) ? (JSON.parse(row.result) as Tally) : null,
    chainHead: row.chain_head,
  }
}

/** The ballot, if it exists and belongs to the actor's congress (403 otherwise, like every route). */
export async function loadBallot(deps: Pick<AppDeps, 'db'>, actor: SessionActor, id: string): Promise<BallotRow> {
  const row = await deps.db.selectFrom('ballots').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError(404, 'not_found', 'Ce scrutin n’existe pas.')
  if (row.congress_id !== actor.congressId) throw new AppError(403, 'forbidden', 'Votre code d’accès ne concerne pas ce congrès.')
  return row
}

export async function listBallots(deps: Db, congressId: string, role: Role): Promise<BallotView[]> {
  const rows = await deps.db.selectFrom('ballots').selectAll().where('congress_id', '=', congressId).orderBy('created_at').orderBy('id').execute()
  return Promise.all(rows.map((row) => ballotView(deps, row, role)))
}

/** The voter's screen: their own vote and one per proxy they carry, in this ballot's fixed list. */
export async function myBallot(deps: Db, actor: SessionActor, row: BallotRow): Promise<MyBallotView> {
  const rights = await deps.db
    .selectFrom('ballot_voters')
    .innerJoin('participants', 'participants.id', 'ballot_voters.represented_id')
    .leftJoin('ballot_participations', (join) =>
      join.onRef('ballot_participations.ballot_id', '=', 'ballot_voters.ballot_id').onRef('ballot_participations.represented_id', '=', 'ballot_voters.represented_id'),
    )
    .select(['ballot_voters.represented_id', 'participants.name', 'ballot_participations.represented_id as votedFor', 'ballot_participations.cast_at'])
    .where('ballot_voters.ballot_id', '=', row.id)
    .where('ballot_voters.holder_id', '=', actor.participantId)
    .orderBy('participants.name')
    .execute()
  const views = rights
    .map((r) => ({ representedId: r.represented_id, name: r.name, self: r.represented_id === actor.participantId, voted: r.votedFor !== null, castAt: r.cast_at ?? null }))
    .sort((a, b) => Number(b.self) - Number(a.self))
  return { ballot: await ballotView(deps, row, actor.role), rights: views, noRightReason: views.length > 0 || row.opened_at === null ? null : await noRightReason(deps.db, actor) }
}

async function noRightReason(db: Kysely<Database>, actor: SessionActor): Promise<MyBallotView['noRightReason']> {
  if (actor.role === 'advisor') return 'role'
  const proxy = await db.selectFrom('proxies').select('holder_id').where('giver_id', '=', actor.participantId).executeTakeFirst()
  return proxy ? 'proxy-given' : 'not-present'
}

export async function participation(deps: Db, row: BallotRow): Promise<ParticipationView> {
  const counts = deps.votes.counts(row.id)
  if (ballotRule(row).secrecy !== 'roll-call') return { ...counts, notVoted: null }
  const missing = await deps.db
    .selectFrom('ballot_voters')
    .innerJoin('participants as represented', 'represented.id', 'ballot_voters.represented_id')
    .innerJoin('participants as holder', 'holder.id', 'ballot_voters.holder_id')
    .leftJoin('ballot_participations', (join) =>
      join.onRef('ballot_participations.ballot_id', '=', 'ballot_voters.ballot_id').onRef('ballot_participations.represented_id', '=', 'ballot_voters.represented_id'),
    )
    .select(['represented.id', 'represented.name', 'holder.name as holderName', 'ballot_voters.holder_id'])
    .where('ballot_voters.ballot_id', '=', row.id)
    .where('ballot_participations.represented_id', 'is', null)
    .orderBy('represented.name')
    .execute()
  return { ...counts, notVoted: missing.map((m) => ({ id: m.id, name: m.name, holderName: m.holder_id === m.id ? null : m.holderName })) }
}

export function requireResultVisible(row: BallotRow, role: Role): void {
  if (resultVisible(row, role)) return
  throw new AppError(409, 'conflict', ballotStatus(row) === 'closed' ? 'Le résultat n’est pas encore publié.' : 'Aucun résultat avant la clôture du scrutin.')
}

/** Every receipt with its choice (and, for roll-call ballots, the name it stands for), by receipt. */
export async function board(deps: Pick<AppDeps, 'db'>, row: BallotRow): Promise<BoardView> {
  const entries = await deps.db
    .selectFrom('ballot_box')
    .leftJoin('participants', 'participants.id', 'ballot_box.represented_id')
    .select(['ballot_box.receipt', 'ballot_box.choice', 'ballot_box.nonce', 'participants.name'])
    .where('ballot_box.ballot_id', '=', row.id)
    .orderBy('ballot_box.receipt')
    .execute()
  return {
    ballotId: row.id,
    secrecy: ballotRule(row).secrecy,
    entries: entries.map((e) => ({ receipt: e.receipt, choice: e.choice as Choice, nonce: e.nonce, name: e.name ?? null })),
    chainHead: row.chain_head ?? '',
    duplicates: duplicateReceipts(entries),
  }
}

/** An amendment under a ballot not yet published stays as the ballot found it. */
export async function requireNoBallotUnderway(db: Kysely<Database>, amendmentId: string, ballotId?: string): Promise<void> {
  let query = db.selectFrom('ballots').select('id').where('subject_kind', '=', 'amendment').where('subject_id', '=', amendmentId).where('status', 'in', ['open', 'closed'])
  if (ballotId) query = query.where('id', '!=', ballotId)
  if (await query.executeTakeFirst()) throw new AppError(409, 'conflict', 'Un scrutin sur cet amendement est en cours : il ne change plus avant la publication du résultat.')
}
