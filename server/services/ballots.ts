import type { Kysely, Transaction } from 'kysely'
import { votingRoles } from '../../shared/roles.ts'
import type { BallotRow, Database } from '../../db/schema.ts'
import type { BallotView } from '../../shared/api-types.ts'
import { mergeRulePatch, parseBallotRule } from '../../shared/ballots/ballot-rule-input.ts'
import { defaultBallotRule, isChoice, type BallotRule, type Choice } from '../../shared/ballots/ballot-rule.ts'
import { tally } from '../../shared/ballots/tally.ts'
import { votingList } from '../../shared/ballots/voting-list.ts'
import { AppError } from '../app-error.ts'
import { requireAllowed } from '../auth/authorize.ts'
import type { AppDeps, SessionActor } from '../env.ts'
import { newId } from '../ids.ts'
import { valid } from '../validate.ts'
import { decideAmendment } from './amendments.ts'
import { appendAudit, auditActor } from './audit.ts'
import { boardChainHead, duplicateReceipts } from './ballot-receipts.ts'
import { ballotRule, ballotStatus, ballotView, loadBallot, subjectOf } from './ballot-views.ts'
import { readTextsAhead, recordVotedTexts } from './voted-texts.ts'

export type BallotDeps = Pick<AppDeps, 'db' | 'hub' | 'documents' | 'clock' | 'votes'>

export type SubjectInput = { readonly kind: 'amendment' | 'proposal'; readonly id: string } | { readonly kind: 'motion' }


/** The congress's template for new ballots. */
export async function congressRule(db: Kysely<Database> | Transaction<Database>, congressId: string): Promise<BallotRule> {
  const row = await db.selectFrom('congresses').select('ballot_rule').where('id', '=', congressId).executeTakeFirst()
  if (!row) throw new AppError(404, 'not_found', 'Ce congrès n’existe pas.')
  if (row.ballot_rule === null) return defaultBallotRule
  const parsed = parseBallotRule(JSON.parse(row.ballot_rule))
  return parsed.ok ? parsed.value : defaultBallotRule
}

export async function setCongressRule(deps: BallotDeps, actor: SessionActor, congressId: string, rule: BallotRule): Promise<BallotRule> {
  requireAllowed(deps, actor, congressId, 'ballot.manage')
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('congresses').set({ ballot_rule: JSON.stringify(rule) }).where('id', '=', congressId).execute()
    await appendAudit(trx, { congressId, actor: auditActor(actor), action: 'ballot.default_rule_changed', payload: { rule } }, now)
  })
  return rule
}

async function requireSubject(db: Kysely<Database> | Transaction<Database>, congressId: string, subject: SubjectInput): Promise<void> {
  if (subject.kind === 'motion') return
  if (subject.kind === 'proposal') {
    const proposal = await db.selectFrom('proposals').select('id').where('id', '=', subject.id).where('congress_id', '=', congressId).executeTakeFirst()
    if (!proposal) throw new AppError(404, 'not_found', 'Cette proposition n’existe pas.')
    return
  }
  const amendment = await db.selectFrom('amendments').select('status').where('id', '=', subject.id).where('congress_id', '=', congressId).executeTakeFirst()
  if (!amendment) throw new AppError(404, 'not_found', 'Cet amendement n’existe pas.')
  if (amendment.status !== 'admissible') throw new AppError(409, 'conflict', 'Seul un amendement déclaré recevable est mis aux voix.')
}

export function parseSubject(value: unknown): SubjectInput {
  const subject = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  if (subject.kind === 'motion') return { kind: 'motion' }
  if ((subject.kind === 'amendment' || subject.kind === 'proposal') && typeof subject.id === 'string' && subject.id.length > 0 && subject.id.length <= 64) {
    return { kind: subject.kind, id: subject.id }
  }
  throw new AppError(400, 'bad_request', 'Champ « subject » : { kind: "amendment" | "proposal", id } ou { kind: "motion" }.')
}

export async function createBallot(deps: BallotDeps, actor: SessionActor, congressId: string, subject: SubjectInput, rulePatch: unknown): Promise<BallotView> {
  requireAllowed(deps, actor, congressId, 'ballot.manage')
  const rule = valid(mergeRulePatch(await congressRule(deps.db, congressId), rulePatch ?? {}))
  await requireSubject(deps.db, congressId, subject)
  const now = deps.clock()
  const id = newId()
  const row = await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('ballots')
      .values({ id, congress_id: congressId, subject_kind: subject.kind, subject_id: subject.kind === 'motion' ? null : subject.id, rule: JSON.stringify(rule), status: 'draft', created_at: now })
      .execute()
    const created = await trx.selectFrom('ballots').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    await appendAudit(trx, { congressId, actor: auditActor(actor), action: 'ballot.created', payload: { ballotId: id, subject: (await subjectOf(trx, created)).label, rule } }, now)
    return created
  })
  deps.hub.ballotsChanged(congressId, id)
  return ballotView(deps, row, actor.role)
}

async function loadManaged(deps: BallotDeps, actor: SessionActor, id: string): Promise<BallotRow> {
  const row = await loadBallot(deps, actor, id)
  requireAllowed(deps, actor, row.congress_id, 'ballot.manage')
  return row
}

const statusNames = { draft: 'en préparation', open: 'ouvert', closed: 'clos', published: 'publié' }

function requireStatus(row: BallotRow, expected: BallotRow['status'], doing: string): void {
  if (row.status !== expected) throw new AppError(409, 'conflict', `Ce scrutin est ${statusNames[ballotStatus(row)]} : impossible de ${doing}.`)
}

/** Moves the ballot on, guarded on the status read: two bureau members clicking at once cannot both. */
async function advance(trx: Transaction<Database>, row: BallotRow, values: Partial<Omit<BallotRow, 'id'>>): Promise<void> {
  const result = await trx.updateTable('ballots').set(values).where('id', '=', row.id).where('status', '=', row.status).executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw new AppError(409, 'conflict', 'Le scrutin vient de changer : rechargez la page.')
}

async function reload(deps: BallotDeps, actor: SessionActor, id: string): Promise<BallotView> {
  const row = await deps.db.selectFrom('ballots').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  deps.hub.ballotsChanged(row.congress_id, id)
  return ballotView(deps, row, actor.role)
}

export async function updateBallotRule(deps: BallotDeps, actor: SessionActor, id: string, rulePatch: unknown): Promise<BallotView> {
  const row = await loadManaged(deps, actor, id)
  requireStatus(row, 'draft', 'changer sa règle')
  const rule = valid(mergeRulePatch(ballotRule(row), rulePatch))
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await advance(trx, row, { rule: JSON.stringify(rule) })
    await appendAudit(trx, { congressId: row.congress_id, actor: auditActor(actor), action: 'ballot.rule_changed', payload: { ballotId: id, rule } }, now)
  })
  return reload(deps, actor, id)
}

export async function deleteBallot(deps: BallotDeps, actor: SessionActor, id: string): Promise<void> {
  const row = await loadManaged(deps, actor, id)
  requireStatus(row, 'draft', 'le supprimer')
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('ballots').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst()
    if (deleted.numDeletedRows === 0n) throw new AppError(409, 'conflict', 'Le scrutin vient de changer : rechargez la page.')
    await trx.updateTable('congresses').set({ projected_ballot_id: null }).where('projected_ballot_id', '=', id).execute()
    await appendAudit(trx, { congressId: row.congress_id, actor: auditActor(actor), action: 'ballot.deleted', payload: { ballotId: id } }, now)
  })
  deps.hub.ballotsChanged(row.congress_id, id)
}

export const maxBallotSeconds = 24 * 3600

/**
 * Opens the ballot: its rule is fixed from now on, and so is its list — who is present, who is
 * represented by whom. The projector shows it.
 */
export async function openBallot(deps: BallotDeps, actor: SessionActor, id: string, durationSeconds: number | undefined): Promise<BallotView> {
  const row = await loadManaged(deps, actor, id)
  requireStatus(row, 'draft', 'l’ouvrir')
  const rule = ballotRule(row)
  const now = deps.clock()
  // The texts are read (and a live room's unstored edits stored) before the transaction, never
  // inside it: a refusal below must not take back edits every client already has.
  const texts = await readTextsAhead(deps.db, deps.documents, row)
  await deps.db.transaction().execute(async (trx) => {
    await requireSubject(trx, row.congress_id, row.subject_kind === 'motion' ? { kind: 'motion' } : { kind: row.subject_kind as 'amendment' | 'proposal', id: row.subject_id ?? '' })
    const entitled = await trx.selectFrom('participants').select('id').where('congress_id', '=', row.congress_id).where('role', 'in', votingRoles).where('revoked_at', 'is', null).execute()
    const present = await trx.selectFrom('attendance').select('participant_id').where('congress_id', '=', row.congress_id).execute()
    const proxies = await trx.selectFrom('proxies').select(['giver_id', 'holder_id', 'created_at']).where('congress_id', '=', row.congress_id).execute()
    const list = votingList({
      entitledIds: entitled.map((p) => p.id),
      presentIds: new Set(present.map((p) => p.participant_id)),
      proxies: proxies.map((p) => ({ giverId: p.giver_id, holderId: p.holder_id, createdAt: p.created_at })),
      rule: rule.proxies,
    })
    const { electorate } = list
    try {
      await advance(trx, row, {
        status: 'open',
        opened_at: now,
        closes_at: durationSeconds === undefined ? null : now + durationSeconds * 1000,
        entitled_count: electorate.entitled,
        present_count: electorate.present,
        represented_count: electorate.represented,
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError(409, 'conflict', 'Un autre scrutin est déjà ouvert : clôturez-le d’abord.')
      throw error
    }
    // The texts put to the vote, and their place in the motion, are locked from now on; their
    // digests are what the seal checks.
    await recordVotedTexts(trx, deps.documents, row, texts)
    for (let i = 0; i < list.rights.length; i += 500) {
      const chunk = list.rights.slice(i, i + 500)
      await trx.insertInto('ballot_voters').values(chunk.map((r) => ({ ballot_id: id, represented_id: r.representedId, holder_id: r.holderId }))).execute()
    }
    await trx.updateTable('congresses').set({ projected_ballot_id: id }).where('id', '=', row.congress_id).execute()
    await appendAudit(trx, { congressId: row.congress_id, actor: auditActor(actor), action: 'ballot.opened', payload: { ballotId: id, subject: (await subjectOf(trx, row)).label, rule, electorate, closesAt: durationSeconds === undefined ? null : now + durationSeconds * 1000 } }, now)
  })
  deps.hub.projectorChanged(row.congress_id, id)
  return reload(deps, actor, id)
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/** Closes the ballot and counts it: the tally and the board's chain head are kept with it. */
export async function closeBallot(deps: BallotDeps, actor: SessionActor, id: string): Promise<BallotView> {
  const row = await loadManaged(deps, actor, id)
  requireStatus(row, 'open', 'le clore')
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    // The status moves first: from here the ballot box refuses votes, so the count below is final.
    await advance(trx, row, { status: 'closed', closed_at: now })
    const box = await trx
      .selectFrom('ballot_box')
      .leftJoin('participants', 'participants.id', 'ballot_box.represented_id')
      .select(['ballot_box.receipt', 'ballot_box.choice', 'participants.name'])
      .where('ballot_box.ballot_id', '=', id)
      .execute()
    const choices = box.map((b) => b.choice).filter(isChoice) satisfies Choice[]
    const electorate = { entitled: row.entitled_count ?? 0, present: row.present_count ?? 0, represented: row.represented_count ?? 0 }
    const result = tally(ballotRule(row), electorate, choices)
    // The box's primary key makes this impossible; a box that had it would not be a board.
    if (duplicateReceipts(box).length > 0) throw new AppError(409, 'conflict', 'L’urne contient deux fois le même reçu : le scrutin ne peut pas être clos.')
    const chainHead = boardChainHead(box.map((b) => ({ receipt: b.receipt, choice: b.choice, name: b.name ?? null })))
    await trx.updateTable('ballots').set({ result: JSON.stringify(result), chain_head: chainHead }).where('id', '=', id).execute()
    const { yes, no, abstain, outcome } = result
    await appendAudit(trx, { congressId: row.congress_id, actor: auditActor(actor), action: 'ballot.closed', payload: { ballotId: id, subject: (await subjectOf(trx, row)).label, yes, no, abstain, outcome, chainHead } }, now)
  })
  // A secret ballot's files must not keep the order its votes came in (db/write-history.ts).
  if (ballotRule(row).secrecy !== 'roll-call') await deps.votes.forgetCastingOrder(id)
  return reload(deps, actor, id)
}

/**
 * Publishes the result, and it takes effect: an adopted amendment is merged into its text (or
 * waits for the bureau's review if it overlaps one already merged), a rejected one is marked so; a
 * proposal's or the motion's outcome is recorded for the seal. A ballot without quorum decides nothing.
 */
export async function publishBallot(deps: BallotDeps, actor: SessionActor, id: string): Promise<BallotView> {
  const row = await loadManaged(deps, actor, id)
  requireStatus(row, 'closed', 'le publier')
  const outcome = row.result === null ? 'no-quorum' : (JSON.parse(row.result) as { outcome: string }).outcome
  const decided = outcome === 'adopted' || outcome === 'rejected' ? outcome : null
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await advance(trx, row, { status: 'published', published_at: now })
    if (decided && row.subject_kind === 'proposal' && row.subject_id) {
      await trx.updateTable('proposals').set({ outcome: decided, outcome_ballot_id: id }).where('id', '=', row.subject_id).execute()
    }
    if (decided && row.subject_kind === 'motion') await trx.updateTable('congresses').set({ motion_outcome: decided }).where('id', '=', row.congress_id).execute()
    await appendAudit(trx, { congressId: row.congress_id, actor: auditActor(actor), action: 'ballot.published', payload: { ballotId: id, subject: (await subjectOf(trx, row)).label, outcome } }, now)
  })
  if (decided && row.subject_kind === 'amendment' && row.subject_id) await decideAmendment(deps, actor, row.subject_id, decided, { byBallot: id })
  return reload(deps, actor, id)
}
