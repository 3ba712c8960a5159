import type { Kysely, Transaction } from 'kysely'
import type { BallotRow, Database } from '../../../db/schema.ts'
import { sameChanges } from '../../../shared/amendments/fork.ts'
import { findPart } from '../../../shared/ballots/division.ts'
import { removeBlocks, stateBlocks } from '../../../shared/editor/blocks.ts'
import { stateParagraphs } from '../../../shared/editor/doc-state.ts'
import { fail } from '../../domain-error.ts'
import type { AppDeps } from '../../env.ts'
import { textDigest } from '../../seal/text-digest.ts'
import type { Tx } from '../command.ts'
import { partOf } from './ballot-rows.ts'

// A vote by division (*vote par division*): a part is voted on the proposal's text as it stands;
// rejected, it is cut from that text before the vote on the whole, and the cut is kept (text_cuts)
// so that the seal can follow the text each ballot voted to the words it ends with.

type Part = { readonly blocks: readonly string[]; readonly positions: readonly number[]; readonly label: string }

const partNotFound = (ballotId: string) =>
  fail('part_not_found', { ballotId }, 'Les paragraphes de cette partie ne sont plus tous dans le texte : supprimez ce scrutin et créez la partie à nouveau.')

/** The proposal's text now and where the part's blocks stand in it; refused when they are no longer all there. */
async function locatePart(deps: Pick<AppDeps, 'documents'>, docName: string, ballotId: string, part: Part): Promise<{ state: Uint8Array; indices: number[] }> {
  const state = await deps.documents.read(docName)
  const indices = state ? findPart(stateBlocks(state), part.blocks, part.positions) : null
  if (!state || !indices) throw partNotFound(ballotId)
  return { state, indices }
}

/** Before a part's ballot opens: its blocks are still in the text (a part cut before it, or a merge, may have changed them). */
export async function requirePartInText(deps: Pick<AppDeps, 'db' | 'documents'>, row: Pick<BallotRow, 'id' | 'subject_id'>): Promise<void> {
  const part = await partOf(deps.db, row.id)
  if (!part) return
  const proposal = await deps.db.selectFrom('proposals').select('doc_name').where('id', '=', row.subject_id ?? '').executeTakeFirstOrThrow()
  await locatePart(deps, proposal.doc_name, row.id, part)
}

type Db = Kysely<Database> | Transaction<Database>

/** A ballot other than a part's (the whole, a block, the motion) put this text to the vote. */
async function wholeVoted(db: Db, docName: string): Promise<boolean> {
  const row = await db
    .selectFrom('ballot_texts')
    .innerJoin('ballots', 'ballots.id', 'ballot_texts.ballot_id')
    .leftJoin('ballot_parts', 'ballot_parts.ballot_id', 'ballots.id')
    .select('ballots.id')
    .where('ballot_texts.doc_name', '=', docName)
    .where('ballots.status', '!=', 'draft')
    .where('ballot_parts.ballot_id', 'is', null)
    .executeTakeFirst()
  return row !== undefined
}

/** A part's ballot on one of these texts, other than `ballotId`, opened and not yet published. */
async function partPending(db: Db, docNames: readonly string[], ballotId: string): Promise<boolean> {
  if (docNames.length === 0) return false
  const row = await db
    .selectFrom('ballot_texts')
    .innerJoin('ballots', 'ballots.id', 'ballot_texts.ballot_id')
    .innerJoin('ballot_parts', 'ballot_parts.ballot_id', 'ballots.id')
    .select('ballots.id')
    .where('ballot_texts.doc_name', 'in', docNames)
    .where('ballots.status', 'in', ['open', 'closed'])
    .where('ballots.id', '!=', ballotId)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Inside the opening's transaction, once its texts are recorded: a vote by division runs its parts
 * one at a time, before the whole. A part does not open once its text was put to the vote whole (or
 * in a block, or with the motion), nor while another part of it awaits its result; nothing else on
 * the text opens while a part awaits its result (a cut would change what it votes).
 */
export async function requireDivisionOrder(trx: Transaction<Database>, row: Pick<BallotRow, 'id'>, docNames: readonly string[]): Promise<void> {
  const isPart = (await partOf(trx, row.id)) !== undefined
  if (isPart && (await Promise.all(docNames.map((d) => wholeVoted(trx, d)))).some(Boolean)) throw divisionOrder(row.id, 'whole_voted')
  if (await partPending(trx, docNames, row.id)) throw divisionOrder(row.id, 'part_pending')
}

const divisionOrder = (ballotId: string, reason: 'whole_voted' | 'part_pending') =>
  fail(
    'division_order',
    { ballotId, reason },
    reason === 'whole_voted' ? 'L’ensemble de la proposition a déjà été mis aux voix : ses parties ne se votent plus.' : 'Une autre partie de cette proposition attend son résultat : publiez-le d’abord.',
  )

/** What cutting a rejected part takes, read before the publication's transaction. */
export interface CutAhead {
  readonly docName: string
  readonly label: string
  readonly before: Uint8Array
  readonly update: Uint8Array
  readonly fromSha256: string
  readonly toSha256: string
}

/** For a part's ballot: the cut its rejection makes; none for any other ballot. */
export async function readCutAhead(deps: Pick<AppDeps, 'db' | 'documents'>, row: Pick<BallotRow, 'id' | 'subject_id'>): Promise<CutAhead | undefined> {
  const part = await partOf(deps.db, row.id)
  if (!part) return undefined
  const proposal = await deps.db.selectFrom('proposals').select('doc_name').where('id', '=', row.subject_id ?? '').executeTakeFirstOrThrow()
  const { state, indices } = await locatePart(deps, proposal.doc_name, row.id, part)
  const update = removeBlocks(state, indices)
  return {
    docName: proposal.doc_name,
    label: part.label,
    before: state,
    update,
    fromSha256: textDigest(stateParagraphs(state)),
    toSha256: textDigest(stateParagraphs(state, update)),
  }
}

/**
 * Inside the publication's transaction: cuts the rejected part from the text, which must be the one
 * read ahead (the text is locked while put to the vote, so only another process's cut could differ).
 * The text's update is written last, and reaches open pages after the commit.
 */
export async function cutInTransaction(tx: Tx, deps: Pick<AppDeps, 'documents'>, row: Pick<BallotRow, 'id' | 'congress_id'>, ahead: CutAhead, subject: string): Promise<void> {
  const stored = await deps.documents.readStored(ahead.docName, tx.trx)
  if (!stored || !sameChanges(stored, ahead.before)) throw fail('voted_texts_changed_meanwhile', { ballotId: row.id }, 'Les textes mis aux voix viennent de changer : recommencez.')
  if (await wholeVoted(tx.trx, ahead.docName)) throw divisionOrder(row.id, 'whole_voted')
  await tx.trx.insertInto('text_cuts').values({ ballot_id: row.id, doc_name: ahead.docName, from_sha256: ahead.fromSha256, to_sha256: ahead.toSha256, cut_at: tx.now }).execute()
  await tx.audit(row.congress_id, 'ballot.part_cut', { ballotId: row.id, subject, part: ahead.label, fromSha256: ahead.fromSha256, toSha256: ahead.toSha256 })
  await deps.documents.applyInTransaction(ahead.docName, ahead.update, tx)
}
