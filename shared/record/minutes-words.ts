import type { BureauOpinion } from '../amendments/bureau-opinion.ts'
import { bureauOpinionNames } from '../amendments/bureau-opinion.ts'
import type { BallotRule, Majority, MajorityBase } from '../ballots/ballot-rule.ts'
import type { CountingMethod } from '../ballots/room-count.ts'
import type { BallotOutcome } from '../ballots/tally-types.ts'
import type { FloorStance } from '../floor/speakers.ts'
import type { Phase } from '../phases.ts'
import type { Role } from '../roles.ts'
import type { AmendmentFate, MinutesBallot } from './minutes-data.ts'

/** The minutes' words, in French and in English: one table per language, the same keys. */
export interface MinutesWords {
  readonly title: (congress: string) => string
  readonly subject: string
  readonly edition: (n: number) => string
  readonly draft: (asOf: string) => string
  readonly bureau: string
  readonly sittings: string
  readonly sitting: (day: string) => string
  readonly noSitting: string
  readonly present: (n: number, byRole: string) => string
  readonly roles: Record<Role, (n: number) => string>
  readonly proxies: (list: string) => string
  readonly proxy: (giver: string, holder: string) => string
  readonly noProxy: string
  readonly proceedings: string
  readonly phases: Record<Phase, string>
  readonly phaseChange: (at: string, from: string, to: string, by: string) => string
  /** A mistaken move undone: back from `from` to `to`, with the bureau's reason. */
  readonly phaseUndone: (at: string, from: string, to: string, by: string, reason: string) => string
  readonly noPhaseChange: string
  readonly texts: string
  readonly preamble: string
  readonly proposal: (n: number, title: string) => string
  readonly question: (title: string) => string
  readonly speakers: string
  readonly noSpeaker: string
  readonly stances: Record<FloorStance, string>
  readonly speech: (time: string, name: string, stance: string, length: string | null, on: string | null) => string
  readonly amendments: string
  readonly noAmendment: string
  readonly amendmentsCaption: (text: string) => string
  readonly columns: { readonly amendment: string; readonly authors: string; readonly opinion: string; readonly fate: string }
  readonly opinions: Record<BureauOpinion, string>
  readonly noOpinion: string
  readonly fate: (fate: AmendmentFate, detail: FateDetail) => string
  readonly rectified: string
  readonly textOutcome: (outcome: 'adopted' | 'rejected' | null) => string
  readonly ballots: string
  readonly noBallot: string
  readonly ballotHeading: (n: number, subject: string) => string
  /** "Proposition 2", "Amendement P2-A1", "Vote en bloc des propositions 3, 5 et 7", "Proposition 2, partie § 2". */
  readonly ballotSubject: (subject: MinutesBallot['subject']) => string
  readonly times: (opened: string | null, closed: string | null, published: string | null) => string
  readonly rule: (rule: BallotRule) => string
  readonly electorate: (entitled: number, present: number, represented: number, quorumRequired: number, quorumMet: boolean) => string
  readonly counts: (yes: number, no: number, abstain: number, expressed: number, threshold: number) => string
  readonly counting: (method: CountingMethod, electronic: string, room: string | null) => string
  readonly choiceCounts: (yes: number, no: number, abstain: number) => string
  readonly outcome: (outcome: BallotOutcome, published: boolean) => string
  readonly freeze: string
  readonly frozen: (at: string, by: string) => string
  readonly notFrozen: string
}

export interface FateDetail {
  readonly fallenBy: string | null
  readonly fellWithParent: boolean
  readonly reason: string | null
  readonly withoutBallot: boolean
  readonly identicalTo: string | null
  /** When, as the document says it; null to leave it out. */
  readonly at: string | null
}

const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`
const frList = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`)
const enList = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`)

const frMajorities: Record<Majority, string> = { simple: 'majorité simple', absolute: 'majorité absolue', 'two-thirds': 'majorité des deux tiers', 'three-fifths': 'majorité des trois cinquièmes' }
const frBases: Record<MajorityBase, string> = { expressed: 'des suffrages exprimés', cast: 'des votants', present: 'des présents et représentés', entitled: 'des inscrits' }
const enMajorities: Record<Majority, string> = { simple: 'simple majority', absolute: 'absolute majority', 'two-thirds': 'two-thirds majority', 'three-fifths': 'three-fifths majority' }
const enBases: Record<MajorityBase, string> = { expressed: 'of the votes expressed', cast: 'of the votes cast', present: 'of those present or represented', entitled: 'of those entitled to vote' }

export const frMinutes: MinutesWords = {
  title: (congress) => `Procès-verbal — ${congress}`,
  subject: 'Procès-verbal du congrès',
  edition: (n) => `${n === 1 ? '1re' : `${n}e`} édition`,
  draft: (asOf) => `Projet établi le ${asOf}, avant le gel de la motion : il changera jusqu’au gel.`,
  bureau: 'Bureau',
  sittings: 'Séances, présences et pouvoirs',
  sitting: (day) => `Séance du ${day}`,
  noSitting: 'Aucune présence n’a été enregistrée.',
  present: (n, byRole) => `${plural(n, 'présent', 'présents')}${byRole ? ` (${byRole})` : ''}.`,
  roles: {
    attendee: (n) => plural(n, 'participant', 'participants'),
    delegate: (n) => plural(n, 'délégué', 'délégués'),
    bureau: (n) => plural(n, 'membre du bureau', 'membres du bureau'),
    advisor: (n) => plural(n, 'conseiller', 'conseillers'),
  },
  proxies: (list) => `Pouvoirs : ${list}.`,
  proxy: (giver, holder) => `${giver} à ${holder}`,
  noProxy: 'Aucun pouvoir.',
  proceedings: 'Déroulement',
  phases: { setup: 'préparation', drafting: 'rédaction', amendments: 'amendements', voting: 'votes', frozen: 'gelée', delivered: 'remise' },
  phaseChange: (at, from, to, by) => `${at} — phase : ${from} → ${to} (${by})`,
  phaseUndone: (at, from, to, by, reason) => `${at} — changement de phase annulé : ${from} → ${to} (${by} ; raison : ${reason})`,
  noPhaseChange: 'La phase n’a pas changé.',
  texts: 'Textes, débats et amendements',
  preamble: 'Préambule',
  proposal: (n, title) => `Proposition ${n} — ${title}`,
  question: (title) => `Question : ${title}`,
  speakers: 'Intervenants',
  noSpeaker: 'Aucune prise de parole.',
  stances: { for: 'pour', against: 'contre', order: 'rappel au règlement' },
  speech: (time, name, stance, length, on) => `${time} — ${name}, ${stance}${length ? ` (${length})` : ''}${on ? ` ; discussion commune de ${on}` : ''}`,
  amendments: 'Amendements',
  noAmendment: 'Aucun amendement.',
  amendmentsCaption: (text) => `Amendements — ${text}, dans l’ordre où l’assemblée les a examinés`,
  columns: { amendment: 'Amendement', authors: 'Auteurs', opinion: 'Avis du bureau', fate: 'Sort' },
  opinions: bureauOpinionNames,
  noOpinion: '—',
  fate: (fate, { fallenBy, fellWithParent, reason, withoutBallot, identicalTo, at }) => {
    const when = at ? ` le ${at}` : ''
    switch (fate) {
      case 'adopted':
        return identicalTo ? `Adopté${when} avec ${identicalTo}, identique` : withoutBallot ? `Adopté sans vote par le bureau${when}` : `Adopté${when}`
      case 'rejected':
        return `Rejeté${when}`
      case 'fallen':
        return `Tombé${when}${fallenBy ? (fellWithParent ? `, avec ${fallenBy}` : `, du fait de l’adoption de ${fallenBy}`) : ''}`
      case 'withdrawn':
        return `Retiré par ses auteurs${when}`
      case 'inadmissible':
        return `Déclaré irrecevable${when}${reason ? ` : ${reason}` : ''}`
      case 'not_decided':
        return 'Non examiné'
    }
  },
  rectified: ' (rectifié)',

  textOutcome: (outcome) => (outcome === 'adopted' ? 'La proposition est adoptée.' : outcome === 'rejected' ? 'La proposition est rejetée.' : 'La proposition n’a pas été mise aux voix.'),
  ballots: 'Scrutins',
  noBallot: 'Aucun scrutin n’a été dépouillé.',
  ballotHeading: (n, subject) => `Scrutin n° ${n} — ${subject}`,
  ballotSubject: ({ kind, number, label, block, part }) => {
    if (block) return kind === 'proposal' ? `Vote en bloc des propositions ${frList(block)}` : `Vote en bloc des amendements ${frList(block)}`
    if (kind === 'amendment') return `Amendement ${label}`
    if (kind === 'motion') return 'Motion dans son ensemble'
    return `Proposition ${number ?? '?'}${part ? `, vote par division : ${part}` : ''}`
  },
  times: (opened, closed, published) =>
    [opened && `ouvert le ${opened}`, closed && `clos le ${closed}`, published ? `publié le ${published}` : 'non publié'].filter(Boolean).join(', ').replace(/^./, (c) => c.toUpperCase()) + '.',
  rule: (rule) => {
    const quorum = rule.quorum.kind === 'none' ? 'sans quorum' : rule.quorum.kind === 'count' ? `quorum de ${rule.quorum.count}` : `quorum de ${Math.round(rule.quorum.share * 1000) / 10} % des inscrits`
    const proxies = rule.proxies.allowed ? `pouvoirs admis (${plural(rule.proxies.maxPerHolder, 'par personne', 'au plus par personne')})` : 'sans pouvoirs'
    return `Règle : ${frMajorities[rule.majority]} ${frBases[rule.base]}, ${quorum}, ${rule.secrecy === 'secret' ? 'vote secret' : 'vote nominal'}, ${proxies}.`
  },
  electorate: (entitled, present, represented, quorumRequired, quorumMet) =>
    `Inscrits ${entitled}, présents ${present}, représentés ${represented}${quorumRequired > 0 ? ` ; quorum requis ${quorumRequired} : ${quorumMet ? 'atteint' : 'non atteint'}` : ''}.`,
  counts: (yes, no, abstain, expressed, threshold) => `Pour ${yes}, contre ${no}, abstentions ${abstain} ; suffrages exprimés ${expressed}, majorité requise ${threshold}.`,
  counting: (method, electronic, room) =>
    method === 'electronic' ? 'Compté sur les téléphones.' : method === 'room' ? `Compté à main levée en salle (${room}).` : `Compté sur les téléphones (${electronic}) et à main levée en salle (${room}).`,
  choiceCounts: (yes, no, abstain) => `pour ${yes}, contre ${no}, abstentions ${abstain}`,
  outcome: (outcome, published) => `${published ? 'Résultat' : 'Résultat (non publié)'} : ${outcome === 'adopted' ? 'adopté' : outcome === 'rejected' ? 'rejeté' : 'quorum non atteint'}.`,
  freeze: 'Gel de la motion',
  frozen: (at, by) => `La motion a été gelée le ${at} par ${by}, puis scellée : ce procès-verbal fait partie du paquet scellé.`,
  notFrozen: 'La motion n’est pas encore gelée.',
}

export const enMinutes: MinutesWords = {
  title: (congress) => `Minutes — ${congress}`,
  subject: 'Minutes of the congress',
  edition: (n) => `edition ${n}`,
  draft: (asOf) => `Draft as of ${asOf}, before the motion is frozen: it will change until the freeze.`,
  bureau: 'Bureau',
  sittings: 'Sittings, attendance and proxies',
  sitting: (day) => `Sitting of ${day}`,
  noSitting: 'No attendance was recorded.',
  present: (n, byRole) => `${n} present${byRole ? ` (${byRole})` : ''}.`,
  roles: {
    attendee: (n) => plural(n, 'attendee', 'attendees'),
    delegate: (n) => plural(n, 'delegate', 'delegates'),
    bureau: (n) => plural(n, 'bureau member', 'bureau members'),
    advisor: (n) => plural(n, 'advisor', 'advisors'),
  },
  proxies: (list) => `Proxies: ${list}.`,
  proxy: (giver, holder) => `${giver} to ${holder}`,
  noProxy: 'No proxies.',
  proceedings: 'Proceedings',
  phases: { setup: 'setup', drafting: 'drafting', amendments: 'amendments', voting: 'voting', frozen: 'frozen', delivered: 'delivered' },
  phaseChange: (at, from, to, by) => `${at} — phase: ${from} → ${to} (${by})`,
  phaseUndone: (at, from, to, by, reason) => `${at} — phase change undone: ${from} → ${to} (${by}; reason: ${reason})`,
  noPhaseChange: 'The phase did not change.',
  texts: 'Texts, debates and amendments',
  preamble: 'Preamble',
  proposal: (n, title) => `Proposal ${n} — ${title}`,
  question: (title) => `Question: ${title}`,
  speakers: 'Speakers',
  noSpeaker: 'No one took the floor.',
  stances: { for: 'for', against: 'against', order: 'point of order' },
  speech: (time, name, stance, length, on) => `${time} — ${name}, ${stance}${length ? ` (${length})` : ''}${on ? `; joint debate of ${on}` : ''}`,
  amendments: 'Amendments',
  noAmendment: 'No amendments.',
  amendmentsCaption: (text) => `Amendments — ${text}, in the order the assembly took them`,
  columns: { amendment: 'Amendment', authors: 'Authors', opinion: 'Bureau’s opinion', fate: 'Outcome' },
  opinions: { favorable: 'Favourable', unfavorable: 'Unfavourable', wisdom: 'Left to the assembly', withdrawal_requested: 'Withdrawal requested' },
  noOpinion: '—',
  fate: (fate, { fallenBy, fellWithParent, reason, withoutBallot, identicalTo, at }) => {
    const when = at ? ` on ${at}` : ''
    switch (fate) {
      case 'adopted':
        return identicalTo ? `Adopted${when} with ${identicalTo}, identical` : withoutBallot ? `Adopted without a vote by the bureau${when}` : `Adopted${when}`
      case 'rejected':
        return `Rejected${when}`
      case 'fallen':
        return `Fell${when}${fallenBy ? (fellWithParent ? `, with ${fallenBy}` : `, as ${fallenBy} was adopted`) : ''}`
      case 'withdrawn':
        return `Withdrawn by its authors${when}`
      case 'inadmissible':
        return `Ruled inadmissible${when}${reason ? `: ${reason}` : ''}`
      case 'not_decided':
        return 'Not taken'
    }
  },
  rectified: ' (reworded)',

  textOutcome: (outcome) => (outcome === 'adopted' ? 'The proposal is adopted.' : outcome === 'rejected' ? 'The proposal is rejected.' : 'The proposal was not put to the vote.'),
  ballots: 'Ballots',
  noBallot: 'No ballot was counted.',
  ballotHeading: (n, subject) => `Ballot ${n} — ${subject}`,
  ballotSubject: ({ kind, number, label, block, part }) => {
    if (block) return kind === 'proposal' ? `Block vote on proposals ${enList(block)}` : `Block vote on amendments ${enList(block)}`
    if (kind === 'amendment') return `Amendment ${label}`
    if (kind === 'motion') return 'The motion as a whole'
    return `Proposal ${number ?? '?'}${part ? `, vote by division: ${part}` : ''}`
  },
  times: (opened, closed, published) =>
    [opened && `opened on ${opened}`, closed && `closed on ${closed}`, published ? `published on ${published}` : 'not published'].filter(Boolean).join(', ').replace(/^./, (c) => c.toUpperCase()) + '.',
  rule: (rule) => {
    const quorum = rule.quorum.kind === 'none' ? 'no quorum' : rule.quorum.kind === 'count' ? `a quorum of ${rule.quorum.count}` : `a quorum of ${Math.round(rule.quorum.share * 1000) / 10}% of those entitled`
    const proxies = rule.proxies.allowed ? `proxies allowed (${rule.proxies.maxPerHolder} per person at most)` : 'no proxies'
    return `Rule: ${enMajorities[rule.majority]} ${enBases[rule.base]}, ${quorum}, ${rule.secrecy === 'secret' ? 'secret ballot' : 'roll call'}, ${proxies}.`
  },
  electorate: (entitled, present, represented, quorumRequired, quorumMet) =>
    `Entitled ${entitled}, present ${present}, represented ${represented}${quorumRequired > 0 ? `; quorum required ${quorumRequired}: ${quorumMet ? 'reached' : 'not reached'}` : ''}.`,
  counts: (yes, no, abstain, expressed, threshold) => `Yes ${yes}, no ${no}, abstentions ${abstain}; votes expressed ${expressed}, majority required ${threshold}.`,
  counting: (method, electronic, room) =>
    method === 'electronic' ? 'Counted on phones.' : method === 'room' ? `Counted by show of hands in the room (${room}).` : `Counted on phones (${electronic}) and by show of hands in the room (${room}).`,
  choiceCounts: (yes, no, abstain) => `yes ${yes}, no ${no}, abstentions ${abstain}`,
  outcome: (outcome, published) => `${published ? 'Result' : 'Result (not published)'}: ${outcome === 'adopted' ? 'adopted' : outcome === 'rejected' ? 'rejected' : 'quorum not reached'}.`,
  freeze: 'Freeze of the motion',
  frozen: (at, by) => `The motion was frozen on ${at} by ${by}, then sealed: these minutes are part of the sealed bundle.`,
  notFrozen: 'The motion is not frozen yet.',
}

export const minutesWords: Record<'fr' | 'en', MinutesWords> = { fr: frMinutes, en: enMinutes }
export const listWords: Record<'fr' | 'en', (items: readonly string[]) => string> = { fr: frList, en: enList }
