import type { RecordFormat, RecordLanguage } from '../../shared/requests/record-requests.ts'
import { buildComparativeTable } from '../../shared/record/comparative.ts'
import { buildMinutes } from '../../shared/record/minutes.ts'
import type { RecordDocument } from '../../shared/record/record-document.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import type { AppDeps } from '../env.ts'
import { readComparativeData } from '../record/comparative-source.ts'
import { readMinutesData } from '../record/minutes-source.ts'
import { cachedRecord, recordKey } from '../record/record-cache.ts'
import { recordFileTypes, renderRecordFile } from '../record/render-record.ts'
import type { FileView } from './seal-bundle.ts'

export type RecordPresenterDeps = CommandDeps & Pick<AppDeps, 'documents'>
export type RecordKind = 'minutes' | 'comparative'

export interface RecordInput {
  readonly congressId: string
  readonly kind: RecordKind
  readonly lang: RecordLanguage
}

// The minutes name who was present and who spoke: the bureau's. The comparative table shows what every member reads already.
const readers = { minutes: 'audit.read', comparative: 'congress.read' } as const
const fileNames: Record<RecordKind, string> = { minutes: 'proces-verbal', comparative: 'tableau-comparatif' }

/** The record as it stands (once frozen, as sealed), from one computation per change of the congress, whoever asks. */
async function readRecord(deps: RecordPresenterDeps, input: RecordInput): Promise<RecordDocument> {
  const { congressId, kind, lang } = input
  const key = await recordKey(deps.db, deps.documents, congressId)
  return cachedRecord(`${congressId}:${kind}:${lang}`, key, async () => {
    // The comparative table reads no ballot box.
    const minutes = await readMinutesData(deps.db, congressId, { ballots: kind === 'minutes' })
    if (kind === 'minutes') return buildMinutes(minutes, lang)
    return buildComparativeTable(await readComparativeData(deps.db, minutes, (name) => deps.documents.read(name)), lang)
  })
}

/** The minutes (bureau: a preview before the freeze) or the comparative table (every member), as their page reads them. */
export function presentRecord(deps: RecordPresenterDeps, actor: CommandActor, input: RecordInput) {
  return query(deps, actor, async (steps): Promise<RecordDocument> => {
    await steps.authorize(input.congressId, readers[input.kind])
    return readRecord(deps, input)
  })
}

/** The same as a file to download. */
export function presentRecordFile(deps: RecordPresenterDeps, actor: CommandActor, input: RecordInput & { readonly format: Exclude<RecordFormat, 'json'> }) {
  return query(deps, actor, async (steps): Promise<FileView> => {
    await steps.authorize(input.congressId, readers[input.kind])
    const { congressId, kind, lang, format } = input
    const key = await recordKey(deps.db, deps.documents, congressId)
    const bytes = await cachedRecord(`${congressId}:${kind}:${lang}:${format}`, key, async () => new Uint8Array(await renderRecordFile(await readRecord(deps, input), format)))
    return { bytes, contentType: recordFileTypes[format], fileName: `${fileNames[kind]}${lang === 'fr' ? '' : `.${lang}`}.${format}` }
  })
}
