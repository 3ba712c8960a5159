import type { Kysely } from 'kysely'
import type { AuditLogRow, Database } from '../../db/schema.ts'
import { isBureauOpinion } from '../../shared/amendments/bureau-opinion.ts'
import type { AmendmentStatus } from '../../shared/amendments/amendment-status.ts'
import { isPhase } from '../../shared/phases.ts'
import type { AmendmentFate, MinutesAmendment, MinutesBallot, MinutesData, MinutesSpeech, MinutesText } from '../../shared/record/minutes-data.ts'
import { replaySittings } from '../../shared/record/sittings.ts'
import { byName } from '../../shared/text/french-order.ts'
import { fail } from '../domain-error.ts'
import { congressIdentity, loadCongress } from '../commands/congress/congress-rows.ts'
import { blockMembers } from '../commands/ballots/ballot-rows.ts'
import { congressLabels } from '../services/amendment-labels.ts'
import { sealedBallot, type SealedBallot } from '../seal/seal-source.ts'

const iso = (ms: number) => new Date(ms).toISOString()

const fates: Partial<Record<AmendmentStatus, AmendmentFate>> = {
  adopted: 'adopted',
  merged: 'adopted',
  rejected: 'rejected',
  fallen: 'fallen',
  withdrawn: 'withdrawn',
  inadmissible: 'inadmissible',
  submitted: 'not_decided',
  admissible: 'not_decided',
}
/** The log entries that give an amendment each fate: the last one tells when. */
const fateActions: Record<AmendmentFate, readonly string[]> = {
  adopted: ['amendment.adopted'],
  rejected: ['amendment.rejected'],
  fallen: ['amendment.fell'],
  withdrawn: ['amendment.withdrawn'],
  // A ruling changed to inadmissible tells when as well as a first one.
  inadmissible: ['amendment.ruled', 'amendment.ruling_changed'],
  not_decided: [],
}

/**
 * The minutes' data, read from the decision log (up to the freeze, or to its last entry for the
 * bureau's preview) and from rows that do not change once a congress is frozen: the same frozen
 * congress gives the same data, so the sealed minutes can be rendered again byte for byte.
 */
export async function readMinutesData(db: Kysely<Database>, congressId: string, options: { readonly ballots?: boolean } = {}): Promise<MinutesData> {
  const congress = await loadCongress(db, congressId)
  const freeze = await db.selectFrom('audit_log').select(['seq', 'at', 'actor_name']).where('congress_id', '=', congressId).where('action', '=', 'congress.frozen').executeTakeFirst()
  let log = db.selectFrom('audit_log').selectAll().where('congress_id', '=', congressId)
  if (freeze) log = log.where('seq', '<=', freeze.seq)
  const audit = await log.orderBy('seq').execute()
  const until = freeze?.at ?? audit.at(-1)?.at ?? congress.created_at
  const timeZone = congress.time_zone

  const people = (await db.selectFrom('participants').select(['id', 'name', 'organisation', 'role', 'created_at']).where('congress_id', '=', congressId).execute()).filter((p) => p.created_at <= until)
  const person = new Map(people.map((p) => [p.id, p]))
  const nameOf = (id: string | null | undefined) => (id ? (person.get(id)?.name ?? '?') : '?')

  const numbers = new Map((await db.selectFrom('proposals').select(['id', 'number']).where('congress_id', '=', congressId).execute()).map((p) => [p.id, p.number]))
  const texts = await readTexts(db, congressId, congress.preamble_doc, audit, nameOf, until)
  const ballotRows = await db.selectFrom('ballots').selectAll().where('congress_id', '=', congressId).where('status', 'in', ['closed', 'published']).where('closed_at', '<=', until).orderBy('closed_at').orderBy('id').execute()
  // Each ballot's box is read to count it as the seal does; a reader that tells no ballot skips them.
  const ballots = options.ballots === false ? [] : await Promise.all(ballotRows.map((row) => sealedBallot(db, row)))

  return {
    congress: congressIdentity(congress),
    timeZone,
    frozen: freeze ? { at: iso(freeze.at), by: freeze.actor_name } : null,
    asOf: iso(until),
    bureau: people.filter((p) => p.role === 'bureau').map((p) => ({ name: p.name, organisation: p.organisation })).sort(byName),
    sittings: replaySittings(audit, ballotRows.map((b) => b.closed_at ?? until), person, timeZone),
    phaseChanges: audit.flatMap((e) => {
      // A move, or the undoing of a mistaken one (with its reason): the minutes tell both.
      if (e.action !== 'phase.changed' && e.action !== 'phase.reverted') return []
      const { from, to, reason } = JSON.parse(e.payload) as { from?: string; to?: string; reason?: string }
      const undone = e.action === 'phase.reverted' ? (reason ?? '') : null
      return from && to && isPhase(from) && isPhase(to) ? [{ at: iso(e.at), from, to, by: e.actor_name, undone }] : []
    }),
    texts,
    ballots: await Promise.all(ballots.map((b) => minutesBallot(db, b, ballotRows.find((r) => r.id === b.id)?.subject_id ?? null, numbers))),
  }
}

/** A counted ballot as the minutes tell it: its subject by numbers and labels, not the French words of the ballot lists. */
async function minutesBallot(db: Kysely<Database>, ballot: SealedBallot, subjectId: string | null, numbers: ReadonlyMap<string, number>): Promise<MinutesBallot> {
  const { subject } = ballot
  const kind = subject.kind === 'proposal' || subject.kind === 'amendment' ? subject.kind : 'motion'
  // A block of proposals is told by their numbers, of amendments by their labels.
  const block = subject.block ? (kind === 'proposal' ? (await blockMembers(db, ballot.id)).map((id) => String(numbers.get(id) ?? '?')) : subject.block) : null
  const { rule, electorate, result, status, openedAt, closedAt, publishedAt, counting, electronic, room } = ballot
  return {
    subject: { kind, number: kind === 'proposal' && subjectId ? (numbers.get(subjectId) ?? null) : null, label: kind === 'amendment' ? subject.label : '', block, part: subject.part },
    rule,
    electorate,
    result,
    status,
    openedAt,
    closedAt,
    publishedAt,
    counting,
    electronic,
    room: room && { yes: room.yes, no: room.no, abstain: room.abstain },
  }
}

async function readTexts(
  db: Kysely<Database>,
  congressId: string,
  preambleDoc: string,
  audit: readonly AuditLogRow[],
  nameOf: (id: string | null | undefined) => string,
  until: number,
): Promise<MinutesText[]> {
  const themes = new Map((await db.selectFrom('themes').select(['id', 'title']).where('congress_id', '=', congressId).execute()).map((t) => [t.id, t.title]))
  const proposals = await db.selectFrom('proposals').selectAll().where('congress_id', '=', congressId).orderBy('number').execute()
  const amendments = await db
    .selectFrom('amendments')
    .selectAll()
    .where('congress_id', '=', congressId)
    // Drafts are their authors' own; a rewording is told as its amendment's *rectifié*.
    .where('status', '!=', 'draft')
    .where('rewording', '=', 0)
    .where('created_at', '<=', until)
    .execute()
  const ids = amendments.map((a) => a.id)
  const cosigners = ids.length === 0 ? [] : await db.selectFrom('amendment_cosigners').select(['amendment_id', 'participant_id', 'accepted_at']).where('amendment_id', 'in', ids).where('accepted_at', 'is not', null).orderBy('accepted_at').orderBy('participant_id').execute()
  const opinions = new Map((ids.length === 0 ? [] : await db.selectFrom('amendment_opinions').select(['amendment_id', 'opinion']).where('amendment_id', 'in', ids).execute()).map((o) => [o.amendment_id, o.opinion]))
  const balloted = new Set<string>()
  for (const b of await db.selectFrom('ballots').select(['subject_id']).where('congress_id', '=', congressId).where('status', '=', 'published').where('subject_kind', '=', 'amendment').execute()) if (b.subject_id) balloted.add(b.subject_id)
  for (const m of await db
    .selectFrom('ballot_block_members')
    .innerJoin('ballots', 'ballots.id', 'ballot_block_members.ballot_id')
    .select(['ballot_block_members.amendment_id'])
    .where('ballots.congress_id', '=', congressId)
    .where('ballots.status', '=', 'published')
    .execute())
    if (m.amendment_id) balloted.add(m.amendment_id)
  const labels = await congressLabels(db, congressId)
  // When each amendment got its fate: the last log entry that gives it.
  const fateAt = new Map<string, { action: string; at: number }[]>()
  const identical = new Map<string, string>()
  const fellWithParent = new Set<string>()
  for (const e of audit) {
    if (!e.action.startsWith('amendment.')) continue
    const { amendmentId, identicalToLabel, withParent } = JSON.parse(e.payload) as { amendmentId?: string; identicalToLabel?: string; withParent?: boolean }
    if (!amendmentId) continue
    fateAt.set(amendmentId, [...(fateAt.get(amendmentId) ?? []), { action: e.action, at: e.at }])
    if (e.action === 'amendment.adopted' && identicalToLabel) identical.set(amendmentId, identicalToLabel)
    if (e.action === 'amendment.fell' && withParent === true) fellWithParent.add(amendmentId)
  }

  const told: (MinutesAmendment & { readonly proposalId: string | null; readonly order: number })[] = amendments.map((a) => {
    const fate = fates[a.status] ?? 'not_decided'
    const when = (fateAt.get(a.id) ?? []).filter((e) => fateActions[fate].includes(e.action)).at(-1)?.at ?? null
    return {
      proposalId: a.proposal_id,
      order: when ?? Number.MAX_SAFE_INTEGER,
      label: labels.get(a.id) ?? '?',
      authors: [nameOf(a.author_id), ...cosigners.filter((c) => c.amendment_id === a.id).map((c) => nameOf(c.participant_id))],
      opinion: isBureauOpinion(opinions.get(a.id)) ? opinions.get(a.id)! : null,
      fate,
      at: when === null ? null : iso(when),
      fallenBy: a.fallen_by ? (labels.get(a.fallen_by) ?? null) : null,
      fellWithParent: fate === 'fallen' && fellWithParent.has(a.id),
      reason: fate === 'inadmissible' ? a.ruling_reason : null,
      rectified: a.rectified_at !== null,
      withoutBallot: fate === 'adopted' && !balloted.has(a.id) && !identical.has(a.id),
      identicalTo: fate === 'adopted' ? (identical.get(a.id) ?? null) : null,
    }
  })
  const labelOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true })
  const amendmentsOf = (proposalId: string | null) =>
    told
      .filter((a) => a.proposalId === proposalId)
      .sort((a, b) => a.order - b.order || labelOrder(a.label, b.label))
      .map(({ proposalId: _, order: __, ...a }) => a)

  const requests = await db.selectFrom('floor_requests').selectAll().where('congress_id', '=', congressId).where('started_at', 'is not', null).where('started_at', '<=', until).orderBy('started_at').orderBy('id').execute()
  const speechesOn = (docName: string): MinutesSpeech[] =>
    requests
      .filter((r) => r.debate_doc === docName)
      .map((r) => ({
        name: nameOf(r.participant_id),
        stance: r.stance,
        startedAt: iso(r.started_at!),
        seconds: r.ended_at !== null && r.ended_at <= until ? Math.round((r.ended_at - r.started_at!) / 1000) : null,
        on: r.debate_amendment ? (labels.get(r.debate_amendment) ?? null) : null,
      }))

  return [
    { number: null, title: '', question: null, outcome: null, amendments: amendmentsOf(null), speeches: speechesOn(preambleDoc) },
    ...proposals.map((p) => ({
      number: p.number,
      title: p.title,
      question: themes.get(p.theme_id) ?? null,
      outcome: p.outcome === 'adopted' || p.outcome === 'rejected' ? p.outcome : null,
      amendments: amendmentsOf(p.id),
      speeches: speechesOn(p.doc_name),
    })),
  ]
}
