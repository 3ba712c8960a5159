import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { AttendanceEntryView, AttendanceView } from '../../shared/api-types.ts'
import type { Role } from '../../shared/roles.ts'
import { AppError } from '../app-error.ts'
import { requireAllowed } from '../auth/authorize.ts'
import type { AppDeps, SessionActor } from '../env.ts'
import { normalizeAccessCode } from '../ids.ts'
import { appendAudit } from './audit.ts'
import { congressRule } from './ballots.ts'

type Deps = Pick<AppDeps, 'db' | 'hub' | 'clock'>

const votingRoles = ['attendee', 'delegate', 'bureau'] as const
const auditActor = (actor: SessionActor) => ({ id: actor.participantId, name: actor.name })

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
  const [people, present, proxies] = await Promise.all([
    deps.db
      .selectFrom('participants')
      .select(['id', 'name', 'organisation', 'role'])
      .where('congress_id', '=', congressId)
      .where('role', 'in', votingRoles)
      .where('revoked_at', 'is', null)
      .orderBy('name')
      .execute(),
    deps.db.selectFrom('attendance').select('participant_id').where('congress_id', '=', congressId).execute(),
    deps.db.selectFrom('proxies').select(['giver_id', 'holder_id']).where('congress_id', '=', congressId).orderBy('created_at').execute(),
  ])
  const here = new Set(present.map((p) => p.participant_id))
  const names = new Map(people.map((p) => [p.id, p.name]))
  const person = (id: string) => ({ id, name: names.get(id) ?? '?' })
  const entries: AttendanceEntryView[] = people.map((p) => {
    const given = proxies.find((x) => x.giver_id === p.id)
    return {
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      role: p.role as Role,
      present: here.has(p.id),
      proxyTo: given ? person(given.holder_id) : null,
      proxiesHeld: proxies.filter((x) => x.holder_id === p.id).map((x) => person(x.giver_id)),
    }
  })
  return { entries, presentCount: entries.filter((e) => e.present).length, entitledCount: entries.length, roomCode: await roomCode(deps.db, congressId) }
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
  const view = await attendance(deps, actor, congressId)
  return view.entries.find((e) => e.id === participantId)!
}

/** The desk scans or types the personal code on someone's badge (or the code in their join link). */
export async function markPresentByCode(deps: Deps, actor: SessionActor, congressId: string, code: string): Promise<AttendanceEntryView> {
  requireAllowed(deps, actor, congressId, 'attendance.manage')
  const raw = code.includes('/join/') ? code.slice(code.lastIndexOf('/join/') + 6) : code
  const row = await deps.db
    .selectFrom('participants')
    .select('id')
    .where('congress_id', '=', congressId)
    .where('access_code', '=', normalizeAccessCode(raw))
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
