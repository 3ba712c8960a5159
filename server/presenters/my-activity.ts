import type { ActivityVoteView, MyActivityView, SignInView } from '../../shared/api-types.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'

/** How many sign-ins a participant's page lists (newest first). */
const signInsShown = 100

/**
 * What was done with the actor's code: every sign-in (who signed in as them, when, from which kind
 * of device) and every vote the ballot box holds for them or that they cast for someone. Only the
 * participant reads it: it shows them a vote or a sign-in that was not theirs.
 */
export function presentMyActivity(deps: CommandDeps, actor: CommandActor, input: { congressId: string; currentSessionHash: string }) {
  return query(deps, actor, async (steps): Promise<MyActivityView> => {
    await steps.authorize(input.congressId, 'activity.own')
    const { participantId } = actor
    const signIns = await deps.db
      .selectFrom('sign_ins')
      .select(['at', 'browser', 'os', 'session_hash', 'ended_at'])
      .where('participant_id', '=', participantId)
      .orderBy('at', 'desc')
      .limit(signInsShown)
      .execute()
    const votes = await deps.db
      .selectFrom('ballot_participations as bp')
      .innerJoin('ballot_voters as bv', (join) => join.onRef('bv.ballot_id', '=', 'bp.ballot_id').onRef('bv.represented_id', '=', 'bp.represented_id'))
      .innerJoin('ballots as b', 'b.id', 'bp.ballot_id')
      .innerJoin('participants as r', 'r.id', 'bp.represented_id')
      .select(['bp.ballot_id', 'b.subject_kind', 'bp.cast_at', 'r.name as represented_name', 'bp.represented_id', 'bv.holder_id'])
      .where((eb) => eb.or([eb('bv.holder_id', '=', participantId), eb('bp.represented_id', '=', participantId)]))
      .orderBy('b.opened_at', 'desc')
      .execute()
    return {
      signIns: signIns.map(
        (row): SignInView => ({
          at: row.at,
          browser: row.browser,
          os: row.os,
          session: row.session_hash.slice(0, 8),
          current: row.session_hash === input.currentSessionHash,
          endedAt: row.ended_at,
        }),
      ),
      votes: votes.map(
        (row): ActivityVoteView => ({
          ballotId: row.ballot_id,
          subject: row.subject_kind,
          castAt: row.cast_at,
          representedName: row.represented_name,
          own: row.represented_id === participantId,
        }),
      ),
    }
  })
}
