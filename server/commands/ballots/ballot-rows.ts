import type { Kysely, Transaction } from 'kysely'
import { decodeBallotRule, decodePositions, decodeTextList } from '../../../db/json-columns.ts'
import type { BallotRow, Database } from '../../../db/schema.ts'
import { ballotStatusNames, ballotStepNames } from '../../../shared/ballots/ballot-status-names.ts'
import { defaultBallotRule, type BallotRule } from '../../../shared/ballots/ballot-rule.ts'
import type { BallotStep } from '../../../shared/errors/ballot-errors.ts'
import type { BallotSubject } from '../../../shared/requests/ballot-requests.ts'
import { fail } from '../../domain-error.ts'
import type { AppDeps } from '../../env.ts'
import { loadCongress } from '../congress/congress-rows.ts'

type Db = Kysely<Database> | Transaction<Database>

/** The ballot (404 ballot_not_found); whether the actor may touch it is steps.authorize's to say. */
export async function loadBallot(deps: Pick<AppDeps, 'db'>, ballotId: string): Promise<BallotRow> {
  const row = await deps.db.selectFrom('ballots').selectAll().where('id', '=', ballotId).executeTakeFirst()
  if (!row) throw fail('ballot_not_found', { ballotId }, 'Ce scrutin n’existe pas.')
  return row
}

/** The congress's template for new ballots: the default rule until the bureau sets one. */
export async function congressRule(db: Db, congressId: string): Promise<BallotRule> {
  const row = await loadCongress(db, congressId)
  return row.ballot_rule === null ? defaultBallotRule : decodeBallotRule(row.ballot_rule, 'congresses.ballot_rule')
}

export function requireStatus(row: BallotRow, expected: BallotRow['status'], attempted: BallotStep): void {
  if (row.status === expected) return
  throw fail('ballot_status', { ballotId: row.id, status: row.status, attempted }, `Ce scrutin est ${ballotStatusNames[row.status]} : impossible de ${ballotStepNames[attempted]}.`)
}

export const changedMeanwhile = (ballotId: string) => fail('ballot_changed_meanwhile', { ballotId }, 'Le scrutin vient de changer : rechargez la page.')

/** Moves the ballot on, guarded on the status read: two bureau members clicking at once cannot both. */
export async function advance(trx: Transaction<Database>, row: BallotRow, values: Partial<Omit<BallotRow, 'id'>>): Promise<void> {
  const result = await trx.updateTable('ballots').set(values).where('id', '=', row.id).where('status', '=', row.status).executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw changedMeanwhile(row.id)
}

/** What the ballot's rows say it puts to the vote. */
export async function subjectOfRow(db: Db, row: Pick<BallotRow, 'id' | 'subject_kind' | 'subject_id'>): Promise<BallotSubject> {
  if (row.subject_kind === 'motion') return { kind: 'motion' }
  const members = row.subject_kind === 'proposal' ? await blockMembers(db, row.id) : []
  return members.length > 0 ? { kind: 'block', ids: members } : { kind: row.subject_kind, id: row.subject_id ?? '' }
}

/** A block ballot's proposals, in the bureau's order; none for any other ballot. */
export async function blockMembers(db: Db, ballotId: string): Promise<string[]> {
  const rows = await db.selectFrom('ballot_block_members').select(['proposal_id', 'amendment_id']).where('ballot_id', '=', ballotId).orderBy('position').execute()
  return rows.map((r) => r.proposal_id ?? r.amendment_id ?? '')
}

/** A ballot on a part of a proposal (*vote par division*): its blocks' words and its label; none for any other ballot. */
export async function partOf(db: Db, ballotId: string): Promise<{ readonly blocks: string[]; readonly positions: number[]; readonly label: string } | undefined> {
  const row = await db.selectFrom('ballot_parts').select(['blocks', 'positions', 'label']).where('ballot_id', '=', ballotId).executeTakeFirst()
  return row ? { blocks: decodeTextList(row.blocks, 'ballot_parts.blocks'), positions: decodePositions(row.positions), label: row.label } : undefined
}

/** The proposals a ballot decides: a block's every one, a proposal's own; none for a part of one, an amendment or the motion. */
export async function decidedProposals(db: Db, row: Pick<BallotRow, 'id' | 'subject_kind' | 'subject_id'>): Promise<string[]> {
  if (row.subject_kind !== 'proposal' || !row.subject_id) return []
  if (await partOf(db, row.id)) return []
  const members = await blockMembers(db, row.id)
  return members.length > 0 ? members : [row.subject_id]
}

/** A proposal or an amendment of the congress (an amendment only once declared admissible), or a block of its proposals. */
export async function requireSubject(db: Db, congressId: string, subject: BallotSubject): Promise<void> {
  if (subject.kind === 'motion') return
  if (subject.kind === 'block' && subject.of === 'amendment') return requireAmendmentBlock(db, congressId, subject.ids)
  if (subject.kind === 'proposal' || subject.kind === 'block' || subject.kind === 'part') {
    const ids = subject.kind === 'block' ? subject.ids : [subject.id]
    const found = new Set((await db.selectFrom('proposals').select('id').where('id', 'in', ids).where('congress_id', '=', congressId).execute()).map((p) => p.id))
    const missing = ids.find((id) => !found.has(id))
    if (missing !== undefined) throw fail('subject_not_found', { kind: 'proposal', id: missing }, 'Cette proposition n’existe pas.')
    return
  }
  const amendment = await db.selectFrom('amendments').select(['status', 'parent_id']).where('id', '=', subject.id).where('congress_id', '=', congressId).executeTakeFirst()
  if (!amendment) throw fail('subject_not_found', { kind: 'amendment', id: subject.id }, 'Cet amendement n’existe pas.')
  if (amendment.status !== 'admissible') throw fail('subject_not_admissible', { amendmentId: subject.id }, 'Seul un amendement déclaré recevable est mis aux voix.')
  if (amendment.parent_id !== null) await requireParentWaiting(db, subject.id, amendment.parent_id)
}

/**
 * A block of amendments: each one a ballot could decide alone, on texts all different (amendments
 * of one text go to the vote in its running order, one after another, each adoption perhaps
 * making the next fall), none a sub-amendment of another (voted before it).
 */
async function requireAmendmentBlock(db: Db, congressId: string, ids: readonly string[]): Promise<void> {
  for (const id of ids) await requireSubject(db, congressId, { kind: 'amendment', id })
  const rows = await db.selectFrom('amendments').select(['id', 'target_doc', 'parent_id']).where('id', 'in', ids).execute()
  const texts = new Set(rows.map((r) => r.target_doc))
  const members = new Set(ids)
  if (texts.size !== rows.length || rows.some((r) => r.parent_id !== null && members.has(r.parent_id))) {
    throw fail('block_same_text', { ids: [...ids] }, 'Un vote en bloc réunit des amendements de textes différents : ceux d’un même texte se votent l’un après l’autre.')
  }
}

/** A sub-amendment is voted, and merged, while its amendment still waits for its own vote. */
export async function requireParentWaiting(db: Db, amendmentId: string, parentId: string): Promise<void> {
  const parent = await db.selectFrom('amendments').select('status').where('id', '=', parentId).executeTakeFirst()
  if (parent?.status !== 'submitted' && parent?.status !== 'admissible') {
    throw fail('subject_parent_decided', { amendmentId, parentId }, 'Ce sous-amendement ne se vote plus : l’amendement qu’il modifie n’attend plus son vote.')
  }
}

/** An amendment under a ballot not yet published stays as the ballot found it. */
/** A ballot on the amendment opened and not yet published (other than `ballotId`), if any. */
export async function ballotUnderway(db: Db, amendmentId: string, ballotId?: string): Promise<{ readonly id: string } | undefined> {
  // On it alone, or in a block.
  let query = db
    .selectFrom('ballots')
    .select('id')
    .where('status', 'in', ['open', 'closed'])
    .where((eb) =>
      eb.or([
        eb.and([eb('subject_kind', '=', 'amendment'), eb('subject_id', '=', amendmentId)]),
        eb('id', 'in', eb.selectFrom('ballot_block_members').select('ballot_id').where('amendment_id', '=', amendmentId)),
      ]),
    )
  if (ballotId) query = query.where('id', '!=', ballotId)
  return query.executeTakeFirst()
}

export async function requireNoBallotUnderway(db: Db, amendmentId: string, ballotId?: string): Promise<void> {
  const underway = await ballotUnderway(db, amendmentId, ballotId)
  if (underway) {
    throw fail('amendment_under_ballot', { amendmentId, ballotId: underway.id }, 'Un scrutin sur cet amendement est en cours : il ne change plus avant la publication du résultat.')
  }
}
