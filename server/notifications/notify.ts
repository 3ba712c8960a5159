import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { NotificationKind } from '../../shared/notifications/notification-kinds.ts'
import type { AuditEvent } from '../services/audit.ts'
import { labelOf } from '../services/amendment-labels.ts'

/**
 * What a decision tells whom, read from its log entry: every decision already says what happened
 * there (action and payload), so the one place that writes notifications is the runner's audit step
 * (server/commands/command.ts), inside the decision's transaction, never a copy per command. The
 * actor is never told of their own act. Returns who was told, for the announcement after commit.
 *
 * Proposals have no authors in Plenum (the bureau writes them and delegates co-edit them), so "an
 * amendment filed on mine" is an amendment's: a sub-amendment filed on my amendment, or the
 * bureau's rewording of it.
 */
export async function notifyOf(trx: Transaction<Database>, event: AuditEvent, now: number): Promise<string[]> {
  const found = await recipientsOf(trx, event)
  if (!found) return []
  const told = [...new Set(found.to)].filter((id) => id !== '' && id !== event.actor?.id)
  if (told.length === 0) return []
  const { kind, label, parentLabel = null, amendmentId = null, ballotId = null } = found
  const actorName = event.actor?.name ?? 'ligne de commande'
  for (let i = 0; i < told.length; i += 500) {
    const chunk = told.slice(i, i + 500)
    await trx
      .insertInto('notifications')
      .values(chunk.map((participantId) => ({ congress_id: event.congressId, participant_id: participantId, kind, at: now, actor_name: actorName, label, parent_label: parentLabel, amendment_id: amendmentId, ballot_id: ballotId })))
      .execute()
  }
  return told
}

interface Found {
  readonly to: readonly string[]
  readonly kind: NotificationKind
  readonly label: string
  readonly parentLabel?: string
  readonly amendmentId?: string
  readonly ballotId?: string
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

async function recipientsOf(trx: Transaction<Database>, { action, payload }: AuditEvent): Promise<Found | undefined> {
  const amendmentId = str(payload.amendmentId)
  const label = str(payload.label) ?? ''
  switch (action) {
    case 'amendment.filed':
    case 'amendment.rewording_proposed': {
      const parentId = str(payload.parentId)
      if (!parentId || !amendmentId) return undefined
      const parent = await trx.selectFrom('amendments').select(['id', 'number', 'proposal_id', 'parent_id', 'rewording', 'author_id']).where('id', '=', parentId).executeTakeFirst()
      if (!parent) return undefined
      const parentLabel = await labelOf(trx, parent)
      // A rewording is put to the author alone; a sub-amendment concerns everyone who signs the parent.
      if (action === 'amendment.rewording_proposed') return { to: [parent.author_id], kind: 'rewording', label, parentLabel, amendmentId }
      return { to: await signersOf(trx, parent.id, parent.author_id), kind: 'sub_amendment', label, parentLabel, amendmentId }
    }
    case 'amendment.cosigned':
      return amendmentId === undefined ? undefined : { to: [await authorOf(trx, amendmentId)], kind: 'cosign_asked', label, amendmentId }
    case 'amendment.cosign_invitation_accepted':
      return amendmentId === undefined ? undefined : { to: [await authorOf(trx, amendmentId)], kind: 'invitation_accepted', label, amendmentId }
    case 'amendment.cosigner_accepted':
    case 'amendment.cosign_invited': {
      const participantId = str(payload.participantId)
      if (!participantId || !amendmentId) return undefined
      return { to: [participantId], kind: action === 'amendment.cosign_invited' ? 'cosign_invited' : 'cosign_accepted', label, amendmentId }
    }
    case 'amendment.ruled':
    case 'amendment.ruling_changed': {
      if (!amendmentId || typeof payload.admissible !== 'boolean') return undefined
      return { to: await signersOf(trx, amendmentId, await authorOf(trx, amendmentId)), kind: payload.admissible ? 'ruled_admissible' : 'ruled_inadmissible', label, amendmentId }
    }
    case 'ballot.opened': {
      const ballotId = str(payload.ballotId)
      if (!ballotId) return undefined
      // Whoever holds a right in this ballot (their own, or a proxy): the list the opening fixed.
      const holders = await trx.selectFrom('ballot_voters').select('holder_id').distinct().where('ballot_id', '=', ballotId).execute()
      return { to: holders.map((h) => h.holder_id), kind: 'ballot_opened', label: str(payload.subject) ?? '', ballotId }
    }
    default:
      return undefined
  }
}

async function authorOf(trx: Transaction<Database>, amendmentId: string): Promise<string> {
  const row = await trx.selectFrom('amendments').select('author_id').where('id', '=', amendmentId).executeTakeFirst()
  return row?.author_id ?? ''
}

/** The author and the accepted co-signers: who the amendment is "mine" to. */
async function signersOf(trx: Transaction<Database>, amendmentId: string, authorId: string): Promise<string[]> {
  const cosigners = await trx.selectFrom('amendment_cosigners').select('participant_id').where('amendment_id', '=', amendmentId).where('accepted_at', 'is not', null).execute()
  return [authorId, ...cosigners.map((c) => c.participant_id)]
}
