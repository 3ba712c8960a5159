import type { CosignInvitationsView } from '../../shared/notifications/cosign-invitations.ts'
import { editableStatuses } from '../../shared/amendments/amendment-status.ts'
import { byName } from '../../shared/text/french-order.ts'
import { loadAmendment } from '../commands/amendments/amendment-rows.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'

/**
 * GET /api/amendments/:aid/cosign-invitations: who the author has invited and not heard from yet,
 * whether I am one of them, and (for the author, while the amendment is in their hands) the
 * delegates they may still invite, in French order.
 */
export function cosignInvitations(deps: Pick<CommandDeps, 'db' | 'hub' | 'clock'>, actor: CommandActor, input: { amendmentId: string }) {
  return query(deps, actor, async (steps): Promise<CosignInvitationsView> => {
    const row = await loadAmendment(deps.db, input.amendmentId)
    await steps.authorize(row.congress_id, 'congress.read')
    const invited = await deps.db
      .selectFrom('amendment_cosign_invitations as i')
      .innerJoin('participants as p', 'p.id', 'i.participant_id')
      .select(['p.id', 'p.name'])
      .where('i.amendment_id', '=', row.id)
      .execute()
    const open = editableStatuses.includes(row.status) && row.rewording === 0
    let candidates: { id: string; name: string }[] = []
    if (open && actor.participantId === row.author_id) {
      const signing = await deps.db.selectFrom('amendment_cosigners').select('participant_id').where('amendment_id', '=', row.id).execute()
      const taken = new Set([row.author_id, ...signing.map((s) => s.participant_id), ...invited.map((i) => i.id)])
      const delegates = await deps.db.selectFrom('participants').select(['id', 'name']).where('congress_id', '=', row.congress_id).where('role', '=', 'delegate').where('revoked_at', 'is', null).execute()
      candidates = delegates.filter((d) => !taken.has(d.id)).sort(byName)
    }
    // Once the amendment leaves its authors' hands, an invitation left unanswered can no longer be taken: none is shown.
    if (!open) return { invited: [], invitedMe: false, candidates }
    return { invited: invited.sort(byName), invitedMe: invited.some((i) => i.id === actor.participantId), candidates }
  })
}
