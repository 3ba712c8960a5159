import type { DeliveryView } from '../../shared/api-types.ts'
import { AppError } from '../app-error.ts'
import { requireAllowed } from '../auth/authorize.ts'
import type { AppDeps, SessionActor } from '../env.ts'
import { hashAccessCode, newAccessCode, newId } from '../ids.ts'
import { joinLink } from '../services/join-link.ts'
import { appendAudit, auditActor } from '../services/audit.ts'
import { currentPhase } from '../services/phase.ts'

export interface DeliveryInput {
  readonly advisorName: string
  readonly institution: string
  /** YYYY-MM-DD. */
  readonly date: string
  readonly channel: string
}

const text = (body: Record<string, unknown>, field: string, max: number): string => {
  const value = body[field]
  if (typeof value !== 'string' || value.trim() === '' || value.length > max || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new AppError(400, 'bad_request', `Champ « ${field} » : un texte d’une ligne, de ${max} caractères au plus.`)
  }
  return value.trim()
}

export function parseDelivery(body: Record<string, unknown>): DeliveryInput {
  const date = text(body, 'date', 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new AppError(400, 'bad_request', 'Champ « date » : une date AAAA-MM-JJ.')
  return { advisorName: text(body, 'advisorName', 200), institution: text(body, 'institution', 200), date, channel: text(body, 'channel', 200) }
}

/**
 * Records that the motion was handed to an advisor, and gives them a code (role advisor) to its
 * read-only page. The first delivery moves the congress to `delivered`.
 */
export async function recordDelivery(deps: Pick<AppDeps, 'db' | 'hub' | 'clock'>, actor: SessionActor, congressId: string, input: DeliveryInput, joinBase: string): Promise<DeliveryView> {
  requireAllowed(deps, actor, congressId, 'delivery.record')
  const now = deps.clock()
  const id = newId()
  const participantId = newId()
  const code = newAccessCode()
  const phase = await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('participants')
      .values({ id: participantId, congress_id: congressId, name: input.advisorName, organisation: input.institution, email: null, role: 'advisor', access_code_hash: hashAccessCode(code), created_at: now, revoked_at: null })
      .execute()
    await trx
      .insertInto('deliveries')
      .values({ id, congress_id: congressId, advisor_name: input.advisorName, institution: input.institution, delivered_on: input.date, channel: input.channel, participant_id: participantId, created_at: now })
      .execute()
    const from = await currentPhase(trx, congressId)
    if (from === 'frozen') await trx.updateTable('congresses').set({ phase: 'delivered' }).where('id', '=', congressId).execute()
    await appendAudit(trx, { congressId, actor: auditActor(actor), action: 'motion.delivered', payload: { deliveryId: id, ...input } }, now)
    return from === 'frozen' ? 'delivered' : from
  })
  if (phase === 'delivered') deps.hub.phaseChanged(congressId, 'delivered')
  return { id, ...input, code, joinUrl: joinLink(joinBase, code) }
}

export async function listDeliveries(deps: Pick<AppDeps, 'db' | 'hub'>, actor: SessionActor, congressId: string, joinBase: string): Promise<DeliveryView[]> {
  requireAllowed(deps, actor, congressId, 'delivery.record')
  const rows = await deps.db
    .selectFrom('deliveries')
    .innerJoin('participants', 'participants.id', 'deliveries.participant_id')
    .select(['deliveries.id', 'advisor_name', 'institution', 'delivered_on', 'channel'])
    .where('deliveries.congress_id', '=', congressId)
    .orderBy('deliveries.created_at')
    .execute()
  // The advisor's code was shown once, when the delivery was recorded: only its hash is kept.
  return rows.map((r) => ({ id: r.id, advisorName: r.advisor_name, institution: r.institution, date: r.delivered_on, channel: r.channel, code: null, joinUrl: null }))
}
