import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { AuditEntryView, AuditRefs, AuditTextRef } from '../../shared/api-types.ts'
import { labelFrom } from '../services/amendment-labels.ts'

// The payload keys that hold ids the log's sentences name (shared/audit/log-sentences-*.ts).
const personKeys = ['participantId', 'representedId', 'giverId', 'holderId']
const amendmentKeys = ['amendmentId', 'by', 'parentId']
const textKeys = ['docName', 'targetDoc']

function mentioned(entries: readonly AuditEntryView[], keys: readonly string[]): Set<string> {
  const ids = new Set<string>()
  for (const e of entries) for (const key of keys) if (typeof e.payload[key] === 'string') ids.add(e.payload[key])
  return ids
}

const only = <T>(pairs: Iterable<readonly [string, T]>, wanted: ReadonlySet<string>): Record<string, T> =>
  Object.fromEntries([...pairs].filter(([id]) => wanted.has(id)))

/**
 * The names the entries point at, read in five queries whatever the log's length: every row of
 * the congress's participants, amendments, proposals and questions (a congress's own, so bounded
 * by its size), kept only where an entry mentions it.
 */
export async function auditRefs(db: Kysely<Database>, congressId: string, entries: readonly AuditEntryView[]): Promise<AuditRefs> {
  const [congress, people, amendments, proposals, themes] = await Promise.all([
    db.selectFrom('congresses').select('preamble_doc').where('id', '=', congressId).executeTakeFirst(),
    db.selectFrom('participants').select(['id', 'name']).where('congress_id', '=', congressId).execute(),
    db.selectFrom('amendments').select(['id', 'number', 'proposal_id', 'parent_id', 'rewording', 'doc_name']).where('congress_id', '=', congressId).execute(),
    db.selectFrom('proposals').select(['id', 'number', 'doc_name']).where('congress_id', '=', congressId).execute(),
    db.selectFrom('themes').select(['id', 'title']).where('congress_id', '=', congressId).execute(),
  ])
  const numbers = new Map(proposals.map((p) => [p.id, p.number]))
  const byId = new Map(amendments.map((a) => [a.id, a]))
  const labels = new Map(amendments.map((a) => [a.id, labelFrom(a, (id) => (id === null ? null : (numbers.get(id) ?? 0)), (id) => byId.get(id))]))
  const texts: [string, AuditTextRef][] = [
    ...(congress ? [[congress.preamble_doc, { kind: 'preamble' }] as [string, AuditTextRef]] : []),
    ...proposals.map((p): [string, AuditTextRef] => [p.doc_name, { kind: 'proposal', number: p.number }]),
    ...amendments.map((a): [string, AuditTextRef] => [a.doc_name, { kind: 'amendment', label: labels.get(a.id) ?? '' }]),
  ]
  return {
    people: only(people.map((p) => [p.id, p.name] as const), mentioned(entries, personKeys)),
    amendments: only(labels, mentioned(entries, amendmentKeys)),
    texts: only(texts, mentioned(entries, textKeys)),
    proposals: only(numbers, mentioned(entries, ['proposalId'])),
    themes: only(themes.map((t) => [t.id, t.title] as const), mentioned(entries, ['themeId'])),
  }
}
