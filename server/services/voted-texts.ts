import type { Kysely } from 'kysely'
import type { BallotRow, Database } from '../../db/schema.ts'
import { stateParagraphs } from '../../shared/editor/doc-state.ts'
import { AppError } from '../app-error.ts'
import type { DocumentAccess } from '../sync/sync-server.ts'
import { textDigest } from '../seal/text-digest.ts'

/**
 * The texts a ballot puts to the vote: a proposal's or an amendment's own text; for the motion,
 * the preamble and every proposal. Once its ballot opens a text is locked (no edit on the socket,
 * no merge) and its digest is kept, which the seal checks.
 */
async function subjectDocs(db: Kysely<Database>, ballot: Pick<BallotRow, 'congress_id' | 'subject_kind' | 'subject_id'>): Promise<string[]> {
  if (ballot.subject_kind === 'proposal') {
    const row = await db.selectFrom('proposals').select('doc_name').where('id', '=', ballot.subject_id ?? '').executeTakeFirst()
    return row ? [row.doc_name] : []
  }
  if (ballot.subject_kind === 'amendment') {
    const row = await db.selectFrom('amendments').select('doc_name').where('id', '=', ballot.subject_id ?? '').executeTakeFirst()
    return row ? [row.doc_name] : []
  }
  const congress = await db.selectFrom('congresses').select('preamble_doc').where('id', '=', ballot.congress_id).executeTakeFirstOrThrow()
  const proposals = await db.selectFrom('proposals').select('doc_name').where('congress_id', '=', ballot.congress_id).orderBy('number').execute()
  return [congress.preamble_doc, ...proposals.map((p) => p.doc_name)]
}

export async function isVotedText(db: Kysely<Database>, docName: string): Promise<boolean> {
  const row = await db
    .selectFrom('ballot_texts')
    .innerJoin('ballots', 'ballots.id', 'ballot_texts.ballot_id')
    .select('ballot_texts.doc_name')
    .where('ballot_texts.doc_name', '=', docName)
    .where('ballots.status', '!=', 'draft')
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Inside the opening's transaction: refuses a ballot on an amendment whose target was already put
 * to the vote (adopting it could no longer change that text), then records each text put to the
 * vote with the digest of its paragraphs, as the seal computes it.
 */
export async function recordVotedTexts(trx: Kysely<Database>, documents: DocumentAccess, ballot: Pick<BallotRow, 'id' | 'congress_id' | 'subject_kind' | 'subject_id'>): Promise<void> {
  if (ballot.subject_kind === 'amendment') {
    const amendment = await trx.selectFrom('amendments').select('target_doc').where('id', '=', ballot.subject_id ?? '').executeTakeFirst()
    if (amendment && (await isVotedText(trx, amendment.target_doc))) {
      throw new AppError(409, 'text_voted', 'Le texte que vise cet amendement a déjà été mis aux voix : il ne change plus, l’amendement ne peut plus être voté.')
    }
  }
  for (const docName of await subjectDocs(trx, ballot)) {
    const state = documents.read(docName)
    if (!state) throw new AppError(404, 'not_found', 'Le texte mis aux voix est introuvable.')
    await trx.insertInto('ballot_texts').values({ ballot_id: ballot.id, doc_name: docName, sha256: textDigest(stateParagraphs(state)) }).execute()
  }
}
