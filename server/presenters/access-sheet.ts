import type { Kysely } from 'kysely'
import type { Database, ParticipantRow } from '../../db/schema.ts'
import type { IssuedParticipantView } from '../../shared/api-types.ts'
import type { AccessSheetRequest } from '../../shared/requests/congress-requests.ts'
import { readCongressView } from './congress-view.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { fail } from '../domain-error.ts'
import { hashAccessCode } from '../ids.ts'
import { accessSheetPdf } from '../services/access-sheet.ts'
import { participantColumns, presentParticipant } from './participant-view.ts'

/**
 * The access sheet (PDF) of codes the bureau holds right now: just imported or reissued, sent back
 * in the request, and still matching. `baseUrl` is where people open Plenum, for the cards' links.
 */
export function presentAccessSheet(deps: CommandDeps, actor: CommandActor, input: { congressId: string; baseUrl: string } & AccessSheetRequest) {
  const { congressId } = input
  return query(deps, actor, async (steps): Promise<Uint8Array<ArrayBuffer>> => {
    await steps.authorize(congressId, 'participants.manage')
    const [congress, participants] = await Promise.all([readCongressView(deps.db, congressId), issuedParticipants(deps.db, congressId, input.participants)])
    return new Uint8Array(await accessSheetPdf({ title: congress.title, organisation: congress.organisation, issuedAt: new Date(deps.clock()).toISOString() }, participants, input.baseUrl))
  })
}

/**
 * A code that is not (or no longer) its participant's is refused: the sheet prints only what was
 * issued, and cannot be made again later without reissuing.
 */
async function issuedParticipants(db: Kysely<Database>, congressId: string, issued: AccessSheetRequest['participants']): Promise<IssuedParticipantView[]> {
  const ids = [...new Set(issued.map((p) => p.id))]
  const rows = new Map<string, Pick<ParticipantRow, (typeof participantColumns)[number] | 'access_code_hash'>>()
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .selectFrom('participants')
      .select([...participantColumns, 'access_code_hash'])
      .where('congress_id', '=', congressId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
    for (const row of found) rows.set(row.id, row)
  }
  return issued.map(({ id, code }, index) => {
    const row = rows.get(id)
    if (!row || row.revoked_at !== null || row.access_code_hash !== hashAccessCode(code)) {
      throw fail('access_code_mismatch', { participantId: id, position: index + 1 }, `Participant ${index + 1} : ce code n’est pas (ou plus) le sien. Pour réimprimer une carte, émettez un nouveau code.`)
    }
    return { ...presentParticipant(row), code }
  })
}
