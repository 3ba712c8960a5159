import type { Kysely, Transaction } from 'kysely'
import * as Y from 'yjs'
import type { Database, TextVersionRow } from '../../db/schema.ts'
import { docParagraphs } from '../../shared/editor/doc-state.ts'
import type { VersionEvent } from '../../shared/history/text-history.ts'
import type { Phase } from '../../shared/phases.ts'
import { newId } from '../ids.ts'
import { rebuildDoc, versionDelta } from './version-delta.ts'

// Every text's history, read and written from the database's rows only (never one process's
// memory): several processes may serve one congress, and the record built on it (the comparative
// table, the minutes) must come out the same from the same rows.

/** One version as stored, without its bytes: what the lead's record and the presenters read. */
export interface TextVersionRecord {
  readonly id: string
  readonly congressId: string
  readonly docName: string
  readonly seq: number
  readonly at: number
  readonly event: VersionEvent
  /** Who typed in the text since the version before, by participant id, sorted. */
  readonly typistIds: readonly string[]
  readonly actorId: string | null
  readonly phase: Phase | null
  readonly amendmentId: string | null
  readonly restoredFrom: string | null
}

/** A text's versions, oldest first. */
export async function textVersions(db: Kysely<Database>, docName: string): Promise<TextVersionRecord[]> {
  const rows = await db
    .selectFrom('text_versions')
    .select(['id', 'congress_id', 'doc_name', 'seq', 'at', 'event', 'actor_id', 'phase', 'amendment_id', 'restored_from'])
    .where('doc_name', '=', docName)
    .orderBy('seq')
    .execute()
  const typists = await db
    .selectFrom('text_version_typists')
    .innerJoin('text_versions', 'text_versions.id', 'text_version_typists.version_id')
    .select(['text_version_typists.version_id', 'text_version_typists.participant_id'])
    .where('text_versions.doc_name', '=', docName)
    .orderBy('text_version_typists.participant_id')
    .execute()
  const byVersion = new Map<string, string[]>()
  for (const t of typists) byVersion.set(t.version_id, [...(byVersion.get(t.version_id) ?? []), t.participant_id])
  return rows.map((r) => ({
    id: r.id,
    congressId: r.congress_id,
    docName: r.doc_name,
    seq: r.seq,
    at: r.at,
    event: r.event,
    typistIds: byVersion.get(r.id) ?? [],
    actorId: r.actor_id,
    phase: r.phase,
    amendmentId: r.amendment_id,
    restoredFrom: r.restored_from,
  }))
}

/** The deltas 1..seq of a text, in order: version N is rebuilt from the first N (rebuildDoc). */
export async function deltasUpTo(db: Kysely<Database>, docName: string, seq: number): Promise<Uint8Array[]> {
  const rows = await db.selectFrom('text_versions').select('delta').where('doc_name', '=', docName).where('seq', '<=', seq).orderBy('seq').execute()
  return rows.map((r) => r.delta)
}

/** The document as a version left it (deltas 1..N applied into a fresh Y.Doc). The caller destroys it. */
export async function versionDoc(db: Kysely<Database>, versionId: string): Promise<Y.Doc | undefined> {
  const row = await db.selectFrom('text_versions').select(['doc_name', 'seq']).where('id', '=', versionId).executeTakeFirst()
  return row && rebuildDoc(await deltasUpTo(db, row.doc_name, row.seq))
}

/** The text's paragraphs at a version (as sealable-texts.ts's frozenParagraphs reads a frozen text), or undefined for no such version. */
export async function versionParagraphs(db: Kysely<Database>, versionId: string): Promise<string[] | undefined> {
  const doc = await versionDoc(db, versionId)
  return doc && paragraphsOf(doc)
}

/** The paragraphs of version `seq`, from a text's deltas 1..N (N ≥ seq) read once. */
export function paragraphsAt(deltas: readonly Uint8Array[], seq: number): string[] {
  return paragraphsOf(rebuildDoc(deltas.slice(0, seq)))
}

function paragraphsOf(doc: Y.Doc): string[] {
  try {
    return docParagraphs(doc)
  } finally {
    doc.destroy()
  }
}

/**
 * The text as it stood when its amendments were written: the last phase version into `amendments`
 * taken at or before the first amendment filed on it (each phase change records one for every base
 * text, changed or not). The bureau may go back to drafting and return: the text amended is the one
 * of the round its amendments were filed in. None filed: the last phase version into `amendments`.
 * Null if the congress never got there (or the text was added later).
 */
export async function amendingBase(db: Kysely<Database>, docName: string): Promise<string[] | null> {
  const first = await db.selectFrom('amendments').select((eb) => eb.fn.min('created_at').as('at')).where('target_doc', '=', docName).executeTakeFirst()
  const filedAt = first?.at == null ? undefined : Number(first.at)
  const intoAmendments = db.selectFrom('text_versions').select('id').where('doc_name', '=', docName).where('event', '=', 'phase').where('phase', '=', 'amendments')
  const row =
    filedAt === undefined
      ? await intoAmendments.orderBy('seq', 'desc').executeTakeFirst()
      : // An amendment filed before any such version (none can be, in the normal course): the first one.
        ((await intoAmendments.where('at', '<=', filedAt).orderBy('seq', 'desc').executeTakeFirst()) ?? (await intoAmendments.orderBy('seq').executeTakeFirst()))
  return row ? ((await versionParagraphs(db, row.id)) ?? null) : null
}

/** Who typed in a text, as this process knows it and has not written yet (server/history/typing-pauses.ts). */
export interface TypingMark {
  readonly participantId: string
  readonly typedAt: number
}

/**
 * Where a version reads its text from: the document log, in the transaction and in one snapshot
 * (DocumentAccess.readStored, DocumentLog.readInTransaction: a compaction committing between two
 * reads would show a stale state). And, when the server has them, the typing marks this process
 * holds but has not written yet (written at most every few seconds): the version writes them
 * first, so it never misses someone who typed here just before it.
 */
export interface VersionTexts {
  readStored(name: string, trx: Transaction<Database>): Promise<Uint8Array | undefined>
  pendingTyping?(name: string): readonly TypingMark[]
}

export interface VersionInput {
  readonly docName: string
  readonly event: VersionEvent
  readonly now: number
  readonly actorId?: string | null
  readonly phase?: Phase
  readonly amendmentId?: string
  readonly restoredFrom?: string
  /** Recorded even when nothing changed since the version before (a phase change marks where each text stood). */
  readonly always?: boolean
}

/**
 * Takes a version of a text from what the database holds, inside a transaction that holds the
 * congress's row (a decision's, or the pause's own): so versions of one text are numbered one at a
 * time, on any process. Returns undefined when nothing changed since the version before (another
 * process took it already, or no one typed), unless `always`.
 */
export async function recordVersion(trx: Transaction<Database>, texts: VersionTexts, input: VersionInput): Promise<TextVersionRow | undefined> {
  const document = await trx.selectFrom('documents').select('congress_id').where('name', '=', input.docName).executeTakeFirst()
  const state = await texts.readStored(input.docName, trx)
  if (!document || !state) return undefined
  // Written again later by the process's own timer if this transaction rolls back; the same time
  // written twice changes nothing.
  const pending = texts.pendingTyping?.(input.docName) ?? []
  if (pending.length > 0) await writeTypingMarks(trx, input.docName, pending)
  const previousRows = await trx.selectFrom('text_versions').select(['seq', 'delta']).where('doc_name', '=', input.docName).orderBy('seq').execute()
  const last = previousRows.at(-1)
  const current = new Y.Doc({ gc: true })
  const previous = last && rebuildDoc(previousRows.map((r) => r.delta))
  try {
    Y.applyUpdate(current, state)
    const { delta, changed } = versionDelta(current, previous)
    if (!changed && !input.always) return undefined
    // Everyone whose last typing no version taken since has named: not merely who typed after the
    // last version, since a mark written late (another process writes its own at most markEveryMs
    // behind) may report typing from before it, which that version did not name.
    const typists = await trx
      .selectFrom('text_typing as m')
      .select('m.participant_id')
      .where('m.doc_name', '=', input.docName)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('text_version_typists as t')
              .innerJoin('text_versions as v', 'v.id', 't.version_id')
              .select('t.version_id')
              .whereRef('t.participant_id', '=', 'm.participant_id')
              .where('v.doc_name', '=', input.docName)
              .whereRef('v.at', '>=', 'm.typed_at'),
          ),
        ),
      )
      .orderBy('m.participant_id')
      .execute()
    const row: TextVersionRow = {
      id: newId(),
      congress_id: document.congress_id,
      doc_name: input.docName,
      seq: (last?.seq ?? 0) + 1,
      at: input.now,
      event: input.event,
      delta,
      actor_id: input.actorId ?? null,
      phase: input.phase ?? null,
      amendment_id: input.amendmentId ?? null,
      restored_from: input.restoredFrom ?? null,
    }
    await trx.insertInto('text_versions').values(row).execute()
    if (typists.length > 0) await trx.insertInto('text_version_typists').values(typists.map((t) => ({ version_id: row.id, participant_id: t.participant_id }))).execute()
    return row
  } finally {
    current.destroy()
    previous?.destroy()
  }
}

/** The base texts of a congress (its preamble and proposals), whose versions a phase change takes. */
export async function baseTexts(db: Kysely<Database>, congressId: string): Promise<string[]> {
  const congress = await db.selectFrom('congresses').select('preamble_doc').where('id', '=', congressId).executeTakeFirst()
  const proposals = await db.selectFrom('proposals').select('doc_name').where('congress_id', '=', congressId).orderBy('number').execute()
  return [...(congress ? [congress.preamble_doc] : []), ...proposals.map((p) => p.doc_name)]
}

/** Inside a phase change's transaction: a version of every base text, where it stood as the phase turned. */
export async function recordPhaseVersions(trx: Transaction<Database>, texts: VersionTexts, congressId: string, phase: Phase, now: number, actorId: string | null): Promise<void> {
  for (const docName of await baseTexts(trx, congressId)) await recordVersion(trx, texts, { docName, event: 'phase', phase, now, actorId, always: true })
}

/** Who typed in a text and when (the latest time wins): one row per person and text, read by the next version. */
export async function writeTypingMarks(db: Kysely<Database>, docName: string, marks: readonly TypingMark[]): Promise<void> {
  await db
    .insertInto('text_typing')
    .values(marks.map((m) => ({ doc_name: docName, participant_id: m.participantId, typed_at: m.typedAt })))
    .onConflict((oc) => oc.columns(['doc_name', 'participant_id']).doUpdateSet((eb) => ({ typed_at: eb.ref('excluded.typed_at') })))
    .execute()
}
