import type { Kysely } from 'kysely'
import * as Y from 'yjs'
import type { AuditLogRow, BallotRow, Database } from '../../db/schema.ts'
import type { BoardEntryView, RoomVoteView } from '../../shared/api-types.ts'
import { congressLabels } from '../services/amendment-labels.ts'
import { countingMethod, electronicFigures } from '../../shared/ballots/room-count.ts'
import type { ChoiceCounts } from '../../shared/ballots/tally-types.ts'
import { textFr } from '../../shared/ballots/voted-place-fr.ts'
import type { VotedSubject } from '../../shared/ballots/voted-place.ts'
import { forkChanges } from '../../shared/amendments/fork.ts'
import { paragraphChanges } from '../../shared/amendments/paragraph-changes.ts'
import { diffParagraphs } from '../../shared/amendments/text-diff.ts'
import { stateParagraphs } from '../../shared/editor/doc-state.ts'
import type { DivisionPart, MergedAmendment, MotionData, VoteSummary } from '../../shared/motion/motion-data.ts'
import { CorruptColumnError, decodeBallotRule, decodeTally } from '../../db/json-columns.ts'
import { fail } from '../domain-error.ts'
import { congressIdentity, loadCongress } from '../commands/congress/congress-rows.ts'
import type { ComparativeData } from '../../shared/record/comparative-data.ts'
import type { CountedBallot, MinutesData } from '../../shared/record/minutes-data.ts'
import { readComparativeData } from '../record/comparative-source.ts'
import { readMinutesData } from '../record/minutes-source.ts'
import { subjectOf } from '../presenters/ballot-view.ts'
import { blockMembers } from '../commands/ballots/ballot-rows.ts'
import { readRoomCount } from '../presenters/room-count-view.ts'
import { readBallotBox } from '../../db/ballot-board.ts'
import { frozenParagraphs, requireVotedTextsUnchanged, textSubjects } from './sealable-texts.ts'

/** One counted ballot as results.json and board.json carry it. */
export interface SealedBallot extends CountedBallot {
  readonly id: string
  /** `block`: the labels of the proposals or amendments a block ballot put to one vote, in the bureau's order ("Proposition 3", "P2-A1"); null for any other ballot. */
  readonly subject: { readonly kind: string; readonly id: string | null; readonly label: string; readonly block: readonly string[] | null; readonly part: string | null }
  readonly chainHead: string
  readonly board: readonly BoardEntryView[]
  /** What the bureau counted in the room, apart from the board: `result` is both together. */
  readonly room: SealedRoomCount | null
}

/** A count in the room as results.json carries it: the numbers, and for a roll-call ballot the names. */
export interface SealedRoomCount extends ChoiceCounts {
  readonly names: readonly RoomVoteView[] | null
}

/** Everything a seal is made of, read from frozen data only: the same on every rendering. */
export interface SealSource {
  readonly motion: MotionData
  readonly ballots: readonly SealedBallot[]
  /** The decision log up to and including the freeze. */
  readonly audit: readonly AuditLogRow[]
  readonly frozenAtMs: number
  /** What the minutes tell, up to the freeze. */
  readonly minutes: MinutesData
  /** The comparative table of the frozen texts. */
  readonly comparative: ComparativeData
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export async function readSealSource(db: Kysely<Database>, congressId: string): Promise<SealSource> {
  const congress = await loadCongress(db, congressId)
  const freeze = await db.selectFrom('audit_log').select(['seq', 'at']).where('congress_id', '=', congressId).where('action', '=', 'congress.frozen').executeTakeFirst()
  if (!freeze) throw fail('not_frozen', { congressId }, 'La motion n’est pas gelée.')
  const frozen = new Map(
    (await db.selectFrom('frozen_documents').select(['doc_name', 'state_v2']).where('congress_id', '=', congressId).execute()).map((d) => [d.doc_name, d.state_v2]),
  )
  const subjects = await textSubjects(db, congressId)
  const rendered = new Map<string, string[]>()
  const paragraphsOf = (docName: string) => {
    const done = rendered.get(docName)
    if (done) return done
    const text = subjects.get(docName) ?? null
    const state = frozen.get(docName)
    if (!state) throw fail('seal_failed', { cause: 'not_frozen', docName, text }, `Le texte de ${textFr(docName, text)} n’a pas d’état gelé : la motion ne peut pas être scellée.`)
    const paragraphs = frozenParagraphs(state, docName, text)
    rendered.set(docName, paragraphs)
    return paragraphs
  }
  // Every text is checked before anything is rendered: a failure names the text.
  for (const docName of [...frozen.keys()].sort()) paragraphsOf(docName)
  await requireVotedTextsUnchanged(db, congressId, paragraphsOf, subjects)

  const ballotRows = await db.selectFrom('ballots').selectAll().where('congress_id', '=', congressId).where('status', 'in', ['closed', 'published']).orderBy('closed_at').orderBy('id').execute()
  const ballots = await Promise.all(ballotRows.map((row) => sealedBallot(db, row)))
  // The last published ballot on a subject is the one that decided it.
  const decided = new Map<string, VoteSummary>()
  // A vote by division: each part's outcome, told with the vote on the whole that follows.
  const parts = new Map<string, DivisionPart[]>()
  for (const b of ballots) {
    if (b.status !== 'published') continue
    const { yes, no, abstain, expressed, outcome } = b.result
    if (b.subject.part !== null) {
      parts.set(b.subject.id ?? '', [...(parts.get(b.subject.id ?? '') ?? []), { label: b.subject.part, outcome }])
      continue
    }
    const room = b.room ? { yes: b.room.yes, no: b.room.no, abstain: b.room.abstain } : null
    const division = b.subject.kind === 'proposal' && !b.subject.block ? (parts.get(b.subject.id ?? '') ?? null) : null
    const block = b.subject.block ? { kind: b.subject.kind === 'amendment' ? ('amendment' as const) : ('proposal' as const), labels: b.subject.block } : null
    const summary: VoteSummary = { yes, no, abstain, expressed, outcome, entitled: b.electorate.entitled, publishedAt: b.publishedAt!, room, block, division }
    // A block's result is each of its members'.
    const ids = b.subject.block ? await blockMembers(db, b.id) : [b.subject.id]
    for (const id of ids) decided.set(`${b.subject.kind}:${id ?? ''}`, summary)
  }
  const votesOf = (kind: string, id: string | null): VoteSummary | null => decided.get(`${kind}:${id ?? ''}`) ?? null

  const themes = await db.selectFrom('themes').select(['id', 'title', 'position']).where('congress_id', '=', congressId).orderBy('position').execute()
  const proposals = await db.selectFrom('proposals').selectAll().where('congress_id', '=', congressId).orderBy('number').execute()
  const merged = await db
    .selectFrom('amendments')
    .leftJoin('proposals', 'proposals.id', 'amendments.proposal_id')
    .select([
      'amendments.id',
      'amendments.number',
      'amendments.merged_at',
      'amendments.parent_id',
      'amendments.doc_name',
      'amendments.fork_vector',
      'amendments.merged_onto',
      'amendments.justification',
      'proposals.number as proposalNumber',
    ])
    .where('amendments.congress_id', '=', congressId)
    .where('amendments.status', '=', 'merged')
    // A rewording the author took is the amendment's own words (the log says it was rectified), not one the assembly adopted.
    .where('amendments.rewording', '=', 0)
    .orderBy('amendments.merged_at')
    .orderBy('amendments.id')
    .execute()
  const labels = await congressLabels(db, congressId)
  const amendmentsMerged: MergedAmendment[] = merged.map((a) => ({
    label: labels.get(a.id)!,
    proposalNumber: a.proposalNumber ?? null,
    amends: a.parent_id === null ? null : (labels.get(a.parent_id) ?? null),
    mergedAt: iso(a.merged_at)!,
    votes: votesOf('amendment', a.id),
    ...mergedChanges(a, paragraphsOf, frozen, subjects.get(a.doc_name) ?? null),
    justification: a.justification,
  }))

  const motion: MotionData = {
    format: 'plenum-motion/1',
    congress: congressIdentity(congress),
    frozenAt: iso(freeze.at)!,
    preamble: paragraphsOf(congress.preamble_doc),
    themes: themes.map((t) => ({
      position: t.position,
      title: t.title,
      proposals: proposals
        .filter((p) => p.theme_id === t.id)
        .map((p) => ({
          number: p.number,
          title: p.title,
          paragraphs: paragraphsOf(p.doc_name),
          outcome: p.outcome === 'adopted' || p.outcome === 'rejected' ? p.outcome : null,
          votes: votesOf('proposal', p.id),
        })),
    })),
    motionVotes: votesOf('motion', null),
    amendmentsMerged,
  }
  const audit = await db.selectFrom('audit_log').selectAll().where('congress_id', '=', congressId).where('seq', '<=', freeze.seq).orderBy('seq').execute()
  const minutes = await readMinutesData(db, congressId)
  // Frozen states are stored in Yjs's V2 encoding; the diffs read V1.
  const comparative = await readComparativeData(db, minutes, (docName) => {
    const state = frozen.get(docName)
    return state && Y.convertUpdateFormatV2ToV1(state)
  })
  return { motion, ballots, audit, frozenAtMs: freeze.at, minutes, comparative }
}

export /**
 * What a merged amendment changed, from frozen data only: its own text as frozen (it no longer
 * changes once merged) and the target's state just before the merge (`merged_onto`, written by
 * the merge). The same computation as its diff in the lists (shared/amendments/fork.ts
 * amendmentDiff): its changes since its fork point applied to that state, on its printed lines.
 */
function mergedChanges(
  amendment: { readonly doc_name: string; readonly fork_vector: Uint8Array; readonly merged_onto: Uint8Array | null },
  paragraphsOf: (docName: string) => readonly string[],
  frozen: ReadonlyMap<string, Uint8Array>,
  text: VotedSubject | null,
): Pick<MergedAmendment, 'lines' | 'changes'> {
  // Checked against the schema with every frozen text; throws, naming it, if it was never frozen.
  paragraphsOf(amendment.doc_name)
  // A merge always keeps the state it met; a row without one was written behind the app.
  if (amendment.merged_onto === null) return corrupt('amendments.merged_onto', `merged amendment ${amendment.doc_name} has no merged_onto`)
  try {
    const own = Y.convertUpdateFormatV2ToV1(frozen.get(amendment.doc_name)!)
    const before = stateParagraphs(amendment.merged_onto)
    const after = stateParagraphs(amendment.merged_onto, forkChanges(own, amendment.fork_vector))
    return { lines: diffParagraphs(before, after).changed, changes: paragraphChanges(before, after) }
  } catch (error) {
    throw fail('seal_failed', { cause: 'unrenderable', docName: amendment.doc_name, text }, `Le texte de ${textFr(amendment.doc_name, text)} ne peut pas être rendu (${(error as Error).message}) : rien n’a été gelé.`)
  }
}

export async function sealedBallot(db: Kysely<Database>, row: BallotRow): Promise<SealedBallot> {
  const subject = await subjectOf(db, row)
  const board = await readBallotBox(db, row.id)
  const rule = decodeBallotRule(row.rule)
  // A counted ballot has its tally: none means the file was changed behind the app.
  const result = decodeTally(row.result) ?? corrupt('ballots.result', `ballot ${row.id} is counted but has no tally`)
  const counted = await readRoomCount(db, row.id, rule.secrecy)
  const room = counted ? { yes: counted.yes, no: counted.no, abstain: counted.abstain, names: counted.names } : null
  return {
    id: row.id,
    subject: { kind: subject.kind, id: subject.id, label: subject.label, block: subject.block ? subject.block.map((m) => m.label) : null, part: subject.part?.label ?? null },
    rule,
    electorate: { entitled: row.entitled_count ?? 0, present: row.present_count ?? 0, represented: row.represented_count ?? 0 },
    result,
    status: row.status,
    openedAt: iso(row.opened_at),
    closedAt: iso(row.closed_at),
    publishedAt: iso(row.published_at),
    chainHead: row.chain_head ?? '',
    board,
    counting: countingMethod(result, room),
    electronic: electronicFigures(result, room),
    room,
  }
}

function corrupt(column: string, detail: string): never {
  throw new CorruptColumnError(column, detail)
}
