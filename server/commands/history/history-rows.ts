import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import { fail } from '../../domain-error.ts'

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

/** Where a version sits: its text and its number. */
export interface VersionPlace {
  readonly id: string
  readonly docName: string
  readonly seq: number
}

/** A version of one of the congress's base texts (404 version_not_found otherwise): one row read. */
export async function loadVersion(db: Kysely<Database>, congressId: string, versionId: string): Promise<VersionPlace> {
  const row = await db
    .selectFrom('text_versions')
    .innerJoin('documents', 'documents.name', 'text_versions.doc_name')
    .select(['text_versions.id', 'text_versions.doc_name', 'text_versions.seq'])
    .where('text_versions.id', '=', versionId)
    .where('text_versions.congress_id', '=', congressId)
    .where('documents.kind', 'in', ['preamble', 'proposal'])
    .executeTakeFirst()
  if (!row) throw versionNotFound(versionId)
  return { id: row.id, docName: row.doc_name, seq: row.seq }
}

export function versionNotFound(versionId: string) {
  return fail('version_not_found', { versionId }, 'Cette version du texte n’existe pas.')
}
