import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import type { AttendanceEntryView } from '../../../shared/api-types.ts'
import { votingRoles } from '../../../shared/roles.ts'
import { fail } from '../../domain-error.ts'
import type { CommandDeps, CommandSteps } from '../command.ts'
import { loadCongress } from '../congress/congress-rows.ts'

type Db = Kysely<Database> | Transaction<Database>

/** The room's code, drawn when the congress was created (migration 0010 for older ones). */
export async function roomCode(db: Kysely<Database>, congressId: string): Promise<string> {
  const { room_code: code } = await loadCongress(db, congressId)
  if (code === null) throw new Error(`congress ${congressId} has no room code`)
  return code
}

/** The desk's rows: everyone with a vote, or one of them (the desk sorts them: attendance-desk.ts). */
export async function attendanceEntries(db: Db, congressId: string, onlyId?: string): Promise<AttendanceEntryView[]> {
  let people = db
    .selectFrom('participants')
    .leftJoin('attendance', 'attendance.participant_id', 'participants.id')
    .select(['participants.id', 'participants.name', 'participants.organisation', 'participants.role', 'attendance.checked_in_at'])
    .where('participants.congress_id', '=', congressId)
    .where('participants.role', 'in', votingRoles)
    .where('participants.revoked_at', 'is', null)
  if (onlyId) people = people.where('participants.id', '=', onlyId)
  let proxies = db
    .selectFrom('proxies')
    .innerJoin('participants as giver', 'giver.id', 'proxies.giver_id')
    .innerJoin('participants as holder', 'holder.id', 'proxies.holder_id')
    .select(['proxies.giver_id', 'proxies.holder_id', 'giver.name as giverName', 'holder.name as holderName'])
    .where('proxies.congress_id', '=', congressId)
    .orderBy('proxies.created_at')
  if (onlyId) proxies = proxies.where((eb) => eb.or([eb('proxies.giver_id', '=', onlyId), eb('proxies.holder_id', '=', onlyId)]))
  const [rows, standing] = await Promise.all([people.execute(), proxies.execute()])
  const given = new Map(standing.map((p) => [p.giver_id, { id: p.holder_id, name: p.holderName }]))
  const held = new Map<string, { id: string; name: string }[]>()
  for (const p of standing) held.set(p.holder_id, [...(held.get(p.holder_id) ?? []), { id: p.giver_id, name: p.giverName }])
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    organisation: p.organisation,
    role: p.role,
    present: p.checked_in_at !== null,
    proxyTo: given.get(p.id) ?? null,
    proxiesHeld: held.get(p.id) ?? [],
  }))
}

/** A live participant of the congress who votes. */
export async function votingParticipant(db: Db, congressId: string, participantId: string): Promise<{ id: string; name: string }> {
  const row = await db
    .selectFrom('participants')
    .select(['id', 'name'])
    .where('id', '=', participantId)
    .where('congress_id', '=', congressId)
    .where('role', 'in', votingRoles)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw fail('voter_not_found', { participantId }, 'Ce participant n’existe pas ou ne vote pas.')
  return row
}

/** Marks someone present or gone; logged (and announced) only if it changed anything. */
export async function setPresence(deps: CommandDeps, steps: CommandSteps, congressId: string, participantId: string, present: boolean, how: 'desk' | 'room-code'): Promise<void> {
  await steps.transaction(async (tx) => {
    const result = present
      ? await tx.trx.insertInto('attendance').values({ participant_id: participantId, congress_id: congressId, checked_in_at: tx.now }).onConflict((oc) => oc.doNothing()).executeTakeFirst()
      : await tx.trx.deleteFrom('attendance').where('participant_id', '=', participantId).executeTakeFirst()
    const count = 'numInsertedOrUpdatedRows' in result ? result.numInsertedOrUpdatedRows : result.numDeletedRows
    if (!count) return
    await tx.audit(congressId, present ? 'attendance.checked_in' : 'attendance.checked_out', { participantId, how })
    tx.afterCommit(() => deps.hub.attendanceChanged(congressId))
  })
}
