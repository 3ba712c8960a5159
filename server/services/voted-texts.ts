import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { BallotRow, Database } from '../../db/schema.ts'
import { decodeVotedPlace } from '../../db/json-columns.ts'
import { amendmentLabel } from '../../shared/amendments/amendment-status.ts'
import { congressFields, type AmendmentPlace, type CongressField, type PlaceChange, type ProposalPlace, type ThemePlace, type VotedPlace, type VotedPlaceChange, type VotedSubject } from '../../shared/ballots/voted-place.ts'
import { canonicalJson } from '../../shared/canonical-json.ts'
import { stateParagraphs } from '../../shared/editor/doc-state.ts'
import { fail } from '../domain-error.ts'
import { blockMembers } from '../commands/ballots/ballot-rows.ts'
import type { DocumentAccess } from '../sync/sync-server.ts'
import { textDigest } from '../seal/text-digest.ts'

type BallotSubject = Pick<BallotRow, 'id' | 'congress_id' | 'subject_kind' | 'subject_id'>

/**
 * The texts a ballot puts to the vote: a proposal's (a block's every proposal's) or an amendment's
 * own text; for the motion, the preamble and every proposal. Once its ballot opens a text is locked (no edit on the socket,
 * no merge) and its digest is kept, which the seal checks.
 */
async function subjectDocs(db: Kysely<Database>, ballot: BallotSubject): Promise<string[]> {
  if (ballot.subject_kind === 'proposal' || ballot.subject_kind === 'amendment') {
    // A block's every member; a part's (or a proposal's, or an amendment's) own.
    const members = await blockMembers(db, ballot.id)
    const ids = members.length > 0 ? members : [ballot.subject_id ?? '']
    const rows = await db.selectFrom(ballot.subject_kind === 'proposal' ? 'proposals' : 'amendments').select(['id', 'doc_name']).where('id', 'in', ids).execute()
    return ids.flatMap((id) => rows.filter((r) => r.id === id).map((r) => r.doc_name))
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

/** The texts an opening will record, read before its transaction. */
export interface TextsAhead {
  readonly texts: readonly { readonly docName: string; readonly sha256: string }[]
}

/**
 * Reads the texts a ballot is about to put to the vote, BEFORE the opening's transaction: reading a
 * live room stores (and broadcasts) the edits it had not stored yet, which must not happen inside
 * a transaction that may still roll back (those edits would leave the log while every client has
 * them). The opening then checks, inside its transaction, that the database still holds these texts.
 */
export async function readTextsAhead(db: Kysely<Database>, documents: DocumentAccess, ballot: BallotSubject): Promise<TextsAhead> {
  const docNames = await subjectDocs(db, ballot)
  const texts = await Promise.all(
    docNames.map(async (docName) => {
      const state = await documents.read(docName)
      if (!state) throw fail('voted_text_missing', { docName }, 'Le texte mis aux voix est introuvable.')
      return { docName, sha256: textDigest(stateParagraphs(state)) }
    }),
  )
  return { texts }
}

/**
 * Inside the opening's transaction: refuses a ballot on an amendment whose target was already put
 * to the vote (adopting it could no longer change that text), then records each text put to the
 * vote with the digest of its paragraphs, as the seal computes it, and the place of those texts in
 * the motion (votedPlace). The texts are read from the database: the transaction holds the
 * congress's row, so no process stores an edit to them from here on, and one stored since they were
 * read ahead (on this process or another) makes the opening refuse rather than record a text the
 * bureau did not see.
 */
export async function recordVotedTexts(trx: Transaction<Database>, documents: DocumentAccess, ballot: Pick<BallotRow, 'id' | 'congress_id' | 'subject_kind' | 'subject_id'>, ahead: TextsAhead): Promise<void> {
  const members = ballot.subject_kind === 'amendment' ? await blockMembers(trx, ballot.id) : []
  const amendmentIds = ballot.subject_kind !== 'amendment' ? [] : members.length > 0 ? members : [ballot.subject_id ?? '']
  for (const amendment of amendmentIds.length === 0 ? [] : await trx.selectFrom('amendments').select(['id', 'target_doc']).where('id', 'in', amendmentIds).execute()) {
    if (await isVotedText(trx, amendment.target_doc)) {
      throw fail('text_voted', { docName: amendment.target_doc, amendmentId: amendment.id, attempted: 'ballot' }, 'Le texte que vise cet amendement a déjà été mis aux voix : il ne change plus, l’amendement ne peut plus être voté.')
    }
  }
  const docNames = await subjectDocs(trx, ballot)
  const stored = await Promise.all(docNames.map(async (docName) => documents.readStored(docName, trx)))
  const unchanged =
    docNames.length === ahead.texts.length && ahead.texts.every((t, i) => t.docName === docNames[i] && stored[i] !== undefined && textDigest(stateParagraphs(stored[i])) === t.sha256)
  if (!unchanged) throw fail('voted_texts_changed_meanwhile', { ballotId: ballot.id }, 'Les textes à mettre aux voix viennent de changer : ouvrez le scrutin à nouveau.')
  for (const { docName, sha256 } of ahead.texts) await trx.insertInto('ballot_texts').values({ ballot_id: ballot.id, doc_name: docName, sha256 }).execute()
  const structure = canonicalJson(votedPlace(await readStructure(trx, ballot.congress_id), ballot, await blockMembers(trx, ballot.id)))
  await trx.insertInto('ballot_structures').values({ ballot_id: ballot.id, structure, sha256: createHash('sha256').update(structure).digest('hex') }).execute()
}

// The place of what was voted (shared/ballots/voted-place.ts): read from the structure now,
// compared with the one recorded when each ballot opened.

interface Structure {
  readonly congress: Record<CongressField, string | number> & { readonly preambleDoc: string }
  readonly themes: readonly ThemePlace[]
  readonly proposals: readonly (ProposalPlace & { readonly themeId: string })[]
  readonly amendments: ReadonlyMap<string, { readonly id: string; readonly number: number; readonly doc: string; readonly proposalId: string | null; readonly parentId: string | null }>
}

async function readStructure(db: Kysely<Database>, congressId: string): Promise<Structure> {
  const congress = await db.selectFrom('congresses').select(['title', 'edition', 'organisation', 'place', 'date', 'preamble_doc']).where('id', '=', congressId).executeTakeFirst()
  if (!congress) throw fail('congress_not_found', { congressId }, 'Ce congrès n’existe pas.')
  const themes = await db.selectFrom('themes').select(['id', 'position', 'title']).where('congress_id', '=', congressId).orderBy('position').orderBy('id').execute()
  const proposals = await db.selectFrom('proposals').select(['id', 'number', 'title', 'doc_name', 'theme_id']).where('congress_id', '=', congressId).orderBy('number').orderBy('id').execute()
  const amendments = await db.selectFrom('amendments').select(['id', 'number', 'doc_name', 'proposal_id', 'parent_id']).where('congress_id', '=', congressId).execute()
  const { preamble_doc, ...details } = congress
  return {
    congress: { ...details, preambleDoc: preamble_doc },
    themes,
    proposals: proposals.map((p) => ({ id: p.id, number: p.number, title: p.title, doc: p.doc_name, themeId: p.theme_id })),
    amendments: new Map(amendments.map((a) => [a.id, { id: a.id, number: a.number, doc: a.doc_name, proposalId: a.proposal_id, parentId: a.parent_id }])),
  }
}

const proposalPlace = (p: ProposalPlace): ProposalPlace => ({ id: p.id, number: p.number, title: p.title, doc: p.doc })
const themePlace = (t: ThemePlace): ThemePlace => ({ id: t.id, position: t.position, title: t.title })

/** `block`: a block ballot's proposals, the first of which its row names; empty for any other ballot. */
function votedPlace(structure: Structure, ballot: Pick<BallotRow, 'subject_kind' | 'subject_id'>, block: readonly string[]): VotedPlace {
  if (ballot.subject_kind === 'proposal') {
    const placeOf = (id: string | null) => {
      const proposal = structure.proposals.find((p) => p.id === id)
      const theme = proposal && structure.themes.find((t) => t.id === proposal.themeId)
      return { proposal: proposal ? proposalPlace(proposal) : null, theme: theme ? themePlace(theme) : null }
    }
    const others = block.slice(1).map(placeOf)
    return { kind: 'proposal', ...placeOf(ballot.subject_id), ...(others.length > 0 ? { block: others } : {}) }
  }
  if (ballot.subject_kind === 'amendment') {
    const placeOf = (id: string | null) => {
      const amendment = structure.amendments.get(id ?? '')
      const proposal = amendment && structure.proposals.find((p) => p.id === amendment.proposalId)
      const parent = amendment?.parentId ? structure.amendments.get(amendment.parentId) : undefined
      return {
        amendment: amendment ? { id: amendment.id, number: amendment.number, doc: amendment.doc, ...(parent ? { parent: parent.number } : {}) } : null,
        proposal: proposal ? { id: proposal.id, number: proposal.number } : null,
      }
    }
    const others = block.slice(1).map(placeOf)
    return { kind: 'amendment', ...placeOf(ballot.subject_id), ...(others.length > 0 ? { block: others } : {}) }
  }
  const { preambleDoc, ...congress } = structure.congress
  return {
    kind: 'motion',
    congress,
    preamble: preambleDoc,
    themes: structure.themes.map((t) => ({ ...themePlace(t), proposals: structure.proposals.filter((p) => p.themeId === t.id).map(proposalPlace) })),
  }
}

function themeChanges(voted: ThemePlace, now: ThemePlace | undefined): PlaceChange[] {
  const question = voted.position
  if (!now) return [{ kind: 'question-removed', question }]
  const changes: PlaceChange[] = []
  if (now.title !== voted.title) changes.push({ kind: 'question-title', question })
  if (now.position !== voted.position) changes.push({ kind: 'question-order', question, now: now.position })
  return changes
}

function proposalChanges(voted: ProposalPlace & { themeId?: string }, now: (ProposalPlace & { themeId?: string }) | undefined): PlaceChange[] {
  const proposal = voted.number
  if (!now) return [{ kind: 'proposal-removed', proposal }]
  const changes: PlaceChange[] = []
  if (now.title !== voted.title) changes.push({ kind: 'proposal-title', proposal })
  if (now.number !== voted.number) changes.push({ kind: 'proposal-number', proposal, now: now.number })
  if (now.doc !== voted.doc) changes.push({ kind: 'proposal-text', proposal })
  if (voted.themeId !== undefined && now.themeId !== voted.themeId) changes.push({ kind: 'proposal-question', proposal })
  return changes
}

type ProposalVotedPlace = { readonly proposal: ProposalPlace | null; readonly theme: ThemePlace | null }

/** What differs between the place recorded when a ballot opened and the same place now. */
function placeChanges(voted: VotedPlace, now: VotedPlace): PlaceChange[] {
  if (voted.kind === 'proposal' && now.kind === 'proposal') {
    if (!voted.proposal) return now.proposal ? [{ kind: 'proposal-appeared' }] : []
    // A block's every proposal, the first one's place first.
    const places = [{ voted: voted as ProposalVotedPlace, now: now as ProposalVotedPlace }, ...(voted.block ?? []).map((v, i) => ({ voted: v, now: now.block?.[i] ?? { proposal: null, theme: null } }))]
    const changes: PlaceChange[] = []
    for (const place of places) {
      if (!place.voted.proposal) continue
      changes.push(...proposalChanges(place.voted.proposal, place.now.proposal ?? undefined))
      if (place.voted.theme && place.now.proposal) {
        if (place.now.theme?.id !== place.voted.theme.id) changes.push({ kind: 'proposal-question', proposal: place.voted.proposal.number })
        else changes.push(...themeChanges(place.voted.theme, place.now.theme ?? undefined))
      }
    }
    const seen = new Set<string>()
    return changes.filter((c) => !seen.has(canonicalJson(c)) && seen.add(canonicalJson(c)))
  }
  if (voted.kind === 'amendment' && now.kind === 'amendment') {
    const changes: PlaceChange[] = []
    // A block's every amendment, the first one's place first.
    const places: { voted: AmendmentPlace; now: AmendmentPlace }[] = [{ voted, now }, ...(voted.block ?? []).map((v, i) => ({ voted: v, now: now.block?.[i] ?? { amendment: null, proposal: null } }))]
    for (const place of places) {
      if (place.voted.amendment && place.now.amendment?.number !== place.voted.amendment.number) changes.push({ kind: 'amendment-number' })
      if (place.voted.amendment && place.now.amendment?.doc !== place.voted.amendment.doc) changes.push({ kind: 'amendment-text' })
      if (place.voted.proposal?.id !== place.now.proposal?.id || place.voted.proposal?.number !== place.now.proposal?.number) changes.push({ kind: 'amended-proposal-number' })
    }
    const seen = new Set<string>()
    return changes.filter((c) => !seen.has(canonicalJson(c)) && seen.add(canonicalJson(c)))
  }
  if (voted.kind === 'motion' && now.kind === 'motion') {
    const changes: PlaceChange[] = []
    for (const field of congressFields) if (voted.congress[field] !== now.congress[field]) changes.push({ kind: 'congress-detail', field })
    if (voted.preamble !== now.preamble) changes.push({ kind: 'preamble-text' })
    const nowThemes = new Map(now.themes.map((t) => [t.id, t]))
    for (const theme of voted.themes) changes.push(...themeChanges(theme, nowThemes.get(theme.id)))
    const votedThemeIds = new Set(voted.themes.map((t) => t.id))
    for (const theme of now.themes) if (!votedThemeIds.has(theme.id)) changes.push({ kind: 'question-added', title: theme.title })
    const flat = (place: typeof voted) => new Map(place.themes.flatMap((t) => t.proposals.map((p) => [p.id, { ...p, themeId: t.id }] as const)))
    const [votedProposals, nowProposals] = [flat(voted), flat(now)]
    for (const proposal of votedProposals.values()) changes.push(...proposalChanges(proposal, nowProposals.get(proposal.id)))
    for (const proposal of nowProposals.values()) if (!votedProposals.has(proposal.id)) changes.push({ kind: 'proposal-added', title: proposal.title })
    return changes
  }
  return [{ kind: 'subject-kind' }]
}

function placeSubject(place: VotedPlace): VotedSubject {
  if (place.kind === 'motion') return { kind: 'motion' }
  if (place.kind === 'proposal') return place.proposal ? { kind: 'proposal', number: place.proposal.number } : { kind: 'proposal' }
  const { amendment } = place
  if (!amendment) return { kind: 'amendment' }
  return { kind: 'amendment', label: amendmentLabel(place.proposal?.number ?? null, amendment.number, amendment.parent === undefined ? undefined : { parentNumber: amendment.parent, rewording: false }) }
}

/** Each ballot put to the vote whose recorded place differs from the structure now: its subject and what changed. */
export async function votedPlaceChanges(db: Kysely<Database>, congressId: string): Promise<VotedPlaceChange[]> {
  const recorded = await db
    .selectFrom('ballot_structures')
    .innerJoin('ballots', 'ballots.id', 'ballot_structures.ballot_id')
    .select(['ballots.id', 'ballots.subject_kind', 'ballots.subject_id', 'ballot_structures.structure', 'ballot_structures.sha256'])
    .where('ballots.congress_id', '=', congressId)
    .where('ballots.status', '!=', 'draft')
    .orderBy('ballots.opened_at')
    .orderBy('ballots.id')
    .execute()
  if (recorded.length === 0) return []
  const structure = await readStructure(db, congressId)
  const found: VotedPlaceChange[] = []
  const seen = new Set<string>()
  for (const row of recorded) {
    const now = votedPlace(structure, row, await blockMembers(db, row.id))
    const digest = createHash('sha256').update(row.structure).digest('hex')
    if (canonicalJson(now) === row.structure && digest === row.sha256) continue
    const voted = decodeVotedPlace(row.structure)
    const changes = digest === row.sha256 ? placeChanges(voted, now) : []
    const entry: VotedPlaceChange = { subject: placeSubject(voted), changes: changes.length > 0 ? changes : [{ kind: 'record-altered' }] }
    const key = canonicalJson(entry)
    if (seen.has(key)) continue
    seen.add(key)
    found.push(entry)
  }
  return found
}
