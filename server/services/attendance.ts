import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { AttendanceEntryView, AttendanceView } from '../../shared/api-types.ts'
import { votingRoles, type Role } from '../../shared/roles.ts'
import { AppError } from '../app-error.ts'
import { requireAllowed } from '../auth/authorize.ts'
import type { AppDeps, SessionActor } from '../env.ts'
import { hashAccessCode } from '../ids.ts'
import { codeFromScan } from './join-link.ts'
import { appendAudit, auditActor } from './audit.ts'
import { congressRule } from './ballots.ts'

type Deps = Pick<AppDeps, 'db' | 'hub' | 'clock'>


/** Six digits, shown in the room: typed on a phone in a second, changed by the bureau at will. */
function newRoomCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0')
}

export async function roomCode(db: Kysely<Database>, congressId: string): Promise<string> {
  const row = await db.selectFrom('congresses').select('room_code').where('id', '=', congressId).executeTakeFirst()
  if (!row) throw new AppError(404, 'not_found', 'Ce congrès n’existe pas.')
  if (row.room_code) return row.room_code
  const code = newRoomCode()
  await db.updateTable('congresses').set({ room_code: code }).where('id', '=', congressId).where('room_code', 'is', null).execute()
  return (await db.selectFrom('congresses').select('room_code').where('id', '=', congressId).executeTakeFirstOrThrow()).room_code ?? code
}

export async function renewRoomCode(deps: Deps, actor: SessionActor, congressId: string): Promise<string> {
  requireAllowed(deps, actor, congressId, 'attendance.manage')
  const code = newRoomCode()
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('congresses').set({ room_code: code }).where('id', '=', congressId).execute()
    await appendAudit(trx, { congressId, actor: auditActor(actor), action: 'attendance.room_code_renewed', payload: {} }, deps.clock())
  })
  deps.hub.attendanceChanged(congressId)
  return code
}

export async function attendance(deps: Deps, actor: SessionActor, congressId: string): Promise<AttendanceView> {
  requireAllowed(deps, actor, congressId, 'attendance.manage')
  const entries = await attendanceEntries(deps.db, congressId)
  return { entries, presentCount: entries.filter((e) => e.present).length, entitledCount: entries.length, roomCode: await roomCode(deps.db, congressId) }
}

/** The desk's rows: everyone with a vote, or one of them. */
async function attendanceEntries(db: Kysely<Database>, congressId: string, onlyId?: string): Promise<AttendanceEntryView[]> {
  let people = db
    .selectFrom('participants')
    .leftJoin('attendance', 'attendance.participant_id', 'participants.id')
    .select(['participants.id', 'participants.name', 'participants.organisation', 'participants.role', 'attendance.checked_in_at'])
    .where('participants.congress_id', '=', congressId)
    .where('participants.role', 'in', votingRoles)
    .where('participants.revoked_at', 'is', null)
    .orderBy('participants.name')
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
    role: p.role as Role,
    present: p.checked_in_at !== null,
    proxyTo: given.get(p.id) ?? null,
    proxiesHeld: held.get(p.id) ?? [],
  }))
}

async function votingParticipant(db: Kysely<Database>, congressId: string, id: string): Promise<{ id: string; name: string }> {
  const row = await db
    .selectFrom('participants')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('congress_id', '=', congressId)
    .where('role', 'in', votingRoles)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError(404, 'not_found', 'Ce participant n’existe pas ou ne vote pas.')
  return row
}

async function setPresence(deps: Deps, actor: SessionActor | null, congressId: string, participantId: string, present: boolean, how: 'desk' | 'room-code'): Promise<void> {
  const now = deps.clock()
  const changed = await deps.db.transaction().execute(async (trx) => {
    const result = present
      ? await trx.insertInto('attendance').values({ participant_id: participantId, congress_id: congressId, checked_in_at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst()
      : await trx.deleteFrom('attendance').where('participant_id', '=', participantId).executeTakeFirst()
    const count = 'numInsertedOrUpdatedRows' in result ? result.numInsertedOrUpdatedRows : result.numDeletedRows
    if (!count) return false
    await appendAudit(trx, { congressId, actor: actor && auditActor(actor), action: present ? 'attendance.checked_in' : 'attendance.checked_out', payload: { participantId, how } }, now)
    return true
  })
  if (changed) deps.hub.attendanceChanged(congressId)
}

/** The check-in desk: the bureau marks someone present or gone. */
export async function markPresence(deps: Deps, actor: SessionActor, congressId: string, participantId: string, present: boolean): Promise<AttendanceEntryView> {
  requireAllowed(deps, actor, congressId, 'attendance.manage')
  await votingParticipant(deps.db, congressId, participantId)
  await setPresence(deps, actor, congressId, participantId, present, 'desk')
  const [entry] = await attendanceEntries(deps.db, congressId, participantId)
  return entry!
}

/** The desk scans or types the personal code on someone's badge (or its join link), looked up by its hash. */
export async function markPresentByCode(deps: Deps, actor: SessionActor, congressId: string, code: string): Promise<AttendanceEntryView> {
  requireAllowed(deps, actor, congressId, 'attendance.manage')
  const row = await deps.db
    .selectFrom('participants')
    .select('id')
    .where('congress_id', '=', congressId)
    .where('access_code_hash', '=', hashAccessCode(codeFromScan(code)))
    .where('role', 'in', votingRoles)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError(404, 'not_found', 'Aucun participant votant de ce congrès n’a ce code.')
  return markPresence(deps, actor, congressId, row.id, true)
}

export async function isPresent(db: Kysely<Database>, participantId: string): Promise<boolean> {
  return (await db.selectFrom('attendance').select('participant_id').where('participant_id', '=', participantId).executeTakeFirst()) !== undefined
}

/** A participant in the room checks themselves in with the code the projector shows. */
export async function checkInWithRoomCode(deps: Deps, actor: SessionActor, congressId: string, code: string): Promise<void> {
  requireAllowed(deps, actor, congressId, 'attendance.self')
  if (code.replace(/\s/g, '') !== (await roomCode(deps.db, congressId))) {
    throw new AppError(400, 'invalid_code', 'Ce n’est pas le code affiché dans la salle.')
  }
  await setPresence(deps, actor, congressId, actor.participantId, true, 'room-code')
}

/** Records a pouvoir from giver to holder, within the cap of the congress's ballot rule. */
export async function recordProxy(deps: Deps, actor: SessionActor, congressId: string, giverId: string, holderId: string): Promise<void> {
  requireAllowed(deps, actor, congressId, 'attendance.manage')
  if (giverId === holderId) throw new AppError(409, 'conflict', 'On ne se donne pas pouvoir à soi-même.')
  const giver = await votingParticipant(deps.db, congressId, giverId)
  const holder = await votingParticipant(deps.db, congressId, holderId)
  const { proxies } = await congressRule(deps.db, congressId)
  if (!proxies.allowed) throw new AppError(409, 'conflict', 'La règle de vote du congrès n’admet pas les pouvoirs.')
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('proxies').select(['giver_id', 'holder_id']).where('congress_id', '=', congressId).where((eb) => eb.or([eb('giver_id', 'in', [giverId, holderId]), eb('holder_id', '=', giverId)])).execute()
    if (existing.some((p) => p.giver_id === giverId)) throw new AppError(409, 'conflict', `${giver.name} a déjà donné pouvoir : retirez ce pouvoir d’abord.`)
    if (existing.some((p) => p.giver_id === holderId)) throw new AppError(409, 'conflict', `${holder.name} a donné pouvoir : il ne peut en recevoir.`)
    if (existing.some((p) => p.holder_id === giverId)) throw new AppError(409, 'conflict', `${giver.name} détient un pouvoir : il ne peut en donner.`)
    const held = await trx.selectFrom('proxies').select((eb) => eb.fn.countAll<number>().as('count')).where('holder_id', '=', holderId).executeTakeFirstOrThrow()
    if (Number(held.count) >= proxies.maxPerHolder) {
      throw new AppError(409, 'conflict', `${holder.name} détient déjà ${proxies.maxPerHolder} pouvoir(s), le maximum par personne.`)
    }
    await trx.insertInto('proxies').values({ giver_id: giverId, holder_id: holderId, congress_id: congressId, created_at: now }).execute()
    await appendAudit(trx, { congressId, actor: auditActor(actor), action: 'proxy.recorded', payload: { giverId, giverName: giver.name, holderId, holderName: holder.name } }, now)
  })
  deps.hub.attendanceChanged(congressId)
}

export async function revokeProxy(deps: Deps, actor: SessionActor, congressId: string, giverId: string): Promise<void> {
  requireAllowed(deps, actor, congressId, 'attendance.manage')
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('proxies').where('giver_id', '=', giverId).where('congress_id', '=', congressId).executeTakeFirst()
    if (removed.numDeletedRows === 0n) throw new AppError(404, 'not_found', 'Ce participant n’a pas donné pouvoir.')
    await appendAudit(trx, { congressId, actor: auditActor(actor), action: 'proxy.revoked', payload: { giverId } }, now)
  })
  deps.hub.attendanceChanged(congressId)
}
