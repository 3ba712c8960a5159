import type { Kysely } from 'kysely'
import type { Database, ParticipantRow } from '../../db/schema.ts'
import type { ParticipantDetailView } from '../../shared/api-types.ts'
import type { ParticipantInput, RowError } from '../../shared/participants/participant-rows.ts'
import { isRole } from '../../shared/roles.ts'
import { AppError } from '../app-error.ts'
import { newAccessCode, newId } from '../ids.ts'
import { appendAudit } from './audit.ts'

/** What the bureau sees of a participant (see presentParticipant). */
const detailColumns = ['id', 'name', 'organisation', 'email', 'role', 'access_code', 'revoked_at'] as const

export type AuditActor = { readonly id: string; readonly name: string } | null

export function presentParticipant(row: Pick<ParticipantRow, 'id' | 'name' | 'organisation' | 'email' | 'role' | 'access_code' | 'revoked_at'>): ParticipantDetailView {
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    email: row.email,
    role: isRole(row.role) ? row.role : 'attendee',
    code: row.access_code,
    revoked: row.revoked_at !== null,
  }
}

export function invalidRows(errors: readonly RowError[]): AppError {
  const first = errors[0]
  const message = first ? `Ligne ${first.line}, ${first.field} : ${first.message}. Rien n’a été importé.` : 'Fichier invalide.'
  return new AppError(400, 'invalid_rows', message, errors)
}

/** Adds participants, each with a new code, all in one transaction: all of them or none. */
export async function importParticipants(
  db: Kysely<Database>,
  congressId: string,
  rows: readonly ParticipantInput[],
  actor: AuditActor,
  now: number,
  /** Where each row came from (CSV line or JSON position), to name it in an error. */
  lines: readonly number[] = rows.map((_, i) => i + 1),
): Promise<ParticipantDetailView[]> {
  return db.transaction().execute(async (trx) => {
    const congress = await trx.selectFrom('congresses').select('id').where('id', '=', congressId).executeTakeFirst()
    if (!congress) throw new AppError(404, 'not_found', 'Ce congrès n’existe pas.')
    const emails = rows.map((r) => r.email).filter((e): e is string => e !== null)
    if (emails.length > 0) {
      const taken = new Set(
        (await trx.selectFrom('participants').select('email').where('congress_id', '=', congressId).where('email', 'in', emails).execute()).map((r) => r.email),
      )
      const errors: RowError[] = []
      rows.forEach((row, index) => {
        if (row.email && taken.has(row.email)) errors.push({ line: lines[index] ?? index + 1, field: 'email', message: `« ${row.email} » est déjà inscrit à ce congrès` })
      })
      if (errors.length > 0) throw invalidRows(errors)
    }
    const created = rows.map((row) => ({
      id: newId(),
      congress_id: congressId,
      name: row.name,
      organisation: row.organisation,
      email: row.email,
      role: row.role,
      access_code: newAccessCode(),
      created_at: now,
      revoked_at: null,
    }))
    for (let i = 0; i < created.length; i += 200) await trx.insertInto('participants').values(created.slice(i, i + 200)).execute()
    await appendAudit(trx, { congressId, actor, action: 'participants.imported', payload: { count: created.length, ids: created.map((c) => c.id) } }, now)
    return created.map(presentParticipant)
  })
}

export async function listParticipants(db: Kysely<Database>, congressId: string): Promise<ParticipantDetailView[]> {
  const rows = await db
    .selectFrom('participants')
    .select(detailColumns)
    .where('congress_id', '=', congressId)
    .orderBy('name')
    .execute()
  return rows.map(presentParticipant)
}

async function participantOf(db: Kysely<Database>, congressId: string, participantId: string) {
  const row = await db
    .selectFrom('participants')
    .select(detailColumns)
    .where('id', '=', participantId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst()
  if (!row) throw new AppError(404, 'not_found', 'Ce participant n’existe pas.')
  return row
}

export async function getParticipant(db: Kysely<Database>, congressId: string, participantId: string): Promise<ParticipantDetailView> {
  return presentParticipant(await participantOf(db, congressId, participantId))
}

/** Revokes a participant's code and ends their sessions; the caller closes their open sockets. */
export async function revokeCode(db: Kysely<Database>, congressId: string, participantId: string, actor: AuditActor, now: number): Promise<ParticipantDetailView> {
  return db.transaction().execute(async (trx) => {
    const row = await participantOf(trx, congressId, participantId)
    if (actor && actor.id === participantId) throw new AppError(409, 'conflict', 'Vous ne pouvez pas révoquer votre propre code.')
    await trx.updateTable('participants').set({ revoked_at: now }).where('id', '=', participantId).execute()
    await trx.deleteFrom('sessions').where('participant_id', '=', participantId).execute()
    await appendAudit(trx, { congressId, actor, action: 'code.revoked', payload: { participantId, name: row.name } }, now)
    return presentParticipant({ ...row, revoked_at: now })
  })
}

/** Gives a participant a new code; the old one, and its sessions, stop working. */
export async function reissueCode(db: Kysely<Database>, congressId: string, participantId: string, actor: AuditActor, now: number): Promise<ParticipantDetailView> {
  return db.transaction().execute(async (trx) => {
    const row = await participantOf(trx, congressId, participantId)
    const code = newAccessCode()
    await trx.updateTable('participants').set({ access_code: code, revoked_at: null }).where('id', '=', participantId).execute()
    await trx.deleteFrom('sessions').where('participant_id', '=', participantId).execute()
    await appendAudit(trx, { congressId, actor, action: 'code.reissued', payload: { participantId, name: row.name } }, now)
    return presentParticipant({ ...row, access_code: code, revoked_at: null })
  })
}
