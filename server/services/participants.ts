import type { Kysely } from 'kysely'
import type { Database, ParticipantRow } from '../../db/schema.ts'
import type { IssuedParticipantView, ParticipantDetailView } from '../../shared/api-types.ts'
import type { ParticipantInput, RowError } from '../../shared/participants/participant-rows.ts'
import { isRole } from '../../shared/roles.ts'
import { AppError } from '../app-error.ts'
import { hashAccessCode, newAccessCode, newId } from '../ids.ts'
import { appendAudit } from './audit.ts'

/** What the bureau sees of a participant (see presentParticipant): never their code, which is kept as a hash. */
const detailColumns = ['id', 'name', 'organisation', 'email', 'role', 'revoked_at'] as const

export type AuditActor = { readonly id: string; readonly name: string } | null

export function presentParticipant(row: Pick<ParticipantRow, 'id' | 'name' | 'organisation' | 'email' | 'role' | 'revoked_at'>): ParticipantDetailView {
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    email: row.email,
    role: isRole(row.role) ? row.role : 'attendee',
    revoked: row.revoked_at !== null,
  }
}

export function invalidRows(errors: readonly RowError[]): AppError {
  const first = errors[0]
  const message = first ? `Ligne ${first.line}, ${first.field} : ${first.message}. Rien n’a été importé.` : 'Fichier invalide.'
  return new AppError(400, 'invalid_rows', message, errors)
}

/**
 * Adds participants, each with a new code, all in one transaction: all of them or none. The codes
 * are in the answer and nowhere else: the database keeps their hashes.
 */
export async function importParticipants(
  db: Kysely<Database>,
  congressId: string,
  rows: readonly ParticipantInput[],
  actor: AuditActor,
  now: number,
  /** Where each row came from (CSV line or JSON position), to name it in an error. */
  lines: readonly number[] = rows.map((_, i) => i + 1),
): Promise<IssuedParticipantView[]> {
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
    const codes = rows.map(() => newAccessCode())
    const created = rows.map((row, i) => ({
      id: newId(),
      congress_id: congressId,
      name: row.name,
      organisation: row.organisation,
      email: row.email,
      role: row.role,
      access_code_hash: hashAccessCode(codes[i]!),
      created_at: now,
      revoked_at: null,
    }))
    for (let i = 0; i < created.length; i += 200) await trx.insertInto('participants').values(created.slice(i, i + 200)).execute()
    await appendAudit(trx, { congressId, actor, action: 'participants.imported', payload: { count: created.length, ids: created.map((c) => c.id) } }, now)
    return created.map((row, i) => ({ ...presentParticipant(row), code: codes[i]! }))
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
    await trx.updateTable('sign_ins').set({ ended_at: now }).where('participant_id', '=', participantId).where('ended_at', 'is', null).execute()
    await appendAudit(trx, { congressId, actor, action: 'code.revoked', payload: { participantId, name: row.name } }, now)
    return presentParticipant({ ...row, revoked_at: now })
  })
}

/**
 * Gives a participant a new code, shown in this answer only (reprinting a lost card means this);
 * the old one, and its sessions, stop working.
 */
export async function reissueCode(db: Kysely<Database>, congressId: string, participantId: string, actor: AuditActor, now: number): Promise<IssuedParticipantView> {
  return db.transaction().execute(async (trx) => {
    const row = await participantOf(trx, congressId, participantId)
    const code = newAccessCode()
    await trx.updateTable('participants').set({ access_code_hash: hashAccessCode(code), revoked_at: null }).where('id', '=', participantId).execute()
    await trx.deleteFrom('sessions').where('participant_id', '=', participantId).execute()
    await trx.updateTable('sign_ins').set({ ended_at: now }).where('participant_id', '=', participantId).where('ended_at', 'is', null).execute()
    await appendAudit(trx, { congressId, actor, action: 'code.reissued', payload: { participantId, name: row.name } }, now)
    return { ...presentParticipant({ ...row, revoked_at: null }), code }
  })
}

/**
 * The people of an access sheet: those whose code the bureau holds right now (just imported or
 * reissued, sent back in the request) and that still matches. A code that does not is refused: the
 * sheet prints only what was issued, and cannot be made again later without reissuing.
 */
export async function issuedParticipants(db: Kysely<Database>, congressId: string, issued: readonly { id: string; code: string }[]): Promise<IssuedParticipantView[]> {
  const ids = [...new Set(issued.map((p) => p.id))]
  const rows = new Map<string, Pick<ParticipantRow, 'id' | 'name' | 'organisation' | 'email' | 'role' | 'revoked_at' | 'access_code_hash'>>()
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .selectFrom('participants')
      .select([...detailColumns, 'access_code_hash'])
      .where('congress_id', '=', congressId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
    for (const row of found) rows.set(row.id, row)
  }
  return issued.map(({ id, code }, index) => {
    const row = rows.get(id)
    if (!row || row.revoked_at !== null || row.access_code_hash !== hashAccessCode(code)) {
      throw new AppError(409, 'conflict', `Participant ${index + 1} : ce code n’est pas (ou plus) le sien. Pour réimprimer une carte, émettez un nouveau code.`)
    }
    return { ...presentParticipant(row), code }
  })
}
