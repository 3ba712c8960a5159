import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { forkChanges } from '../../shared/amendments/fork.ts'
import { diffParagraphs, numberLines, type TextDiff } from '../../shared/amendments/text-diff.ts'
import { stateParagraphs } from '../../shared/editor/doc-state.ts'
import type { ComparativeAmendment, ComparativeData, ComparativeText } from '../../shared/record/comparative-data.ts'
import type { MinutesData } from '../../shared/record/minutes-data.ts'
import * as Y from 'yjs'
import { fail } from '../domain-error.ts'
import { amendingBase } from '../history/text-versions.ts'
import { congressLabels } from '../services/amendment-labels.ts'

/** A text's state by document name: the frozen one for the seal, the live one before the freeze. */
export type StateOf = (docName: string) => Promise<Uint8Array | undefined> | Uint8Array | undefined

/**
 * The comparative table's data. Each text's base is the text as it stood when the congress entered
 * its amendments phase (its history's version), else (a congress older than the history) just
 * before its first merged amendment, else the text itself; each
 * amendment's diff is the one the assembly read (against the text just before its merge, or the text
 * as it stands). The minutes' data gives the texts, fates and order, so both documents agree.
 */
export async function readComparativeData(db: Kysely<Database>, minutes: MinutesData, stateOf: StateOf): Promise<ComparativeData> {
  const congressId = minutes.congress.id
  const congress = await db.selectFrom('congresses').select(['preamble_doc']).where('id', '=', congressId).executeTakeFirstOrThrow()
  const proposals = new Map((await db.selectFrom('proposals').select(['number', 'doc_name']).where('congress_id', '=', congressId).execute()).map((p) => [p.number, p.doc_name]))
  const rows = await db
    .selectFrom('amendments')
    .select(['id', 'doc_name', 'target_doc', 'fork_vector', 'merged_onto', 'merged_at', 'parent_id', 'created_at'])
    .where('congress_id', '=', congressId)
    .where('status', '!=', 'draft')
    .where('rewording', '=', 0)
    .execute()
  const labels = await congressLabels(db, congressId)
  const byLabel = new Map(rows.map((r) => [labels.get(r.id) ?? '', r]))

  const required = async (docName: string): Promise<Uint8Array> => {
    const state = await stateOf(docName)
    if (!state) throw fail('seal_failed', { cause: 'not_frozen', docName, text: null }, `Le texte ${docName} est introuvable : le tableau comparatif ne peut être établi.`)
    return state
  }

  // Many amendments read against the same few states: each state's paragraphs are made once.
  const paragraphs = new Map<Uint8Array, string[]>()
  const paragraphsOf = (state: Uint8Array) => paragraphs.get(state) ?? paragraphs.set(state, stateParagraphs(state)).get(state)!
  const diffOn = (base: Uint8Array, amendment: Uint8Array, forkVector: Uint8Array): TextDiff => {
    const changes = forkChanges(amendment, forkVector)
    // The diff the amendment lists show (shared/amendments/fork.ts amendmentDiff), with the base's paragraphs read once.
    return unchanged(changes) ? { lines: [], changed: [] } : diffParagraphs(paragraphsOf(base), stateParagraphs(base, changes))
  }

  const texts: ComparativeText[] = []
  for (const text of minutes.texts) {
    const docName = text.number === null ? congress.preamble_doc : proposals.get(text.number)
    if (!docName) continue
    const state = await required(docName)
    // The text just before each merge, in order, then as it stands: an amendment not merged is read
    // against the first of these that holds everything it forked from (the text it was written on).
    const merges = rows.filter((r) => r.target_doc === docName && r.merged_onto !== null).sort((a, b) => (a.merged_at ?? 0) - (b.merged_at ?? 0) || (a.id < b.id ? -1 : 1))
    const firstMerge = merges[0]
    // Stage i is the text before merge i (after merge i - 1); the last, the text as it stands.
    const stages: Stage[] = [...merges.map((r) => r.merged_onto!), state].map((stage, i) => ({
      state: stage,
      held: Y.decodeStateVector(Y.encodeStateVectorFromUpdate(stage)),
      after: i === 0 ? null : (labels.get(merges[i - 1]!.id) ?? null),
    }))
    const final = paragraphsOf(state)
    const base = (await amendingBase(db, docName)) ?? (firstMerge ? paragraphsOf(firstMerge.merged_onto!) : final)
    const amendments: ComparativeAmendment[] = []
    // In the order they were filed, each sub-amendment right after its amendment.
    const told = text.amendments.map((a) => ({ a, row: byLabel.get(a.label) })).filter((x) => x.row !== undefined)
    const parents = told.filter((x) => x.row!.parent_id === null).sort((x, y) => x.row!.created_at - y.row!.created_at || (x.row!.id < y.row!.id ? -1 : 1))
    for (const parent of parents) {
      for (const { a, row } of [parent, ...told.filter((x) => x.row!.parent_id === parent.row!.id).sort((x, y) => x.row!.created_at - y.row!.created_at)]) {
        const own = row!.target_doc === docName
        const stage = row!.merged_onto ? stages.find((st) => st.state === row!.merged_onto) : own ? writtenOn(stages, row!.fork_vector) : undefined
        const against = stage?.state ?? row!.merged_onto ?? (await required(row!.target_doc))
        const diff = diffOn(against, await required(row!.doc_name), row!.fork_vector)
        amendments.push({
          label: a.label,
          parentLabel: row!.parent_id ? (labels.get(row!.parent_id) ?? null) : null,
          fate: a.fate,
          fallenBy: a.fallenBy,
          fellWithParent: a.fellWithParent,
          reason: a.reason,
          rectified: a.rectified,
          withoutBallot: a.withoutBallot,
          identicalTo: a.identicalTo,
          diff,
          // Said only where the numbering is not the base's own.
          numberedAfter: own && !sameParagraphs(paragraphsOf(against), base) ? (stage?.after ?? null) : null,
          paragraph: own ? placeOn(base, paragraphsOf(against), diff) : null,
        })
      }
    }
    texts.push({ number: text.number, title: text.title, question: text.question, outcome: text.outcome, base, final, amendments })
  }
  return { congress: minutes.congress, frozenAt: minutes.frozen?.at ?? null, asOf: minutes.asOf, timeZone: minutes.timeZone, texts }
}

/** An update that adds and deletes nothing: an amendment that changes nothing. */
function unchanged(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  return structs.length === 0 && ds.clients.size === 0
}

const sameParagraphs = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p, i) => p === b[i])

interface Stage {
  readonly state: Uint8Array
  readonly held: Map<number, number>
  /** The amendment merged just before: the text's line numbers follow its adoption. */
  readonly after: string | null
}

/** The first stage that holds everything the fork vector counts: the text as the amendment was written on it. */
function writtenOn(stages: readonly Stage[], forkVector: Uint8Array): Stage {
  const fork = Y.decodeStateVector(forkVector)
  const covers = (held: Map<number, number>) => [...fork].every(([client, clock]) => (held.get(client) ?? 0) >= clock)
  return stages.find((stage) => covers(stage.held)) ?? stages.at(-1)!
}

/**
 * The base's paragraph where an amendment's first change falls: the paragraph of its own text at
 * that line, found in the base by its words (the same index when the texts are the same).
 */
function placeOn(base: readonly string[], against: readonly string[], diff: TextDiff): number | null {
  const first = diff.changed[0]?.from
  const line = first === undefined ? undefined : numberLines(against).find((l) => l.number === first)
  if (!line) return null
  if (sameParagraphs(against, base)) return line.paragraph
  const found = base.indexOf(against[line.paragraph] ?? '')
  return found >= 0 ? found : Math.min(line.paragraph, Math.max(0, base.length - 1))
}
