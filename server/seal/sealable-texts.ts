import type { Kysely } from 'kysely'
import * as Y from 'yjs'
import type { Database } from '../../db/schema.ts'
import { amendmentLabel } from '../../shared/amendments/amendment-status.ts'
import { stateV2Paragraphs } from '../../shared/editor/doc-state.ts'
import { checkUpdate } from '../../shared/editor/update-check.ts'
import { emptyTextSize } from '../../shared/editor/text-size.ts'
import { fail } from '../domain-error.ts'
import { describeVotedPlaceChanges, votedPlaceChanges } from '../services/voted-texts.ts'
import { textDigest } from './text-digest.ts'

/** What a person calls each text of a congress, by document name: for messages that name it. */
export async function textLabels(db: Kysely<Database>, congressId: string): Promise<Map<string, string>> {
  const labels = new Map<string, string>()
  const congress = await db.selectFrom('congresses').select('preamble_doc').where('id', '=', congressId).executeTakeFirst()
  if (congress) labels.set(congress.preamble_doc, 'le préambule')
  for (const p of await db.selectFrom('proposals').select(['doc_name', 'number']).where('congress_id', '=', congressId).execute()) {
    labels.set(p.doc_name, `la proposition ${p.number}`)
  }
  const amendments = await db
    .selectFrom('amendments')
    .leftJoin('proposals', 'proposals.id', 'amendments.proposal_id')
    .select(['amendments.doc_name', 'amendments.number', 'proposals.number as proposalNumber'])
    .where('amendments.congress_id', '=', congressId)
    .execute()
  for (const a of amendments) labels.set(a.doc_name, `l’amendement ${amendmentLabel(a.proposalNumber ?? null, a.number)}`)
  return labels
}

/**
 * The paragraphs of a frozen text, checked first against the editor schema (the whole state, as
 * one update to an empty document): a text written outside it, by an operator into the database
 * say, is refused with its name rather than rendered wrong or not at all.
 */
export function frozenParagraphs(stateV2: Uint8Array, docName: string, label: string): string[] {
  const verdict = checkUpdate(new Y.Doc(), Y.convertUpdateFormatV2ToV1(stateV2), emptyTextSize)
  // The size cap is for typing; a text stored over it still renders.
  if (!verdict.ok && verdict.reason === 'schema') {
    throw fail('seal_failed', { cause: 'outside_schema', docName, text: label }, `Le texte de ${label} sort du schéma de l’éditeur (${verdict.detail}) : il ne peut pas être scellé. Rien n’a été gelé.`)
  }
  try {
    return stateV2Paragraphs(stateV2)
  } catch (error) {
    throw fail('seal_failed', { cause: 'unrenderable', docName, text: label }, `Le texte de ${label} ne peut pas être rendu (${(error as Error).message}) : rien n’a été gelé.`)
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
  labels: ReadonlyMap<string, string>,
): Promise<void> {
  const voted = await db
    .selectFrom('ballot_texts')
    .innerJoin('ballots', 'ballots.id', 'ballot_texts.ballot_id')
    .select(['ballot_texts.doc_name', 'ballot_texts.sha256'])
    .where('ballots.congress_id', '=', congressId)
    .orderBy('ballot_texts.doc_name')
    .execute()
  const changed = new Set<string>()
  for (const { doc_name, sha256 } of voted) if (textDigest(paragraphsOf(doc_name)) !== sha256) changed.add(labels.get(doc_name) ?? doc_name)
  const places = await votedPlaceChanges(db, congressId)
  if (changed.size === 0 && places.length === 0) return
  const what = [
    ...(changed.size > 0 ? [`texte modifié depuis son vote : ${[...changed].join(', ')}`] : []),
    ...(places.length > 0 ? [`structure modifiée depuis son vote — ${describeVotedPlaceChanges(places)}`] : []),
  ]
  const message = `${what.join('. ').replace(/^./, (c) => c.toUpperCase())}. Le sceau ne certifie pas comme voté ce qui ne l’est pas ; rien n’a été gelé.`
  throw fail('voted_text_changed', { texts: [...changed], places }, message)
}
