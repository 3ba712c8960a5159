import type { Kysely } from 'kysely'
import * as Y from 'yjs'
import type { Database } from '../../db/schema.ts'
import { congressLabels } from '../services/amendment-labels.ts'
import type { VotedSubject } from '../../shared/ballots/voted-place.ts'
import { textFr, votedPlaceChangesFr } from '../../shared/ballots/voted-place-fr.ts'
import { stateV2Paragraphs } from '../../shared/editor/doc-state.ts'
import { checkUpdate } from '../../shared/editor/update-check.ts'
import { emptyTextSize } from '../../shared/editor/text-size.ts'
import { fail } from '../domain-error.ts'
import { votedPlaceChanges } from '../services/voted-texts.ts'
import { textDigest } from './text-digest.ts'

/** What each text of a congress is, by document name: for errors that name it, in any language. */
export async function textSubjects(db: Kysely<Database>, congressId: string): Promise<Map<string, VotedSubject>> {
  const subjects = new Map<string, VotedSubject>()
  const congress = await db.selectFrom('congresses').select('preamble_doc').where('id', '=', congressId).executeTakeFirst()
  if (congress) subjects.set(congress.preamble_doc, { kind: 'preamble' })
  for (const p of await db.selectFrom('proposals').select(['doc_name', 'number']).where('congress_id', '=', congressId).execute()) {
    subjects.set(p.doc_name, { kind: 'proposal', number: p.number })
  }
  const labels = await congressLabels(db, congressId)
  for (const a of await db.selectFrom('amendments').select(['id', 'doc_name']).where('congress_id', '=', congressId).execute()) {
    subjects.set(a.doc_name, { kind: 'amendment', label: labels.get(a.id)! })
  }
  return subjects
}

/**
 * The paragraphs of a frozen text, checked first against the editor schema (the whole state, as
 * one update to an empty document): a text written outside it, by an operator into the database
 * say, is refused with its name rather than rendered wrong or not at all.
 */
export function frozenParagraphs(stateV2: Uint8Array, docName: string, text: VotedSubject | null): string[] {
  const verdict = checkUpdate(new Y.Doc(), Y.convertUpdateFormatV2ToV1(stateV2), emptyTextSize)
  // The size cap is for typing; a text stored over it still renders.
  if (!verdict.ok && verdict.reason === 'schema') {
    throw fail('seal_failed', { cause: 'outside_schema', docName, text }, `Le texte de ${textFr(docName, text)} sort du schéma de l’éditeur (${verdict.detail}) : il ne peut pas être scellé. Rien n’a été gelé.`)
  }
  try {
    return stateV2Paragraphs(stateV2)
  } catch (error) {
    throw fail('seal_failed', { cause: 'unrenderable', docName, text }, `Le texte de ${textFr(docName, text)} ne peut pas être rendu (${(error as Error).message}) : rien n’a été gelé.`)
  }
}

/**
 * Every text put to the vote must be, at the seal, the text that was voted: its digest is compared
 * with the one recorded when its ballot opened, and so is its place (a proposal's title, number and
 * question; for the motion, the congress's details and every question and proposal). The locks make
 * a difference unreachable through the app; this catches one made behind it (the database edited by
 * hand) and names what changed.
 */
export async function requireVotedTextsUnchanged(
  db: Kysely<Database>,
  congressId: string,
  paragraphsOf: (docName: string) => readonly string[],
  subjects: ReadonlyMap<string, VotedSubject>,
): Promise<void> {
  const voted = await db
    .selectFrom('ballot_texts')
    .innerJoin('ballots', 'ballots.id', 'ballot_texts.ballot_id')
    .leftJoin('ballot_parts', 'ballot_parts.ballot_id', 'ballots.id')
    .select(['ballot_texts.doc_name', 'ballot_texts.sha256', 'ballot_parts.ballot_id as part'])
    .where('ballots.congress_id', '=', congressId)
    .orderBy('ballot_texts.doc_name')
    .execute()
  // A part rejected in a vote by division was cut from its text: the text a part's ballot voted is
  // followed through each cut to the words it ends with. Any other ballot voted its text's final words.
  const cuts = await db.selectFrom('text_cuts').innerJoin('ballots', 'ballots.id', 'text_cuts.ballot_id').select(['text_cuts.doc_name', 'text_cuts.from_sha256', 'text_cuts.to_sha256']).where('ballots.congress_id', '=', congressId).execute()
  const after = new Map(cuts.map((c) => [`${c.doc_name}:${c.from_sha256}`, c.to_sha256]))
  const finalDigest = (docName: string, sha256: string) => {
    let digest = sha256
    for (let steps = 0; steps <= cuts.length && after.has(`${docName}:${digest}`); steps++) digest = after.get(`${docName}:${digest}`)!
    return digest
  }
  const changedDocs = new Set<string>()
  for (const { doc_name, sha256, part } of voted) if (textDigest(paragraphsOf(doc_name)) !== (part === null ? sha256 : finalDigest(doc_name, sha256))) changedDocs.add(doc_name)
  const texts = [...changedDocs].map((docName) => ({ docName, text: subjects.get(docName) ?? null }))
  const places = await votedPlaceChanges(db, congressId)
  if (texts.length === 0 && places.length === 0) return
  const what = [
    ...(texts.length > 0 ? [`texte modifié depuis son vote : ${[...new Set(texts.map((t) => textFr(t.docName, t.text)))].join(', ')}`] : []),
    ...(places.length > 0 ? [`structure modifiée depuis son vote — ${votedPlaceChangesFr(places)}`] : []),
  ]
  const message = `${what.join('. ').replace(/^./, (c) => c.toUpperCase())}. Le sceau ne certifie pas comme voté ce qui ne l’est pas ; rien n’a été gelé.`
  throw fail('voted_text_changed', { texts, places }, message)
}
