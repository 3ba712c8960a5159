import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { diffParagraphs } from '../../shared/amendments/text-diff.ts'
import type { TextHistoryView, TextVersionCompareView, TextVersionTextView, TextVersionView } from '../../shared/history/text-history.ts'
import { isAllowed } from '../../shared/permissions.ts'
import { compareFrench } from '../../shared/text/french-order.ts'
import { historyDocName, loadVersion, versionNotFound, type HistoryText } from '../commands/history/history-rows.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { deltasUpTo, paragraphsAt, textVersions } from '../history/text-versions.ts'
import { congressLabels } from '../services/amendment-labels.ts'
import { isVotedText } from '../services/voted-texts.ts'

/** A text's versions as the page lists them: names for ids, labels for amendments, numbers for restored versions. */
export async function textVersionViews(db: Kysely<Database>, docName: string): Promise<TextVersionView[]> {
  const versions = await textVersions(db, docName)
  if (versions.length === 0) return []
  const ids = [...new Set(versions.flatMap((v) => [...v.typistIds, ...(v.actorId ? [v.actorId] : [])]))]
  const people = ids.length === 0 ? [] : await db.selectFrom('participants').select(['id', 'name']).where('id', 'in', ids).execute()
  const names = new Map(people.map((p) => [p.id, p.name]))
  const labels = versions.some((v) => v.amendmentId) ? await congressLabels(db, versions[0]!.congressId) : new Map<string, string>()
  const seqs = new Map(versions.map((v) => [v.id, v.seq]))
  return versions.map((v) => ({
    id: v.id,
    seq: v.seq,
    at: v.at,
    event: v.event,
    typists: v.typistIds.map((id) => names.get(id) ?? '?').sort(compareFrench),
    actor: v.actorId ? (names.get(v.actorId) ?? null) : null,
    phase: v.phase,
    amendmentLabel: v.amendmentId ? (labels.get(v.amendmentId) ?? null) : null,
    restoredSeq: v.restoredFrom ? (seqs.get(v.restoredFrom) ?? null) : null,
  }))
}

/** The versions of the preamble or of a proposal, and whether the reader may restore one now. */
export function textHistory(deps: CommandDeps, actor: CommandActor, input: { congressId: string; text: HistoryText }) {
  return query(deps, actor, async (steps): Promise<TextHistoryView> => {
    await steps.authorize(input.congressId, 'congress.read')
    const docName = await historyDocName(deps.db, input.congressId, input.text)
    const phase = await deps.hub.phase(input.congressId)
    const canRestore = isAllowed({ role: actor.role, phase, action: 'text.restore' }) && !(await isVotedText(deps.db, docName))
    return { docName, versions: await textVersionViews(deps.db, docName), canRestore }
  })
}

/**
 * Versions of one text, each with its paragraphs: the text's versions listed once, every id checked
 * to be one of them (404 otherwise: two versions of different texts have nothing to compare), its
 * deltas read once, each version rebuilt once.
 */
async function versionTexts(db: Kysely<Database>, congressId: string, versionIds: readonly [string, ...string[]]): Promise<TextVersionTextView[]> {
  const first = await loadVersion(db, congressId, versionIds[0])
  const views = await textVersionViews(db, first.docName)
  const chosen = versionIds.map((id) => views.find((v) => v.id === id) ?? throwNotFound(id))
  const deltas = await deltasUpTo(db, first.docName, Math.max(...chosen.map((v) => v.seq)))
  return chosen.map((version) => ({ version, paragraphs: paragraphsAt(deltas, version.seq) }))
}

function throwNotFound(versionId: string): never {
  throw versionNotFound(versionId)
}

/** One version's paragraphs. */
export function textVersion(deps: CommandDeps, actor: CommandActor, input: { congressId: string; versionId: string }) {
  return query(deps, actor, async (steps): Promise<TextVersionTextView> => {
    await steps.authorize(input.congressId, 'congress.read')
    const [text] = await versionTexts(deps.db, input.congressId, [input.versionId])
    return text!
  })
}

/** Two versions of the same text: `to` as a word diff on `from`'s numbered lines (as an amendment's diff on its base). */
export function compareVersions(deps: CommandDeps, actor: CommandActor, input: { congressId: string; fromId: string; toId: string }) {
  return query(deps, actor, async (steps): Promise<TextVersionCompareView> => {
    await steps.authorize(input.congressId, 'congress.read')
    const [from, to] = (await versionTexts(deps.db, input.congressId, [input.fromId, input.toId])) as [TextVersionTextView, TextVersionTextView]
    return { from, to, diff: diffParagraphs(from.paragraphs, to.paragraphs) }
  })
}
