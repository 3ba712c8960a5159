import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { FreezeCheckView } from '../../shared/api-types.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { readPhase } from '../commands/congress/congress-rows.ts'
import { labelFrom } from '../services/amendment-labels.ts'

type Pending = FreezeCheckView['amendmentsPending'][number]['status']
const pendingStatuses: readonly Pending[] = ['submitted', 'admissible', 'adopted']
const isPending = (status: string): status is Pending => (pendingStatuses as readonly string[]).includes(status)
const byLabel = new Intl.Collator('fr', { numeric: true })

/**
 * `GET /api/congresses/:id/freeze-check`: what the freeze would seal unfinished, for the bureau that
 * may freeze (the freeze's own permission). Four reads, whatever the size of the motion.
 */
export function freezeCheck(deps: CommandDeps, actor: CommandActor, input: { readonly congressId: string }) {
  const { congressId } = input
  return query(deps, actor, async (steps): Promise<FreezeCheckView> => {
    await steps.authorize(congressId, 'congress.freeze')
    return readFreezeCheck(deps.db, congressId)
  })
}

/** What is outstanding, read on `db` (a transaction, for the bureau's dashboard: one snapshot). */
export async function readFreezeCheck(db: Kysely<Database>, congressId: string): Promise<FreezeCheckView> {
  const [phase, proposals, amendments, ballots] = await Promise.all([
    readPhase(db, congressId),
    db.selectFrom('proposals').select(['id', 'number', 'title', 'outcome']).where('congress_id', '=', congressId).orderBy('number').execute(),
    // Every amendment, not only the pending ones: a sub-amendment's label names its parent.
    db.selectFrom('amendments').select(['id', 'number', 'proposal_id', 'parent_id', 'rewording', 'status']).where('congress_id', '=', congressId).execute(),
    db
      .selectFrom('ballots')
      .select(['id', 'status', 'subject_kind', 'subject_id'])
      .where('congress_id', '=', congressId)
      .where('status', 'in', ['open', 'closed'])
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ])
  const numbers = new Map(proposals.map((p) => [p.id, p.number]))
  const amendmentsById = new Map(amendments.map((a) => [a.id, a]))
  const proposalNumber = (id: string | null) => (id === null ? null : (numbers.get(id) ?? 0))
  const label = (id: string) => {
    const row = amendmentsById.get(id)
    return row ? labelFrom(row, proposalNumber, (parent) => amendmentsById.get(parent)) : null
  }
  const amendmentsPending = amendments
    .flatMap((a) => (isPending(a.status) ? [{ id: a.id, label: label(a.id)!, status: a.status }] : []))
    .sort((a, b) => byLabel.compare(a.label, b.label))
  return {
    phase,
    proposalsNotVoted: proposals.filter((p) => p.outcome === null).map((p) => ({ id: p.id, number: p.number, title: p.title })),
    amendmentsPending,
    ballotsPending: ballots.map((b) => ({
      id: b.id,
      status: b.status === 'open' ? 'open' : 'closed',
      subject: {
        kind: b.subject_kind,
        proposalNumber: b.subject_kind === 'proposal' && b.subject_id ? (numbers.get(b.subject_id) ?? null) : null,
        amendmentLabel: b.subject_kind === 'amendment' && b.subject_id ? label(b.subject_id) : null,
      },
    })),
  }
}
