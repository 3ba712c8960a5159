import type { RecordLanguage } from '../../shared/requests/record-requests.ts'
import { buildComparativeTable } from '../../shared/record/comparative.ts'
import { buildMinutes } from '../../shared/record/minutes.ts'
import type { RecordDocument } from '../../shared/record/record-document.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import type { AppDeps } from '../env.ts'
import { readComparativeData } from '../record/comparative-source.ts'
import { readMinutesData } from '../record/minutes-source.ts'

export type RecordPresenterDeps = CommandDeps & Pick<AppDeps, 'documents'>

/** The minutes as they stand, for the bureau: a preview before the freeze, the sealed words after it. */
export function presentMinutes(deps: CommandDeps, actor: CommandActor, input: { congressId: string; lang: RecordLanguage }) {
  return query(deps, actor, async (steps): Promise<RecordDocument> => {
    await steps.authorize(input.congressId, 'audit.read')
    return buildMinutes(await readMinutesData(deps.db, input.congressId), input.lang)
  })
}

/** The comparative table, for every member: the texts as they stand (the frozen ones once frozen). */
export function presentComparative(deps: RecordPresenterDeps, actor: CommandActor, input: { congressId: string; lang: RecordLanguage }) {
  return query(deps, actor, async (steps): Promise<RecordDocument> => {
    await steps.authorize(input.congressId, 'congress.read')
    const minutes = await readMinutesData(deps.db, input.congressId)
    return buildComparativeTable(await readComparativeData(deps.db, minutes, (name) => deps.documents.read(name)), input.lang)
  })
}
