import type { AmendmentRow } from '../../../db/schema.ts'
import { liveStatuses } from '../../../shared/amendments/amendment-status.ts'
import { forkChanges, sameChanges } from '../../../shared/amendments/fork.ts'
import { rangesOverlap } from '../../../shared/amendments/text-diff.ts'
import { fallsAfterAdoption } from '../../../shared/floor/fallen.ts'
import type { Decision } from '../../../shared/ballots/decision.ts'
import { fail } from '../../domain-error.ts'
import type { AmendmentMeasures } from '../../../shared/floor/running-order.ts'
import { measuresOffThread } from '../../diff/diff-pool.ts'
import { unmeasured } from '../../services/amendment-lines.ts'
import { isVotedText } from '../../services/voted-texts.ts'
import { recordVersion } from '../../history/text-versions.ts'
import type { Tx } from '../command.ts'
import { ballotUnderway, requireNoBallotUnderway, requireParentWaiting } from '../ballots/ballot-rows.ts'
import { changedMeanwhile, conflictsOf, fallChildren, labelOf, requireStep, setStatus, type AmendmentDeps } from './amendment-rows.ts'

// The decision on an amendment and its merge, as steps of a transaction: the decide and merge
// commands run them in theirs, and publishing a ballot on an amendment runs both in its own, so
// the publication, the decision and the merge commit together or not at all.

/**
 * Inside a transaction: the amendment adopted or rejected, logged as `amendment.adopted` or
 * `amendment.rejected` (with the ballot, when a published ballot decides it).
 */
export async function recordDecision(tx: Tx, row: AmendmentRow, outcome: Decision, byBallot?: string): Promise<void> {
  requireStep(row, outcome === 'adopted' ? 'adopt' : 'reject')
  // A published ballot decides; any other ballot on it still under way holds it as it found it.
  await requireNoBallotUnderway(tx.trx, row.id, byBallot)
  await setStatus(tx, row, outcome, `amendment.${outcome}`, byBallot ? { ballotId: byBallot } : {})
}

/**
 * An adopted amendment merges at once, unless it touches lines an already merged amendment changed
 * (the bureau reviews it first). Read before the transaction, to know whether to read ahead.
 */
export function mergesOnAdoption(row: AmendmentRow): boolean {
  return conflictsOf(row).length === 0
}

/** What a merge reads before its transaction: the texts, and the competition's diffs. */
export interface MergeAhead {
  readonly label: string
  /** The target just before the merge, kept as the amendment's `merged_onto`. */
  readonly before: Uint8Array
  readonly beforeRevision: number
  /** The amendment's own text. */
  readonly state: Uint8Array
  /** Live amendments of the same text. */
  readonly others: readonly AmendmentRow[]
  /** Those among them that change some of the same lines, still held by their authors or adopted: marked for the bureau to review. */
  readonly overlapping: readonly AmendmentRow[]
  /** Those that fall with this adoption (shared/floor/fallen.ts): admissible, waiting for their vote. */
  readonly falling: readonly AmendmentRow[]
  /** Admissible amendments identical to it: adopted with it, their change already in the text. */
  readonly twins: readonly AmendmentRow[]
}

/**
 * Reads what the merge needs, outside the transaction: a read stores (and sends) what a room still
 * holds (another amendment's authors may be typing), which a rollback must not take from the log;
 * the competition's diffs are computed off the event loop. Nothing in the transaction awaits
 * anything but SQLite, so these are the texts the merge meets, unless another merge got in first
 * (the target's revision tells).
 */
export async function readMergeAhead(deps: Pick<AmendmentDeps, 'db' | 'documents'>, row: AmendmentRow): Promise<MergeAhead> {
  const { db, documents } = deps
  // A proposed rewording is its parent's author's to take or leave, never the assembly's: it neither falls nor competes.
  const others = await db.selectFrom('amendments').selectAll().where('target_doc', '=', row.target_doc).where('id', '!=', row.id).where('status', 'in', liveStatuses).where('rewording', '=', 0).execute()
  const label = await labelOf(db, row)
  const before = await documents.read(row.target_doc)
  const beforeRevision = documents.revision(row.target_doc)
  const state = await documents.read(row.doc_name)
  if (!before) throw fail('amendment_text_missing', { docName: row.target_doc }, 'Le texte visé est introuvable.')
  if (!state) throw fail('amendment_text_missing', { docName: row.doc_name }, 'Le texte de l’amendement est introuvable.')
  // Every diff against the same text, the one the merge meets (the transaction checks its revision).
  const measure = async (a: AmendmentRow): Promise<AmendmentMeasures> => {
    const text = a.id === row.id ? state : await documents.read(a.doc_name)
    return text ? measuresOffThread(before, text, a.fork_vector) : unmeasured
  }
  const [mine, ...theirs] = await Promise.all([row, ...others].map(measure))
  const measuresOf = new Map(others.map((o, i) => [o.id, theirs[i]!]))
  const admissible = others.filter((o) => o.status === 'admissible')
  // Identical amendments (the same text once adopted) are adopted with it, not merged again.
  const twins = mine!.changed.length === 0 ? [] : admissible.filter((o) => measuresOf.get(o.id)!.result === mine!.result)
  const floor = [{ id: row.id, parentId: null, changed: mine!.changed }, ...others.map((o) => ({ id: o.id, parentId: null, changed: measuresOf.get(o.id)!.changed }))]
  const falls = new Set(fallsAfterAdoption([row.id, ...twins.map((t) => t.id)], floor, new Set(admissible.map((o) => o.id))).map((f) => f.id))
  const falling = others.filter((o) => falls.has(o.id))
  const overlapping = others.filter((o) => !falls.has(o.id) && !twins.includes(o) && rangesOverlap(mine!.changed, measuresOf.get(o.id)!.changed))
  return { label, before, beforeRevision, state, others, overlapping, falling, twins }
}

/**
 * Inside a transaction: merges the adopted amendment into its target — its changes since its fork
 * point, applied to the target as it is now, so every other change to it stays. The text's update
 * is written last, in the same transaction, and reaches open editors after the commit. Returns the
 * documents whose amendments changed (for the hub, after the commit).
 */
export async function mergeInTransaction(tx: Tx, deps: Pick<AmendmentDeps, 'documents'>, row: AmendmentRow, ahead: MergeAhead): Promise<string[]> {
  // A sub-amendment goes into its amendment only while that one still waits for its vote.
  if (row.parent_id !== null) await requireParentWaiting(tx.trx, row.id, row.parent_id)
  // A text put to the vote does not change any more, not even by a merge.
  if (await isVotedText(tx.trx, row.target_doc)) {
    throw fail('text_voted', { docName: row.target_doc, amendmentId: row.id, attempted: 'merge' }, 'Le texte visé a été mis aux voix : il ne change plus, l’amendement adopté ne peut pas y être intégré.')
  }
  // This process's revision tells of its own merges; the database, of another process's too.
  const stored = await deps.documents.readStored(row.target_doc, tx.trx)
  if (deps.documents.revision(row.target_doc) !== ahead.beforeRevision || !stored || !sameChanges(stored, ahead.before)) {
    throw fail('target_changed_meanwhile', { amendmentId: row.id, docName: row.target_doc }, 'Le texte visé vient de changer : recommencez.')
  }
  const marked = [...ahead.overlapping]
  for (const other of ahead.falling) {
    // One a ballot is deciding, or that moved on since the read, does not fall: it is marked for review.
    const fell = (await ballotUnderway(tx.trx, other.id))
      ? undefined
      : await tx.trx.updateTable('amendments').set({ status: 'fallen', fallen_by: row.id, updated_at: tx.now }).where('id', '=', other.id).where('status', '=', 'admissible').executeTakeFirst()
    if (fell?.numUpdatedRows === 1n) {
      await tx.audit(row.congress_id, 'amendment.fell', { amendmentId: other.id, label: await labelOf(tx.trx, other), by: row.id, byLabel: ahead.label })
      await fallChildren(tx, other)
    } else marked.push(other)
  }
  for (const twin of ahead.twins) {
    const adopted = (await ballotUnderway(tx.trx, twin.id))
      ? undefined
      : await tx.trx
          .updateTable('amendments')
          .set({ status: 'merged', merged_onto: ahead.before, merged_at: tx.now, updated_at: tx.now })
          .where('id', '=', twin.id)
          .where('status', '=', 'admissible')
          .executeTakeFirst()
    if (adopted?.numUpdatedRows === 1n) {
      await tx.audit(row.congress_id, 'amendment.adopted', { amendmentId: twin.id, label: await labelOf(tx.trx, twin), identicalTo: row.id, identicalToLabel: ahead.label })
      await fallChildren(tx, twin)
    } else marked.push(twin)
  }
  for (const other of marked) {
    await tx.trx.updateTable('amendments').set({ conflicts: JSON.stringify([...new Set([...conflictsOf(other), row.id])]) }).where('id', '=', other.id).execute()
  }
  const result = await tx.trx
    .updateTable('amendments')
    .set({ status: 'merged', merged_onto: ahead.before, merged_at: tx.now, updated_at: tx.now })
    .where('id', '=', row.id)
    .where('status', '=', 'adopted')
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw changedMeanwhile(row.id)
  await tx.audit(row.congress_id, 'amendment.merged', { amendmentId: row.id, label: ahead.label, targetDoc: row.target_doc })
  await deps.documents.applyInTransaction(row.target_doc, forkChanges(ahead.state, row.fork_vector), tx)
  // The target's version after the merge, read back through the same transaction. Statements only,
  // from the text's write to the commit: the transaction waits for no I/O or timer (command.ts's
  // oneTurn), so no other write joins it.
  await recordVersion(tx.trx, deps.documents, { docName: row.target_doc, event: 'merge', now: tx.now, amendmentId: row.id })
  return [row.doc_name, ...ahead.others.map((o) => o.doc_name)]
}
