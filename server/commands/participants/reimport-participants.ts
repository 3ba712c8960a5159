import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import type { IssuedParticipantView, ParticipantDetailView, ReimportPreviewView, ReimportResultView } from '../../../shared/api-types.ts'
import type { FieldProblem } from '../../../shared/parsed.ts'
import type { ParticipantRows } from '../../../shared/participants/participant-rows.ts'
import { planReimport, type ReimportPlan } from '../../../shared/participants/reimport-plan.ts'
import { fail } from '../../domain-error.ts'
import { participantColumns, presentParticipant } from '../../presenters/participant-view.ts'
import { readPhase, requireCongress } from '../congress/congress-rows.ts'
import { command, query, type CommandActor, type CommandDeps } from '../command.ts'
import { invalidRows } from './import-participants.ts'
import { endSessionsOf, insertParticipants } from './participant-rows.ts'

type Db = Kysely<Database> | Transaction<Database>

/** The plan of a file against the people registered now, and what the role locks need. */
async function planFor(db: Db, congressId: string, selfId: string, file: ParticipantRows): Promise<ReimportPlan> {
  const [phase, registered, onRoll, inProxy] = await Promise.all([
    readPhase(db, congressId),
    db.selectFrom('participants').select(participantColumns).where('congress_id', '=', congressId).execute(),
    // Anyone on the roll of a ballot that opened, as a voter or as the holder of a proxy.
    db.selectFrom('ballot_voters').innerJoin('ballots', 'ballots.id', 'ballot_voters.ballot_id').select(['ballot_voters.represented_id', 'ballot_voters.holder_id']).where('ballots.congress_id', '=', congressId).execute(),
    db.selectFrom('proxies').select(['giver_id', 'holder_id']).where('congress_id', '=', congressId).execute(),
  ])
  return planReimport(registered, file, {
    selfId,
    onRoll: new Set(onRoll.flatMap((r) => [r.represented_id, r.holder_id])),
    inProxy: new Set(inProxy.flatMap((r) => [r.giver_id, r.holder_id])),
    sealed: phase === 'frozen' || phase === 'delivered',
  })
}

/** Names the plan: the apply refuses when the plan it computes is not the one the bureau saw. */
function fingerprintOf(plan: ReimportPlan): string {
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex')
}

/**
 * `POST …/participants/reimport/preview`: what the file would change, without changing anything.
 * A file that does not parse was refused before (400 invalid_rows, each line named, as any bad
 * input); the plan's own errors are rows well formed that may not apply to the people registered.
 */
export function previewReimport(deps: CommandDeps, actor: CommandActor, input: { congressId: string; file: ParticipantRows }) {
  const { congressId, file } = input
  return query(deps, actor, async (steps): Promise<ReimportPreviewView> => {
    await steps.authorize(congressId, 'participants.manage')
    await requireCongress(deps.db, congressId)
    const plan = await planFor(deps.db, congressId, actor.participantId, file)
    return { ...plan, fingerprint: fingerprintOf(plan) }
  })
}

/**
 * `POST …/participants/reimport?expect=<fingerprint>`: applies the plan in one transaction, logged
 * once. The plan is computed again inside the transaction: if it is not the one previewed (someone
 * was added, a ballot opened), nothing is written (409 reimport_changed); a file with errors writes
 * nothing either (400 invalid_rows). People whose role changed sign in again with the same code:
 * their sessions carried the old role.
 */
export function applyReimport(deps: CommandDeps, actor: CommandActor, input: { congressId: string; file: ParticipantRows; expect: string }) {
  const { congressId, file, expect } = input
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'participants.manage')
    return steps.transaction(async (tx): Promise<ReimportResultView> => {
      await requireCongress(tx.trx, congressId)
      const plan = await planFor(tx.trx, congressId, actor.participantId, file)
      if (plan.errors.length > 0) throw invalidRows(plan.errors as FieldProblem[])
      if (fingerprintOf(plan) !== expect) throw fail('reimport_changed', {}, 'La liste des inscrits a changé depuis l’aperçu : rien n’a été appliqué. Vérifiez de nouveau le fichier.')

      const { created, codes } = await insertParticipants(tx.trx, congressId, plan.added.map(({ person }) => person), tx.now)

      const changed: ParticipantDetailView[] = []
      const roleChanged: string[] = []
      for (const change of plan.changed) {
        const set: { name?: string; organisation?: string; role?: ParticipantDetailView['role'] } = {}
        const row = file.rows[file.lines.indexOf(change.line)]!
        for (const { field } of change.fields) {
          if (field === 'role') {
            set.role = row.role
            roleChanged.push(change.id)
          } else set[field] = row[field]
        }
        await tx.trx.updateTable('participants').set(set).where('id', '=', change.id).where('congress_id', '=', congressId).execute()
        const after = await tx.trx.selectFrom('participants').select(participantColumns).where('id', '=', change.id).executeTakeFirstOrThrow()
        changed.push(presentParticipant(after))
      }
      for (const id of roleChanged) await endSessionsOf(tx.trx, id, tx.now)

      await tx.audit(congressId, 'participants.reimported', {
        added: created.length,
        changed: plan.changed.length,
        unchanged: plan.unchanged,
        addedIds: created.map((c) => c.id),
        changes: plan.changed.map((c) => ({ participantId: c.id, fields: c.fields })),
      })
      tx.afterCommit(() => {
        // Closes the sockets and event streams of those whose role changed: they sign in again.
        for (const id of roleChanged) deps.hub.participantRevoked(congressId, id)
        // The check-in desk lists names and roles: open desks read theirs again.
        if (created.length > 0 || changed.length > 0) deps.hub.attendanceChanged(congressId)
      })
      const added: IssuedParticipantView[] = created.map((row, i) => ({ ...presentParticipant(row), code: codes[i]! }))
      return { added, changed, unchanged: plan.unchanged }
    })
  })
}
