import { roles } from '../roles.ts'
import type { MinutesBallot, MinutesData, MinutesText } from './minutes-data.ts'
import { listWords, minutesWords, type MinutesWords } from './minutes-words.ts'
import { dateTimeWords, dayWords, durationWords, timeWords } from './record-dates.ts'
import { plain, type RecordBlock, type RecordDocument } from './record-document.ts'

/**
 * The minutes (*procès-verbal*) of a congress, in French or English: who sat and who held proxies
 * each day, how the phases went, each text with its speakers and its amendments in the order they
 * were taken, each counted ballot with its rule and counts, and the freeze. Pure: the same data
 * gives the same document, so the sealed minutes render the same bytes every time.
 */
export function buildMinutes(data: MinutesData, lang: 'fr' | 'en'): RecordDocument {
  const w = minutesWords[lang]
  const list = listWords[lang]
  const at = (iso: string) => dateTimeWords(iso, data.timeZone, lang)
  const { congress } = data
  const blocks: RecordBlock[] = [
    { kind: 'paragraph', runs: plain([congress.organisation, w.edition(congress.edition), congress.place, /^\d{4}-\d\d-\d\d$/.test(congress.date) ? dayWords(congress.date, lang) : congress.date].filter(Boolean).join(' — ')) },
  ]
  if (!data.frozen) blocks.push({ kind: 'paragraph', runs: [{ text: w.draft(at(data.asOf)), mark: 'em' }] })

  blocks.push({ kind: 'heading', level: 1, text: w.bureau })
  blocks.push({ kind: 'list', items: data.bureau.map((p) => plain(p.organisation ? `${p.name} (${p.organisation})` : p.name)) })

  blocks.push({ kind: 'heading', level: 1, text: w.sittings })
  if (data.sittings.length === 0) blocks.push({ kind: 'paragraph', runs: plain(w.noSitting) })
  for (const sitting of data.sittings) {
    blocks.push({ kind: 'heading', level: 2, text: w.sitting(dayWords(sitting.day, lang)) })
    const byRole = roles
      .map((role) => [role, sitting.present.filter((p) => p.role === role).length] as const)
      .filter(([, n]) => n > 0)
      .map(([role, n]) => w.roles[role](n))
    blocks.push({ kind: 'paragraph', runs: [{ text: w.present(sitting.present.length, list(byRole)), mark: 'strong' }] })
    if (sitting.present.length > 0) blocks.push({ kind: 'paragraph', runs: plain(`${sitting.present.map((p) => p.name).join(', ')}.`) })
    blocks.push({ kind: 'paragraph', runs: plain(sitting.proxies.length === 0 ? w.noProxy : w.proxies(sitting.proxies.map((p) => w.proxy(p.giver, p.holder)).join(lang === 'fr' ? ' ; ' : '; '))) })
  }

  blocks.push({ kind: 'heading', level: 1, text: w.proceedings })
  if (data.phaseChanges.length === 0) blocks.push({ kind: 'paragraph', runs: plain(w.noPhaseChange) })
  else {
    // An undone move is told as such, with its reason: the list still reads in order.
    const line = (c: (typeof data.phaseChanges)[number]) =>
      c.undone === null ? w.phaseChange(at(c.at), w.phases[c.from], w.phases[c.to], c.by) : w.phaseUndone(at(c.at), w.phases[c.from], w.phases[c.to], c.by, c.undone)
    blocks.push({ kind: 'list', items: data.phaseChanges.map((c) => plain(line(c))) })
  }

  blocks.push({ kind: 'heading', level: 1, text: w.texts })
  let question: string | null = null
  for (const text of data.texts) {
    // The question once, above its first proposal.
    if (text.question && text.question !== question) blocks.push({ kind: 'paragraph', runs: [{ text: w.question(text.question), mark: 'em' }] })
    question = text.question ?? question
    blocks.push(...textBlocks(text, data, w, lang))
  }

  blocks.push({ kind: 'heading', level: 1, text: w.ballots })
  if (data.ballots.length === 0) blocks.push({ kind: 'paragraph', runs: plain(w.noBallot) })
  data.ballots.forEach((ballot, i) => blocks.push(...ballotBlocks(ballot, i + 1, at, w)))

  blocks.push({ kind: 'heading', level: 1, text: w.freeze })
  blocks.push({ kind: 'paragraph', runs: plain(data.frozen ? w.frozen(at(data.frozen.at), data.frozen.by) : w.notFrozen) })

  return { lang, title: w.title(congress.title), subject: w.subject, author: congress.organisation, date: data.frozen?.at ?? data.asOf, blocks }
}

function textBlocks(text: MinutesText, data: MinutesData, w: MinutesWords, lang: 'fr' | 'en'): RecordBlock[] {
  const name = text.number === null ? w.preamble : w.proposal(text.number, text.title)
  const at = (iso: string) => dateTimeWords(iso, data.timeZone, lang)
  const blocks: RecordBlock[] = [{ kind: 'heading', level: 2, text: name }]
  blocks.push({ kind: 'paragraph', runs: [{ text: lang === 'fr' ? `${w.speakers} :` : `${w.speakers}:`, mark: 'strong' }] })
  if (text.speeches.length === 0) blocks.push({ kind: 'paragraph', runs: plain(w.noSpeaker) })
  else
    blocks.push({
      kind: 'list',
      items: text.speeches.map((s) => plain(w.speech(timeWords(s.startedAt, data.timeZone, lang), s.name, w.stances[s.stance], s.seconds === null ? null : durationWords(s.seconds), s.on))),
    })
  if (text.amendments.length === 0) blocks.push({ kind: 'paragraph', runs: plain(w.noAmendment) })
  else
    blocks.push({
      kind: 'table',
      caption: w.amendmentsCaption(name),
      columns: [
        { title: w.columns.amendment, width: 0.16 },
        { title: w.columns.authors, width: 0.3 },
        { title: w.columns.opinion, width: 0.18 },
        { title: w.columns.fate, width: 0.36 },
      ],
      rows: text.amendments.map((a) => [
        { kind: 'runs', paragraphs: [plain(`${a.label}${a.rectified ? w.rectified : ''}`)] },
        { kind: 'runs', paragraphs: [plain(a.authors.join(', '))] },
        { kind: 'runs', paragraphs: [plain(a.opinion ? w.opinions[a.opinion] : w.noOpinion)] },
        { kind: 'runs', paragraphs: [plain(w.fate(a.fate, { fallenBy: a.fallenBy, fellWithParent: a.fellWithParent, reason: a.reason, withoutBallot: a.withoutBallot, identicalTo: a.identicalTo, at: a.at ? at(a.at) : null }))] },
      ]),
    })
  // The preamble is voted with the whole motion, in the ballots below.
  if (text.number !== null) blocks.push({ kind: 'paragraph', runs: [{ text: w.textOutcome(text.outcome), mark: 'strong' }] })
  return blocks
}

function ballotBlocks(ballot: MinutesBallot, n: number, at: (iso: string) => string, w: MinutesWords): RecordBlock[] {
  const { subject, result, electorate } = ballot
  const what = w.ballotSubject(subject)
  const counts = (c: { yes: number; no: number; abstain: number }) => w.choiceCounts(c.yes, c.no, c.abstain)
  return [
    { kind: 'heading', level: 2, text: w.ballotHeading(n, what) },
    {
      kind: 'list',
      items: [
        plain(w.times(ballot.openedAt && at(ballot.openedAt), ballot.closedAt && at(ballot.closedAt), ballot.publishedAt && at(ballot.publishedAt))),
        plain(w.rule(ballot.rule)),
        plain(w.electorate(electorate.entitled, electorate.present, electorate.represented, result.quorumRequired, result.quorumMet)),
        plain(w.counts(result.yes, result.no, result.abstain, result.expressed, result.threshold)),
        plain(w.counting(ballot.counting, counts(ballot.electronic), ballot.room ? counts(ballot.room) : null)),
        [{ text: w.outcome(result.outcome, ballot.status === 'published'), mark: 'strong' }],
      ],
    },
  ]
}
