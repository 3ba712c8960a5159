import type { Kysely } from 'kysely'
import { decodeIdList } from '../../../db/json-columns.ts'
import type { AmendmentRow, Database } from '../../../db/schema.ts'
import { amendmentAttemptNames, amendmentStatusNames, authorStepNames } from '../../../shared/amendments/amendment-status-names.ts'
import { canTakeStep, editableStatuses, type AmendmentStatus, type AmendmentStep } from '../../../shared/amendments/amendment-status.ts'
import type { AmendmentAttempt, AuthorOnlyStep } from '../../../shared/errors/amendment-errors.ts'
import type { AmendmentAuthorship } from '../../../shared/permissions.ts'
import { fail } from '../../domain-error.ts'
import type { AppDeps } from '../../env.ts'
import type { CommandActor, Tx } from '../command.ts'
import { loadCongress } from '../congress/congress-rows.ts'
import { ballotUnderway } from '../ballots/ballot-rows.ts'

import { labelOf } from '../../services/amendment-labels.ts'

export { labelOf }

// The rows every amendment command reads, and the checks they share.

export type AmendmentDeps = Pick<AppDeps, 'db' | 'hub' | 'documents' | 'clock'>

/**
 * The amendment, by id; its congress is checked by the command's authorize step. A read addressed
 * through a congress (`inCongress`) does not find another congress's amendment.
 */
export async function loadAmendment(db: Kysely<Database>, amendmentId: string, inCongress?: string): Promise<AmendmentRow> {
  let query = db.selectFrom('amendments').selectAll().where('id', '=', amendmentId)
  if (inCongress !== undefined) query = query.where('congress_id', '=', inCongress)
  const row = await query.executeTakeFirst()
  if (!row) throw fail('amendment_not_found', { amendmentId }, 'Cet amendement n’existe pas.')
  return row
}

/** Its status, author and co-signers: what shared/permissions.ts's canEditAmendment reads. */
export async function authorshipOf(db: Kysely<Database>, row: AmendmentRow): Promise<AmendmentAuthorship> {
  const cosigners = await db.selectFrom('amendment_cosigners').select(['participant_id', 'accepted_at']).where('amendment_id', '=', row.id).orderBy('signed_at').execute()
  return { status: row.status, author: { id: row.author_id }, cosigners: cosigners.map((c) => ({ id: c.participant_id, accepted: c.accepted_at !== null })) }
}

/** The merged amendments that touched the same lines: the bureau reviews before merging this one. */
export function conflictsOf(row: Pick<AmendmentRow, 'conflicts'>): string[] {
  return decodeIdList(row.conflicts, 'amendments.conflicts')
}

export function statusRefusal(row: Pick<AmendmentRow, 'id' | 'status'>, attempted: AmendmentAttempt) {
  return fail('amendment_status', { amendmentId: row.id, status: row.status, attempted }, `Cet amendement est ${amendmentStatusNames[row.status]} : impossible de ${amendmentAttemptNames[attempted]}.`)
}

/** What only the assembly's amendments go through: a rewording is its parent's author's to take or leave, never ruled, decided or merged by the bureau. */
const assemblySteps: readonly AmendmentStep[] = ['rule', 'opinion', 'adopt', 'reject', 'merge']

/** The step must be one its status allows (shared/amendments/amendment-status.ts). */
export function requireStep(row: Pick<AmendmentRow, 'id' | 'status' | 'rewording'>, step: AmendmentStep): void {
  if (!canTakeStep(row.status, step) || (row.rewording === 1 && assemblySteps.includes(step))) throw statusRefusal(row, step)
}

/** Its authors still hold it (draft or submitted): its text, justification and co-signers may change. */
export function requireEditable(row: Pick<AmendmentRow, 'id' | 'status'>, attempted: 'edit' | 'cosign' | 'change_cosigners'): void {
  if (!editableStatuses.includes(row.status)) throw statusRefusal(row, attempted)
}

export function requireAuthor(actor: CommandActor, row: Pick<AmendmentRow, 'id' | 'author_id'>, attempted: AuthorOnlyStep): void {
  if (row.author_id !== actor.participantId) throw fail('not_an_author', { amendmentId: row.id, attempted }, `Seul l’auteur de l’amendement peut ${authorStepNames[attempted]}.`)
}

export const changedMeanwhile = (amendmentId: string) => fail('amendment_changed_meanwhile', { amendmentId }, 'L’amendement vient de changer : rechargez la page.')

/**
 * Moves the amendment to `next` and logs `action`, inside the command's transaction. Guarded on
 * the status read: two bureau members clicking at once cannot both move it.
 */
export async function setStatus(tx: Tx, row: AmendmentRow, next: AmendmentStatus, action: string, extra: Record<string, unknown> = {}, rulingReason?: string): Promise<void> {
  const result = await tx.trx
    .updateTable('amendments')
    .set({ status: next, updated_at: tx.now, ...(rulingReason === undefined ? {} : { ruling_reason: rulingReason }) })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw changedMeanwhile(row.id)
  await tx.audit(row.congress_id, action, { amendmentId: row.id, label: await labelOf(tx.trx, row), ...extra })
  if (endsSubAmendments.includes(next)) await fallChildren(tx, row)
}

/** Once its amendment is decided, withdrawn or fallen, a sub-amendment still waiting has nothing left to amend. */
const endsSubAmendments: readonly AmendmentStatus[] = ['withdrawn', 'rejected', 'adopted', 'fallen']
const waitingStatuses: readonly AmendmentStatus[] = ['draft', 'submitted', 'admissible']

/**
 * Inside a transaction: the sub-amendments (and proposed rewordings) of `parent` still waiting fall
 * with it, each logged as `amendment.fell` naming the parent. While a ballot is deciding one of
 * them, the parent's own step waits (409 amendment_under_ballot): the sub-amendment comes first.
 */
export async function fallChildren(tx: Tx, parent: Pick<AmendmentRow, 'id' | 'congress_id' | 'proposal_id' | 'number' | 'parent_id' | 'rewording'>): Promise<void> {
  const children = await tx.trx.selectFrom('amendments').selectAll().where('parent_id', '=', parent.id).where('status', 'in', waitingStatuses).execute()
  if (children.length === 0) return
  const byLabel = await labelOf(tx.trx, parent)
  for (const child of children) {
    const underway = await ballotUnderway(tx.trx, child.id)
    if (underway) throw fail('amendment_under_ballot', { amendmentId: child.id, ballotId: underway.id }, 'Un scrutin sur un sous-amendement de cet amendement est en cours : publiez son résultat d’abord.')
    await tx.trx.updateTable('amendments').set({ status: 'fallen', fallen_by: parent.id, updated_at: tx.now }).where('id', '=', child.id).where('status', '=', child.status).execute()
    await tx.audit(parent.congress_id, 'amendment.fell', { amendmentId: child.id, label: await labelOf(tx.trx, child), by: parent.id, byLabel, withParent: true })
  }
}

/** What an amendment is filed on: a proposal, the congress's preamble, or (a sub-amendment) an amendment. */
export type AmendmentTarget = { readonly proposalId: string } | { readonly preambleOf: string } | { readonly amendmentId: string }

/** The statuses of an amendment that may be sub-amended: filed and not yet decided. */
const amendableStatuses: readonly AmendmentStatus[] = ['submitted', 'admissible']

/** Inside the filing's transaction (after the authorization): the parent, as it stands now, still takes sub-amendments. */
export async function requireAmendable(trx: Kysely<Database>, parentId: string, attempted: 'sub_amend' | 'reword'): Promise<void> {
  const parent = await trx.selectFrom('amendments').select(['id', 'status', 'parent_id']).where('id', '=', parentId).executeTakeFirstOrThrow()
  if (parent.parent_id !== null) throw fail('sub_amendment_nested', { amendmentId: parent.id }, 'Un sous-amendement ne se sous-amende pas.')
  if (!amendableStatuses.includes(parent.status)) throw statusRefusal(parent, attempted)
}

/**
 * The text a target names: its congress, its document, its proposal (none for the preamble) and,
 * for a sub-amendment, the amendment it amends (which must be filed, undecided, and not itself a
 * sub-amendment: one level, as in the assemblies).
 */
export async function resolveTarget(
  db: Kysely<Database>,
  target: AmendmentTarget,
): Promise<{ congressId: string; targetDoc: string; proposal?: { readonly id: string; readonly number: number }; parent?: AmendmentRow }> {
  if ('amendmentId' in target) {
    const parent = await loadAmendment(db, target.amendmentId)
    const proposal = parent.proposal_id === null ? undefined : await db.selectFrom('proposals').select(['id', 'number']).where('id', '=', parent.proposal_id).executeTakeFirst()
    return { congressId: parent.congress_id, targetDoc: parent.doc_name, proposal, parent }
  }
  if ('proposalId' in target) {
    const row = await db.selectFrom('proposals').select(['id', 'number', 'doc_name', 'congress_id']).where('id', '=', target.proposalId).executeTakeFirst()
    if (!row) throw fail('proposal_not_found', { proposalId: target.proposalId }, 'Cette proposition n’existe pas.')
    return { congressId: row.congress_id, targetDoc: row.doc_name, proposal: { id: row.id, number: row.number } }
  }
  const congress = await loadCongress(db, target.preambleOf)
  return { congressId: congress.id, targetDoc: congress.preamble_doc }
}
