import type { Kysely } from 'kysely'
import * as Y from 'yjs'
import { foldUpdates } from '../../db/fold-updates.ts'
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

/** One version's row, or undefined. */
export async function versionRecord(db: Kysely<Database>, versionId: string): Promise<TextVersionRecord | undefined> {
  const row = await db.selectFrom('text_versions').select('doc_name').where('id', '=', versionId).executeTakeFirst()
  return row && (await textVersions(db, row.doc_name)).find((v) => v.id === versionId)
}

/** The deltas 1..seq of a text, in order. */
async function deltasUpTo(db: Kysely<Database>, docName: string, seq: number): Promise<Uint8Array[]> {
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
  if (!doc) return undefined
  try {
    return docParagraphs(doc)
  } finally {
    doc.destroy()
  }
}

/**
 * The text as it stood when the congress entered the amendments phase: the first phase version into
 * `amendments` (each phase change records one for every base text, changed or not), or null if the
 * congress never got there (or the text was added later).
 */
export async function amendingBase(db: Kysely<Database>, docName: string): Promise<string[] | null> {
  const row = await db
    .selectFrom('text_versions')
    .select('id')
    .where('doc_name', '=', docName)
    .where('event', '=', 'phase')
    .where('phase', '=', 'amendments')
    .orderBy('seq')
    .executeTakeFirst()
  return row ? ((await versionParagraphs(db, row.id)) ?? null) : null
}

/** The text as the database holds it: the compacted state with its log folded in. Inside a decision's transaction, what every client saw. */
export async function storedText(db: Kysely<Database>, docName: string): Promise<Uint8Array | undefined> {
  const doc = await db.selectFrom('documents').select('state').where('name', '=', docName).executeTakeFirst()
  if (!doc) return undefined
  const log = await db.selectFrom('document_updates').select('data').where('doc_name', '=', docName).orderBy('id').execute()
  return log.length === 0 ? doc.state : foldUpdates(doc.state, log.map((r) => r.data))
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
export async function recordVersion(trx: Kysely<Database>, input: VersionInput): Promise<TextVersionRow | undefined> {
  const document = await trx.selectFrom('documents').select('congress_id').where('name', '=', input.docName).executeTakeFirst()
  const state = await storedText(trx, input.docName)
  if (!document || !state) return undefined
  const previousRows = await trx.selectFrom('text_versions').select(['seq', 'at', 'delta']).where('doc_name', '=', input.docName).orderBy('seq').execute()
  const last = previousRows.at(-1)
  const current = new Y.Doc({ gc: true })
  const previous = last && rebuildDoc(previousRows.map((r) => r.delta))
  try {
    Y.applyUpdate(current, state)
    const { delta, changed } = versionDelta(current, previous)
    if (!changed && !input.always) return undefined
    const typing = trx.selectFrom('text_typing').select('participant_id').where('doc_name', '=', input.docName).orderBy('participant_id')
    const typists = await (last ? typing.where('typed_at', '>', last.at) : typing).execute()
    const row: TextVersionRow = {
      id: newId(),
      congress_id: document.congress_id,
      doc_name: input.docName,
      seq: (last?.seq ?? 0) + 1,
      at: input.now,
      event: input.event,
      delta,
      state_vector: Y.encodeStateVector(current),
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
export async function recordPhaseVersions(trx: Kysely<Database>, congressId: string, phase: Phase, now: number, actorId: string | null): Promise<void> {
  for (const docName of await baseTexts(trx, congressId)) await recordVersion(trx, { docName, event: 'phase', phase, now, actorId, always: true })
}
