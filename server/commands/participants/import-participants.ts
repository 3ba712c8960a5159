import type { IssuedParticipantView } from '../../../shared/api-types.ts'
import type { FieldProblem } from '../../../shared/parsed.ts'
import type { ParticipantRows } from '../../../shared/participants/participant-rows.ts'
import { fail } from '../../domain-error.ts'
import { insertParticipants } from './participant-rows.ts'
import { presentParticipant } from '../../presenters/participant-view.ts'
import { requireCongress } from '../congress/congress-rows.ts'
import { command, type CommandActor, type CommandDeps } from '../command.ts'

/** Rows of an import refused, each naming its line and field: nothing is imported. */
export function invalidRows(problems: readonly FieldProblem[]) {
  const first = problems[0]
  const message = first ? `Ligne ${first.line ?? 1}, ${first.field} : ${first.message}. Rien n’a été importé.` : 'Fichier invalide.'
  return fail('invalid_rows', { count: problems.length }, message, problems)
}

/**
 * Adds participants, each with a new code, all in one transaction: all of them or none. The codes
 * are in the answer and nowhere else: the database keeps their hashes.
 */
export function importParticipants(deps: CommandDeps, actor: CommandActor, input: { congressId: string; participants: ParticipantRows }) {
  const { congressId, participants } = input
  const { rows, lines } = participants
  return command(deps, actor, async (steps) => {
    await steps.authorize(congressId, 'participants.manage')
    return steps.transaction(async (tx): Promise<{ participants: IssuedParticipantView[] }> => {
      await requireCongress(tx.trx, congressId)
      const emails = rows.map((r) => r.email).filter((e): e is string => e !== null)
      if (emails.length > 0) {
        const taken = new Set((await tx.trx.selectFrom('participants').select('email').where('congress_id', '=', congressId).where('email', 'in', emails).execute()).map((r) => r.email))
        const problems: FieldProblem[] = []
        rows.forEach((row, index) => {
          if (row.email && taken.has(row.email)) problems.push({ line: lines[index] ?? index + 1, field: 'email', rule: 'duplicate', message: `« ${row.email} » est déjà inscrit à ce congrès` })
        })
        if (problems.length > 0) throw invalidRows(problems)
      }
      const { created, codes } = await insertParticipants(tx.trx, congressId, rows, tx.now)
      await tx.audit(congressId, 'participants.imported', { count: created.length, ids: created.map((c) => c.id) })
      return { participants: created.map((row, i) => ({ ...presentParticipant(row), code: codes[i]! })) }
    })
  })
}
