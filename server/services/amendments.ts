import type { Kysely, Transaction } from 'kysely'
import type { AmendmentRow, Database } from '../../db/schema.ts'
import type { FiledAmendmentView } from '../../shared/api-types.ts'
import { amendmentLabel, canTakeStep, editableStatuses, isAmendmentStatus, liveStatuses, type AmendmentStatus, type AmendmentStep } from '../../shared/amendments/amendment-status.ts'
import { forkChanges, forkPoint } from '../../shared/amendments/fork.ts'
import { rangesOverlap } from '../../shared/amendments/text-diff.ts'
import { formatDocName } from '../../shared/docs/doc-name.ts'
import type { Action } from '../../shared/permissions.ts'
import { AppError } from '../app-error.ts'
import { requireAllowed, requireAllowedInPhase } from '../auth/authorize.ts'
import type { AppDeps, SessionActor } from '../env.ts'
import { newId } from '../ids.ts'
import { changedLines, changedLinesAhead } from './amendment-lines.ts'
import { appendAudit, auditActor } from './audit.ts'
import { requireNoBallotUnderway } from './ballot-views.ts'
import { currentPhase } from './phase.ts'
import { isVotedText } from './voted-texts.ts'

export type AmendmentDeps = Pick<AppDeps, 'db' | 'hub' | 'documents' | 'clock'>

/** What an amendment is filed on: a proposal, or the congress's preamble. */
export type AmendmentTarget = { readonly proposalId: string } | { readonly preambleOf: string }

const statusNames: Record<AmendmentStatus, string> = {
  draft: 'en rédaction',
  submitted: 'déposé',
  admissible: 'recevable',
  inadmissible: 'irrecevable',
  withdrawn: 'retiré',
  adopted: 'adopté',
  rejected: 'rejeté',
  merged: 'intégré',
}


function status(row: AmendmentRow): AmendmentStatus {
  return isAmendmentStatus(row.status) ? row.status : 'draft'
}

async function labelOf(db: Kysely<Database> | Transaction<Database>, row: Pick<AmendmentRow, 'proposal_id' | 'number'>): Promise<string> {
  if (row.proposal_id === null) return amendmentLabel(null, row.number)
  const proposal = await db.selectFrom('proposals').select('number').where('id', '=', row.proposal_id).executeTakeFirst()
  return amendmentLabel(proposal?.number ?? 0, row.number)
}

/** The amendment, if the actor may act on it at all: it exists and belongs to their congress. */
async function loadFor(deps: AmendmentDeps, actor: SessionActor, id: string, action: Action): Promise<AmendmentRow> {
  const row = await deps.db.selectFrom('amendments').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError(404, 'not_found', 'Cet amendement n’existe pas.')
  requireAllowed(deps, actor, row.congress_id, action)
  return row
}

function requireStep(row: AmendmentRow, step: AmendmentStep, doing: string): void {
  if (!canTakeStep(status(row), step)) {
    throw new AppError(409, 'conflict', `Cet amendement est ${statusNames[status(row)]} : impossible de ${doing}.`)
  }
}

function requireAuthor(actor: SessionActor, row: AmendmentRow, doing: string): void {
  if (row.author_id !== actor.participantId) throw new AppError(403, 'forbidden', `Seul l’auteur de l’amendement peut ${doing}.`)
}

async function acceptedCosigners(db: Kysely<Database> | Transaction<Database>, amendmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('amendment_cosigners').select('participant_id').where('amendment_id', '=', amendmentId).where('accepted_at', 'is not', null).execute()
  return rows.map((r) => r.participant_id)
}

/**
 * `requireAllowed` against the phase in the database, inside a decision's transaction: the hub's
 * cached phase was checked before the decision awaited anything, and a freeze may have come since.
 */
async function requireAllowedNow(trx: Transaction<Database>, actor: SessionActor, congressId: string, action: Action): Promise<void> {
  requireAllowedInPhase(actor, congressId, await currentPhase(trx, congressId), action)
}

function changed(deps: AmendmentDeps, row: AmendmentRow): void {
  deps.hub.amendmentsChanged(row.congress_id, [row.doc_name])
}

/**
 * Files an amendment: its document starts as a copy of the target's current state, and the state
 * vector of that copy is kept as its fork point.
 */
export async function fileAmendment(deps: AmendmentDeps, actor: SessionActor, target: AmendmentTarget, justification: string): Promise<FiledAmendmentView> {
  const { db, documents } = deps
  let congressId: string
  let proposal: { id: string; number: number; doc_name: string; congress_id: string } | undefined
  let targetDoc: string
  if ('proposalId' in target) {
    proposal = await db.selectFrom('proposals').select(['id', 'number', 'doc_name', 'congress_id']).where('id', '=', target.proposalId).executeTakeFirst()
    if (!proposal) throw new AppError(404, 'not_found', 'Cette proposition n’existe pas.')
    congressId = proposal.congress_id
    targetDoc = proposal.doc_name
  } else {
    const congress = await db.selectFrom('congresses').select(['id', 'preamble_doc']).where('id', '=', target.preambleOf).executeTakeFirst()
    if (!congress) throw new AppError(404, 'not_found', 'Ce congrès n’existe pas.')
    congressId = congress.id
    targetDoc = congress.preamble_doc
  }
  requireAllowed(deps, actor, congressId, 'amendment.file')
  const now = deps.clock()
  // The copy and its fork point come from the same bytes, so they always agree. Read before the
  // transaction: a read stores what the text's room still holds, which a rollback must not undo.
  const state = documents.read(targetDoc)
  if (!state) throw new AppError(404, 'not_found', 'Le texte à amender est introuvable.')
  return db.transaction().execute(async (trx) => {
    // A freeze may have come while the checks above awaited SQLite: no new text after it.
    await requireAllowedNow(trx, actor, congressId, 'amendment.file')
    const last = await trx.selectFrom('amendments').select((eb) => eb.fn.max('number').as('max')).where('target_doc', '=', targetDoc).executeTakeFirst()
    const number = (last?.max ?? 0) + 1
    const id = newId()
    const docName = formatDocName({ congressId, kind: 'amendment', id })
    await trx.insertInto('documents').values({ name: docName, congress_id: congressId, kind: 'amendment', state, updated_at: now }).execute()
    await trx
      .insertInto('amendments')
      .values({
        id,
        congress_id: congressId,
        proposal_id: proposal?.id ?? null,
        target_doc: targetDoc,
        number,
        doc_name: docName,
        author_id: actor.participantId,
        justification,
        status: 'draft',
        fork_vector: forkPoint(state),
        created_at: now,
        updated_at: now,
      })
      .execute()
    const label = amendmentLabel(proposal?.number ?? null, number)
    await appendAudit(trx, { congressId, actor: auditActor(actor), action: 'amendment.filed', payload: { amendmentId: id, label, targetDoc } }, now)
    return { id, number, label, docName, status: 'draft' as const }
  }).then((filed) => {
    deps.hub.amendmentsChanged(congressId, [])
    return filed
  })
}

/** The exposé des motifs: its authors rewrite it as long as they write the text. */
export async function updateJustification(deps: AmendmentDeps, actor: SessionActor, id: string, justification: string): Promise<void> {
  const row = await loadFor(deps, actor, id, 'amendment.file')
  const editors = [row.author_id, ...(await acceptedCosigners(deps.db, id))]
  if (!editors.includes(actor.participantId)) throw new AppError(403, 'forbidden', 'Seuls les auteurs de l’amendement peuvent modifier son exposé des motifs.')
  if (!editableStatuses.includes(status(row))) throw new AppError(409, 'conflict', `Cet amendement est ${statusNames[status(row)]} : son texte ne change plus.`)
  await deps.db.updateTable('amendments').set({ justification, updated_at: deps.clock() }).where('id', '=', id).execute()
  changed(deps, row)
}

/** Puts the amendment to the bureau, once it has the co-signers the congress asks for. */
export async function submitAmendment(deps: AmendmentDeps, actor: SessionActor, id: string): Promise<void> {
  const row = await loadFor(deps, actor, id, 'amendment.file')
  requireAuthor(actor, row, 'le déposer')
  requireStep(row, 'submit', 'le déposer')
  const congress = await deps.db.selectFrom('congresses').select('min_cosigners').where('id', '=', row.congress_id).executeTakeFirstOrThrow()
  const count = (await acceptedCosigners(deps.db, id)).length
  if (count < congress.min_cosigners) {
    throw new AppError(409, 'conflict', `Il faut ${congress.min_cosigners} cosignataire(s) accepté(s) pour déposer cet amendement ; il en a ${count}.`)
  }
  await setStatus(deps, actor, row, 'submitted', 'amendment.submitted')
}

export async function withdrawAmendment(deps: AmendmentDeps, actor: SessionActor, id: string): Promise<void> {
  const row = await loadFor(deps, actor, id, 'amendment.withdraw')
  requireAuthor(actor, row, 'le retirer')
  requireStep(row, 'withdraw', 'le retirer')
  await requireNoBallotUnderway(deps.db, id)
  await setStatus(deps, actor, row, 'withdrawn', 'amendment.withdrawn')
}

async function setStatus(deps: AmendmentDeps, actor: SessionActor, row: AmendmentRow, next: AmendmentStatus, action: string, extra: Record<string, unknown> = {}): Promise<void> {
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    // Guarded on the status read: two bureau members clicking at once cannot both move it.
    const result = await trx
      .updateTable('amendments')
      .set({ status: next, updated_at: now, ...('reason' in extra ? { ruling_reason: extra.reason as string } : {}) })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) throw new AppError(409, 'conflict', 'L’amendement vient de changer : rechargez la page.')
    await appendAudit(trx, { congressId: row.congress_id, actor: auditActor(actor), action, payload: { amendmentId: row.id, label: await labelOf(trx, row), ...extra } }, now)
  })
  changed(deps, row)
}

/** A delegate asks to co-sign; the author accepts, and the co-signer then co-edits. */
export async function cosignAmendment(deps: AmendmentDeps, actor: SessionActor, id: string): Promise<void> {
  const row = await loadFor(deps, actor, id, 'amendment.cosign')
  if (row.author_id === actor.participantId) throw new AppError(409, 'conflict', 'L’auteur ne cosigne pas son propre amendement.')
  if (!editableStatuses.includes(status(row))) throw new AppError(409, 'conflict', `Cet amendement est ${statusNames[status(row)]} : il ne se cosigne plus.`)
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('amendment_cosigners')
      .values({ amendment_id: id, participant_id: actor.participantId, signed_at: now, accepted_at: null })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if (inserted.numInsertedOrUpdatedRows === 0n) return
    await appendAudit(trx, { congressId: row.congress_id, actor: auditActor(actor), action: 'amendment.cosigned', payload: { amendmentId: id, label: await labelOf(trx, row) } }, now)
  })
  changed(deps, row)
}

/** A co-signer takes back their signature, or the author declines or removes a co-signer. */
export async function removeCosigner(deps: AmendmentDeps, actor: SessionActor, id: string, participantId: string): Promise<void> {
  const row = await loadFor(deps, actor, id, 'amendment.cosign')
  if (participantId !== actor.participantId) requireAuthor(actor, row, 'retirer un cosignataire')
  if (!editableStatuses.includes(status(row))) throw new AppError(409, 'conflict', `Cet amendement est ${statusNames[status(row)]} : ses cosignataires ne changent plus.`)
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('amendment_cosigners').where('amendment_id', '=', id).where('participant_id', '=', participantId).executeTakeFirst()
    if (removed.numDeletedRows === 0n) throw new AppError(404, 'not_found', 'Ce participant ne cosigne pas cet amendement.')
    await appendAudit(trx, { congressId: row.congress_id, actor: auditActor(actor), action: 'amendment.cosigner_removed', payload: { amendmentId: id, label: await labelOf(trx, row), participantId } }, now)
  })
  changed(deps, row)
}

export async function acceptCosigner(deps: AmendmentDeps, actor: SessionActor, id: string, participantId: string): Promise<void> {
  const row = await loadFor(deps, actor, id, 'amendment.file')
  requireAuthor(actor, row, 'accepter un cosignataire')
  if (!editableStatuses.includes(status(row))) throw new AppError(409, 'conflict', `Cet amendement est ${statusNames[status(row)]} : ses cosignataires ne changent plus.`)
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const accepted = await trx
      .updateTable('amendment_cosigners')
      .set({ accepted_at: now })
      .where('amendment_id', '=', id)
      .where('participant_id', '=', participantId)
      .where('accepted_at', 'is', null)
      .executeTakeFirst()
    if (accepted.numUpdatedRows === 0n) throw new AppError(404, 'not_found', 'Aucune demande de cosignature en attente de ce participant.')
    await appendAudit(trx, { congressId: row.congress_id, actor: auditActor(actor), action: 'amendment.cosigner_accepted', payload: { amendmentId: id, label: await labelOf(trx, row), participantId } }, now)
  })
  changed(deps, row)
}

/** The bureau rules the amendment admissible or not, with its reason; a ruling may be corrected. */
export async function ruleAmendment(deps: AmendmentDeps, actor: SessionActor, id: string, admissible: boolean, reason: string): Promise<void> {
  const row = await loadFor(deps, actor, id, 'amendment.rule')
  requireStep(row, 'rule', 'statuer sur sa recevabilité')
  await requireNoBallotUnderway(deps.db, id)
  await setStatus(deps, actor, row, admissible ? 'admissible' : 'inadmissible', 'amendment.ruled', { admissible, reason })
}

/**
 * The bureau's decision, or a published ballot's: rejected; or adopted, which merges it at once unless
 * it touches lines an already merged amendment changed — then it waits for the bureau to review.
 */
export async function decideAmendment(deps: AmendmentDeps, actor: SessionActor, id: string, outcome: 'adopted' | 'rejected', by: { byBallot?: string } = {}): Promise<AmendmentStatus> {
  const row = await loadFor(deps, actor, id, 'amendment.decide')
  requireStep(row, outcome === 'adopted' ? 'adopt' : 'reject', outcome === 'adopted' ? 'l’adopter' : 'le rejeter')
  await requireNoBallotUnderway(deps.db, id)
  await setStatus(deps, actor, row, outcome, `amendment.${outcome}`, by.byBallot ? { ballotId: by.byBallot } : {})
  if (outcome === 'rejected' || overlapsMerged(row).length > 0) return outcome
  // Its target was put to the vote meanwhile: it stays adopted, unmerged (mergeAmendment refuses).
  if (await isVotedText(deps.db, row.target_doc)) return outcome
  await mergeAmendment(deps, actor, id)
  return 'merged'
}

export function overlapsMerged(row: Pick<AmendmentRow, 'conflicts'>): string[] {
  try {
    const ids: unknown = JSON.parse(row.conflicts)
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/**
 * Merges an adopted amendment into its target: the amendment's changes since its fork point,
 * applied to the target as it is now, so every other change to it stays. Live amendments of the
 * same text that touch the same lines are marked for the bureau to review when their turn comes.
 */
export async function mergeAmendment(deps: AmendmentDeps, actor: SessionActor, id: string): Promise<void> {
  const row = await loadFor(deps, actor, id, 'amendment.decide')
  requireStep(row, 'merge', 'l’intégrer')
  const now = deps.clock()
  const { documents } = deps
  const others = await deps.db
    .selectFrom('amendments')
    .selectAll()
    .where('target_doc', '=', row.target_doc)
    .where('id', '!=', id)
    .where('status', 'in', liveStatuses)
    .execute()
  const label = await labelOf(deps.db, row)
  // The competition's diffs, off the event loop first; they stand unless a text changed since.
  const ahead = others.length > 0 ? await changedLinesAhead(documents, [row, ...others]) : undefined
  // Every text is read here, outside the transaction: a read stores (and sends) what a room still
  // holds (another amendment's authors may be typing), and a refusal's rollback must not take that
  // from the log. Nothing below awaits anything but SQLite, so these are the texts the merge meets.
  const before = documents.read(row.target_doc)
  const beforeRevision = documents.revision(row.target_doc)
  const state = documents.read(row.doc_name)
  if (!before || !state) throw new AppError(404, 'not_found', 'Le texte de l’amendement est introuvable.')
  const lines = (a: AmendmentRow) => ahead?.get(a) ?? changedLines(documents, a, before)
  const mine = lines(row)
  const overlapping = others.filter((other) => rangesOverlap(mine, lines(other)))
  await deps.db.transaction().execute(async (trx) => {
    // Checked again here, in the database: a freeze (or a phase change) may have landed while the
    // diffs were computed, and nothing may change a text after its freeze.
    await requireAllowedNow(trx, actor, row.congress_id, 'amendment.decide')
    // A text put to the vote does not change any more, not even by a merge.
    if (await isVotedText(trx, row.target_doc)) {
      throw new AppError(409, 'text_voted', 'Le texte visé a été mis aux voix : il ne change plus, l’amendement adopté ne peut pas y être intégré.')
    }
    // Another merge into the same text got in first: what was read above is no longer the text.
    if (documents.revision(row.target_doc) !== beforeRevision) throw new AppError(409, 'conflict', 'Le texte visé vient de changer : recommencez.')
    for (const other of overlapping) {
      await trx.updateTable('amendments').set({ conflicts: JSON.stringify([...new Set([...overlapsMerged(other), id])]) }).where('id', '=', other.id).execute()
    }
    const result = await trx
      .updateTable('amendments')
      .set({ status: 'merged', merged_onto: before, merged_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'adopted')
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) throw new AppError(409, 'conflict', 'L’amendement vient de changer : rechargez la page.')
    await appendAudit(trx, { congressId: row.congress_id, actor: auditActor(actor), action: 'amendment.merged', payload: { amendmentId: id, label, targetDoc: row.target_doc } }, now)
    // Last, so a failure above leaves the text untouched; the update is stored, then broadcast.
    documents.apply(row.target_doc, forkChanges(state, row.fork_vector))
  })
  deps.hub.amendmentsChanged(row.congress_id, [row.doc_name, ...others.map((o) => o.doc_name)])
}
