import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import { fail } from '../../domain-error.ts'
import { versionRecord, type TextVersionRecord } from '../../history/text-versions.ts'

/** Which base text a history page follows: the preamble, or a proposal by id. */
export type HistoryText = { readonly kind: 'preamble' } | { readonly kind: 'proposal'; readonly proposalId: string }

/** The document of a congress's base text (404 history_text_not_found). */
export async function historyDocName(db: Kysely<Database>, congressId: string, text: HistoryText): Promise<string> {
  if (text.kind === 'preamble') {
    const row = await db.selectFrom('congresses').select('preamble_doc').where('id', '=', congressId).executeTakeFirst()
    if (row) return row.preamble_doc
    throw fail('history_text_not_found', { docName: `${congressId}/preamble` }, 'Ce texte n’existe pas dans ce congrès.')
  }
  const row = await db.selectFrom('proposals').select('doc_name').where('id', '=', text.proposalId).where('congress_id', '=', congressId).executeTakeFirst()
  if (row) return row.doc_name
  throw fail('history_text_not_found', { docName: `${congressId}/proposal/${text.proposalId}` }, 'Ce texte n’existe pas dans ce congrès.')
}

/** A version of one of the congress's base texts (404 version_not_found otherwise). */
export async function loadVersion(db: Kysely<Database>, congressId: string, versionId: string): Promise<TextVersionRecord> {
  const version = await versionRecord(db, versionId)
  const kind = version && (await db.selectFrom('documents').select('kind').where('name', '=', version.docName).executeTakeFirst())?.kind
  if (!version || version.congressId !== congressId || (kind !== 'preamble' && kind !== 'proposal')) {
    throw fail('version_not_found', { versionId }, 'Cette version du texte n’existe pas.')
  }
  return version
}
