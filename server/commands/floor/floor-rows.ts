import type { Kysely } from 'kysely'
import type { Database, FloorRequestRow, FloorSettingsTable } from '../../../db/schema.ts'
import { defaultSpeakerRules, defaultSpeakingSeconds, type FloorRequestStatus, type SpeakerRules } from '../../../shared/floor/speakers.ts'
import { fail } from '../../domain-error.ts'
import type { Tx } from '../command.ts'

// The rows the floor's commands and its view read, and the checks they share.

export interface Floor {
  /** The item under debate (a text), or none. */
  readonly debateDoc: string | null
  /** Narrowed to the discussion commune of this amendment of the text, or the whole text. */
  readonly debateAmendment: string | null
  readonly speakingSeconds: number
  readonly rules: SpeakerRules
}

/** The congress's floor: its settings, or the defaults when the bureau has set none. */
export async function loadFloor(db: Kysely<Database>, congressId: string): Promise<Floor> {
  const row = await db.selectFrom('floor_settings').selectAll().where('congress_id', '=', congressId).executeTakeFirst()
  if (!row) return { debateDoc: null, debateAmendment: null, speakingSeconds: defaultSpeakingSeconds, rules: defaultSpeakerRules }
  return { debateDoc: row.debate_doc, debateAmendment: row.debate_amendment, speakingSeconds: row.speaking_seconds, rules: { alternate: row.alternate === 1, firstTimersFirst: row.first_timers === 1 } }
}

/**
 * Changes some of the congress's floor settings inside the transaction; the first change writes the
 * row, with the defaults for the rest.
 */
export async function saveFloor(tx: Tx, congressId: string, change: Partial<Omit<FloorSettingsTable, 'congress_id'>>): Promise<void> {
  const defaults = { debate_doc: null, debate_amendment: null, speaking_seconds: defaultSpeakingSeconds, alternate: defaultSpeakerRules.alternate ? 1 : 0, first_timers: defaultSpeakerRules.firstTimersFirst ? 1 : 0 }
  await tx.trx
    .insertInto('floor_settings')
    .values({ congress_id: congressId, ...defaults, ...change })
    .onConflict((oc) => oc.column('congress_id').doUpdateSet(change))
    .execute()
}

/** The item under debate: a text, perhaps narrowed to one amendment's discussion commune. */
export interface DebateItem {
  readonly doc: string
  readonly amendment: string | null
}

/** The item under debate, or 409 floor_no_debate. */
export function requireDebate(floor: Floor, congressId: string): DebateItem {
  if (floor.debateDoc === null) throw fail('floor_no_debate', { congressId }, 'Aucun sujet n’est en discussion : le bureau doit d’abord en choisir un.')
  return { doc: floor.debateDoc, amendment: floor.debateAmendment }
}

/** Whether a request for the floor was made on this item. */
export function onItem(row: Pick<FloorRequestRow, 'debate_doc' | 'debate_amendment'>, item: DebateItem): boolean {
  return row.debate_doc === item.doc && row.debate_amendment === item.amendment
}

/** A request of this congress, by id. */
export async function loadRequest(db: Kysely<Database>, congressId: string, requestId: string): Promise<FloorRequestRow> {
  const row = await db.selectFrom('floor_requests').selectAll().where('id', '=', requestId).where('congress_id', '=', congressId).executeTakeFirst()
  if (!row) throw fail('floor_request_not_found', { requestId }, 'Cette demande de parole n’existe pas.')
  return row
}

/**
 * Moves a request from `from` to `to` inside the transaction, guarded on the status read (two bureau
 * members pressing at once cannot both move it); 409 floor_request_status otherwise.
 */
export async function moveRequest(tx: Tx, row: Pick<FloorRequestRow, 'id' | 'status'>, from: FloorRequestStatus, to: FloorRequestStatus, times: { started_at?: number; ended_at?: number } = {}): Promise<void> {
  const moved = await tx.trx.updateTable('floor_requests').set({ status: to, ...times }).where('id', '=', row.id).where('status', '=', from).executeTakeFirst()
  if (moved.numUpdatedRows === 0n) throw fail('floor_request_status', { requestId: row.id, status: row.status }, 'Cette demande de parole n’attend plus son tour.')
}

/** Whoever has the floor on the congress's item finishes: their turn is recorded as spoken. */
export async function endCurrentSpeech(tx: Tx, congressId: string): Promise<void> {
  await tx.trx.updateTable('floor_requests').set({ status: 'spoken', ended_at: tx.now }).where('congress_id', '=', congressId).where('status', '=', 'speaking').execute()
}
