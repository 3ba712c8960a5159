import type { Kysely } from 'kysely'
import type { AmendmentRow, Database } from '../../../db/schema.ts'
import { fail } from '../../domain-error.ts'
import { isVotedText } from '../../services/voted-texts.ts'
import type { CommandActor, Tx } from '../command.ts'
import { labelOf } from '../../services/amendment-labels.ts'
import { setStatus } from './amendment-rows.ts'

// A ruling on an amendment's admissibility, first given or changed: the status, the reason, who
// and when on the row (the page shows them), and its log entry, in the command's transaction.

export interface Ruling {
  readonly admissible: boolean
  readonly reason: string
}

/** Inside a transaction: the ruling written and logged as `action` (with `extra` in its entry). */
export async function recordRuling(tx: Tx, actor: CommandActor, row: AmendmentRow, ruling: Ruling, action: 'amendment.ruled' | 'amendment.ruling_changed', extra: Record<string, unknown> = {}): Promise<void> {
  await setStatus(tx, row, ruling.admissible ? 'admissible' : 'inadmissible', action, { admissible: ruling.admissible, reason: ruling.reason, ...extra }, ruling.reason)
  await tx.trx
    .updateTable('amendments')
    .set({ ruled_by: actor.participantId === '' ? null : actor.participantId, ruled_at: tx.now })
    .where('id', '=', row.id)
    .execute()
}

/** Sub-amendments the assembly has decided on: their vote stood on their amendment being admissible. */
const decidedStatuses = ['adopted', 'rejected', 'merged'] as const

/**
 * A ruling changes only while nothing stands on it: no ballot on the amendment was ever prepared or
 * held (a ballot's result, its electorate and the minutes name it), no ballot on one of its
 * sub-amendments, none of its sub-amendments decided by the assembly, and the text it amends not
 * yet put to the vote (its fate is then the record's). Read inside the transaction, so a ballot
 * prepared meanwhile is seen. 409 `ruling_depended_on`.
 */
export async function requireNothingStandsOnRuling(trx: Kysely<Database>, row: AmendmentRow): Promise<void> {
  const ballotOn = (ids: readonly string[]) =>
    trx
      .selectFrom('ballots')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('subject_kind', '=', 'amendment'), eb('subject_id', 'in', ids)]),
          eb('id', 'in', eb.selectFrom('ballot_block_members').select('ballot_id').where('amendment_id', 'in', ids)),
        ]),
      )
      .executeTakeFirst()
  const ballot = await ballotOn([row.id])
  if (ballot) throw fail('ruling_depended_on', { amendmentId: row.id, reason: 'ballot', by: ballot.id }, 'Un scrutin sur cet amendement a été préparé ou tenu : sa recevabilité ne change plus.')
  const children = await trx.selectFrom('amendments').selectAll().where('parent_id', '=', row.id).where('rewording', '=', 0).execute()
  for (const child of children) {
    if ((decidedStatuses as readonly string[]).includes(child.status) || (await ballotOn([child.id]))) {
      const label = await labelOf(trx, child)
      throw fail('ruling_depended_on', { amendmentId: row.id, reason: 'sub_amendment', by: label }, `Le sous-amendement ${label} a été mis aux voix ou l’est bientôt : la recevabilité de cet amendement ne change plus.`)
    }
  }
  if (await isVotedText(trx, row.target_doc)) {
    throw fail('ruling_depended_on', { amendmentId: row.id, reason: 'voted_text', by: row.target_doc }, 'Le texte visé a été mis aux voix : la recevabilité de cet amendement ne change plus.')
  }
}
