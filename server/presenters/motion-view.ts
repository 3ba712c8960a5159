import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { amendmentStatuses, type AmendmentStatus } from '../../shared/amendments/amendment-status.ts'
import type { AmendmentCounts, MotionTextStatus, MotionView } from '../../shared/api-types.ts'
import { stateParagraphs } from '../../shared/editor/doc-state.ts'
import type { AppDeps } from '../env.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { congressIdentity, loadCongress } from '../commands/congress/congress-rows.ts'
import type { DocumentAccess } from '../sync/sync-server.ts'

export type MotionPresenterDeps = CommandDeps & Pick<AppDeps, 'documents'>

/** The whole motion as it stands, for whoever reads the congress (GET /api/congresses/:id/motion). */
export function presentMotion(deps: MotionPresenterDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'congress.read')
    return readMotionView(deps, input.congressId)
  })
}

/**
 * The preamble, the questions and each proposal with its text as it stands, its status and its
 * amendments counted by status. A fixed number of queries whatever the motion's size (the congress,
 * its questions, its proposals, its amendments grouped, the ballots under way and their blocks);
 * the texts through the document access, each read only when it changed since it was last read.
 */
export async function readMotionView(deps: Pick<AppDeps, 'db' | 'documents'>, congressId: string): Promise<MotionView> {
  const { db } = deps
  const congress = await loadCongress(db, congressId)
  const [themes, proposals, counts, underway] = await Promise.all([
    db.selectFrom('themes').select(['id', 'title', 'position']).where('congress_id', '=', congressId).orderBy('position').execute(),
    db.selectFrom('proposals').select(['id', 'number', 'title', 'theme_id', 'doc_name', 'outcome']).where('congress_id', '=', congressId).orderBy('number').execute(),
    db
      .selectFrom('amendments')
      .select((eb) => ['target_doc', 'status', eb.fn.countAll<number | string>().as('count')])
      .where('congress_id', '=', congressId)
      .groupBy(['target_doc', 'status'])
      .execute(),
    ballotsUnderway(db, congressId),
  ])
  const texts = await readParagraphs(deps.documents, [congress.preamble_doc, ...proposals.map((p) => p.doc_name)])
  const amendmentsOf = countsByText(counts)
  const text = (docName: string) => ({ docName, paragraphs: texts.get(docName) ?? [], amendments: amendmentsOf(docName) })
  const statusOf = (outcome: 'adopted' | 'rejected' | null, voting: boolean): MotionTextStatus => outcome ?? (voting ? 'under-vote' : 'not-voted')
  return {
    ...congressIdentity(congress),
    phase: congress.phase,
    status: statusOf(congress.motion_outcome, underway.motion),
    preamble: text(congress.preamble_doc),
    questions: themes.map((theme) => ({
      id: theme.id,
      position: theme.position,
      title: theme.title,
      proposals: proposals
        .filter((p) => p.theme_id === theme.id)
        .map((p) => ({ id: p.id, number: p.number, title: p.title, status: statusOf(p.outcome, underway.proposals.has(p.id)), ...text(p.doc_name) })),
    })),
  }
}

const noAmendments: AmendmentCounts = Object.fromEntries(amendmentStatuses.map((s) => [s, 0])) as Record<AmendmentStatus, number>

function countsByText(rows: readonly { target_doc: string; status: AmendmentStatus; count: number | string }[]): (docName: string) => AmendmentCounts {
  const byText = new Map<string, Record<AmendmentStatus, number>>()
  for (const row of rows) {
    const counts = byText.get(row.target_doc) ?? { ...noAmendments }
    // PostgreSQL's count is a bigint, which pg hands over as a string.
    counts[row.status] += Number(row.count)
    byText.set(row.target_doc, counts)
  }
  return (docName) => byText.get(docName) ?? noAmendments
}

/**
 * What is being voted on now: ballots opened and not yet published, on a proposal (alone, in a
 * block, or a part of it) or on the whole motion. Two queries: the ballots, then their blocks.
 */
async function ballotsUnderway(db: Kysely<Database>, congressId: string): Promise<{ readonly motion: boolean; readonly proposals: ReadonlySet<string> }> {
  const ballots = await db
    .selectFrom('ballots')
    .select(['id', 'subject_kind', 'subject_id'])
    .where('congress_id', '=', congressId)
    .where('status', 'in', ['open', 'closed'])
    .where('subject_kind', 'in', ['proposal', 'motion'])
    .execute()
  const proposals = new Set(ballots.flatMap((b) => (b.subject_kind === 'proposal' && b.subject_id ? [b.subject_id] : [])))
  const ids = ballots.filter((b) => b.subject_kind === 'proposal').map((b) => b.id)
  if (ids.length > 0) {
    const members = await db.selectFrom('ballot_block_members').select('proposal_id').where('ballot_id', 'in', ids).execute()
    for (const m of members) if (m.proposal_id) proposals.add(m.proposal_id)
  }
  return { motion: ballots.some((b) => b.subject_kind === 'motion'), proposals }
}

/** Each text's paragraphs, by document, kept until the document changes (its revision, which every process hears of). */
const paragraphCaches = new WeakMap<DocumentAccess, Map<string, { readonly revision: number; readonly paragraphs: readonly string[] }>>()

/**
 * The texts' paragraphs as they stand: a live room's state when someone has it open, else the
 * stored one. A page following the motion reads it again after every edit anywhere; only the texts
 * that changed are read and decoded again.
 */
async function readParagraphs(documents: DocumentAccess, docNames: readonly string[]): Promise<Map<string, readonly string[]>> {
  const cache = paragraphCaches.get(documents) ?? new Map()
  paragraphCaches.set(documents, cache)
  const entries = await Promise.all(
    docNames.map(async (docName): Promise<[string, readonly string[]]> => {
      // Taken before the read: an edit landing meanwhile leaves the entry under the older revision.
      const revision = documents.revision(docName)
      const cached = cache.get(docName)
      if (cached?.revision === revision) return [docName, cached.paragraphs]
      const state = await documents.read(docName)
      const paragraphs = state ? stateParagraphs(state) : []
      cache.set(docName, { revision, paragraphs })
      return [docName, paragraphs]
    }),
  )
  return new Map(entries)
}
