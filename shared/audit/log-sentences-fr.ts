import type { AuditTextRef } from '../api-types.ts'
import { isBureauOpinion, type BureauOpinion } from '../amendments/bureau-opinion.ts'
import { isFloorStance, type FloorStance } from '../floor/speakers.ts'
import { isPhase, type Phase } from '../phases.ts'
import { dayWords, durationWords } from '../record/record-dates.ts'
import { MalformedEntry, maybe, type LogReading, type LogSubject } from './log-reading.ts'
import type { LogRule, LogSentences } from './log-sentence.ts'

// The log in French: "Élodie Bézier a déposé P12-A1", "Phase : préparation → rédaction".

/** "de Marc", "d’Élodie". */
export const deFr = (name: string) => (/^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(name) ? `d’${name}` : `de ${name}`)
const listFr = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`)
const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`

const phases: Record<Phase, string> = { setup: 'préparation', drafting: 'rédaction', amendments: 'amendements', voting: 'vote', frozen: 'motion gelée', delivered: 'motion remise' }
const opinions: Record<BureauOpinion, string> = { favorable: 'favorable', unfavorable: 'défavorable', wisdom: 'sagesse de l’assemblée', withdrawal_requested: 'demande de retrait' }
const stances: Record<FloorStance, string> = { for: 'pour', against: 'contre', order: 'rappel au règlement' }
const outcomes: Record<string, string> = { adopted: 'adopté', rejected: 'rejeté', 'no-quorum': 'quorum non atteint' }

const text = (t: AuditTextRef) => (t.kind === 'preamble' ? 'le préambule' : t.kind === 'proposal' ? `la proposition ${t.number}` : `l’amendement ${t.label}`)
const ofText = (t: AuditTextRef) => (t.kind === 'preamble' ? 'du préambule' : t.kind === 'proposal' ? `de la proposition ${t.number}` : `de l’amendement ${t.label}`)

function subject(s: LogSubject): string {
  switch (s.kind) {
    case 'motion':
      return 'la motion'
    case 'proposal':
      return s.part === null ? `la proposition ${s.number}` : `la proposition ${s.number} (division : ${s.part})`
    case 'proposals':
      return `les propositions ${listFr(s.numbers)} (en bloc)`
    case 'amendment':
      return s.label
    case 'amendments':
      return `les amendements ${listFr(s.labels)} (en bloc)`
    case 'other':
      return `« ${s.text} »`
  }
}

function phase(r: LogReading, key: string): string {
  const value = r.str(key)
  if (!isPhase(value)) throw new MalformedEntry(key)
  return phases[value]
}

function counts(r: LogReading): string {
  return `${r.num('yes')} pour, ${r.num('no')} contre, ${plural(r.num('abstain'), 'abstention', 'abstentions')}`
}

function outcome(r: LogReading): string {
  const value = outcomes[r.str('outcome')]
  if (value === undefined) throw new MalformedEntry('outcome')
  return value
}

function stance(r: LogReading): string {
  const value = r.str('stance')
  if (!isFloorStance(value)) throw new MalformedEntry('stance')
  return stances[value]
}

/** An amendment adopted or rejected: by a ballot, as identical to another, or by the bureau. */
function decided(word: string): LogRule {
  return (r) => {
    const label = r.str('label')
    if (r.has('identicalToLabel')) return `${label} ${word}, identique à ${r.str('identicalToLabel')}`
    if (r.has('ballotId')) return `${label} ${word} par le vote`
    return `${r.actor} a déclaré ${label} ${word}`
  }
}

const congressFields: Record<string, string> = { title: 'titre', edition: 'édition', organisation: 'organisation', place: 'lieu', date: 'date', minCosigners: 'cosignataires requis' }

function congressChange(r: LogReading): string {
  const changes = Object.keys(congressFields).flatMap((key) => {
    const value = maybe(() => r.str(key)) ?? maybe(() => r.num(key))
    return value === null ? [] : [typeof value === 'number' ? `${congressFields[key]} : ${value}` : `${congressFields[key]} « ${value} »`]
  })
  if (changes.length === 0) throw new MalformedEntry('details')
  return `${r.actor} a modifié le congrès : ${changes.join(', ')}`
}

export const frLogSentences: LogSentences = {
  generic: (action) => `Action « ${action} » enregistrée`,
  commandLine: 'ligne de commande',
  rules: {
    'amendment.filed': (r) => `${r.actor} a commencé l’amendement ${r.str('label')} (brouillon)`,
    'amendment.submitted': (r) => `${r.actor} a déposé ${r.str('label')}`,
    'amendment.withdrawn': (r) => `${r.actor} a retiré ${r.str('label')}`,
    'amendment.cosigned': (r) => `${r.actor} a demandé à cosigner ${r.str('label')}`,
    'amendment.cosigner_accepted': (r) => `${r.actor} a accepté ${r.person('participantId')} comme cosignataire de ${r.str('label')}`,
    'amendment.cosign_invited': (r) => `${r.actor} a invité ${r.person('participantId')} à cosigner ${r.str('label')}`,
    'amendment.cosign_invitation_accepted': (r) => `${r.actor} a accepté l’invitation à cosigner ${r.str('label')}`,
    'amendment.cosigner_removed': (r) => `${r.actor} a retiré ${r.person('participantId')} des cosignataires de ${r.str('label')}`,
    'amendment.ruled': (r) => {
      const reason = r.optStr('reason')
      return `${r.actor} a déclaré ${r.str('label')} ${r.bool('admissible') ? 'recevable' : 'irrecevable'}${reason ? ` : ${reason}` : ''}`
    },
    'amendment.ruling_changed': (r) => `${r.actor} a changé sa décision sur ${r.str('label')} : désormais ${r.bool('admissible') ? 'recevable' : 'irrecevable'}, motif : ${r.str('reason')}`,
    'amendment.opinion': (r) => {
      const opinion = r.str('opinion')
      if (!isBureauOpinion(opinion)) throw new MalformedEntry('opinion')
      const comment = r.optStr('comment')
      return `${r.actor} a donné l’avis du bureau sur ${r.str('label')} : ${opinions[opinion]}${comment ? ` (« ${comment} »)` : ''}`
    },
    'amendment.adopted': decided('adopté'),
    'amendment.rejected': decided('rejeté'),
    'amendment.merged': (r) => {
      const target = maybe(() => r.text('targetDoc'))
      return `${r.actor} a intégré ${r.str('label')} au texte${target ? ` ${ofText(target)}` : ''}`
    },
    'amendment.fell': (r) => {
      const by = r.amendment('by', 'byLabel')
      return r.has('withParent') && r.bool('withParent') ? `${r.str('label')} est tombé avec ${by}` : `${r.str('label')} est tombé, ${by} ayant été adopté`
    },
    'amendment.rewording_proposed': (r) => {
      const parent = maybe(() => r.amendment('parentId'))
      return `${r.actor} a proposé la rectification ${r.str('label')}${parent ? ` de ${parent}` : ''}`
    },
    'amendment.rectified': (r) => `${r.actor} a accepté la rectification ${r.str('rewordingLabel')} : ${r.str('label')} est rectifié`,
    'amendment.rewording_declined': (r) => `${r.actor} a refusé la rectification ${r.str('rewordingLabel')} de ${r.str('label')}`,

    'ballot.created': (r) => `${r.actor} a créé un scrutin sur ${subject(r.subject())}`,
    'ballot.rule_changed': (r) => `${r.actor} a modifié la règle du scrutin sur ${subject(r.ballot())}`,
    'ballot.deleted': (r) => `${r.actor} a supprimé le scrutin sur ${subject(r.ballot())}`,
    'ballot.opened': (r) => `Scrutin sur ${subject(r.subject())} ouvert`,
    'ballot.closed': (r) => `Scrutin sur ${subject(r.subject())} clos : ${counts(r)}`,
    'ballot.published': (r) => `Résultat du scrutin sur ${subject(r.subject())} publié : ${outcome(r)}`,
    'ballot.room_counted': (r) => `${r.actor} a saisi le décompte en salle du scrutin sur ${subject(r.subject())} : ${counts(r.obj('room'))}`,
    'ballot.part_cut': (r) => `Partie « ${r.str('part')} » retirée du texte après le scrutin sur ${subject(r.subject())}`,
    'ballot.default_rule_changed': (r) => `${r.actor} a modifié la règle de vote par défaut`,
    'vote.already_cast': (r) => {
      const represented = r.person('representedId', 'represented')
      const ballot = maybe(() => r.ballot())
      const on = ballot ? ` (scrutin sur ${subject(ballot)})` : ''
      return represented === r.actor ? `${r.actor} a tenté de voter une seconde fois${on} : refusé` : `${r.actor} a tenté de voter une seconde fois au nom ${deFr(represented)}${on} : refusé`
    },

    'attendance.checked_in': (r) => (r.str('how') === 'room-code' ? `${r.person('participantId')} s’est déclaré·e présent·e avec le code de salle` : `${r.person('participantId')} pointé·e présent·e`),
    'attendance.checked_out': (r) => `${r.person('participantId')} pointé·e absent·e`,
    'attendance.room_code_renewed': (r) => `${r.actor} a renouvelé le code de salle`,
    'proxy.recorded': (r) => `Pouvoir ${deFr(r.person('giverId', 'giverName'))} à ${r.person('holderId', 'holderName')}`,
    'proxy.revoked': (r) => `Pouvoir ${deFr(r.person('giverId', 'giverName'))} retiré`,

    'phase.changed': (r) => `Phase : ${phase(r, 'from')} → ${phase(r, 'to')}`,
    'phase.reverted': (r) => `Changement de phase annulé : ${phase(r, 'from')} → ${phase(r, 'to')} (raison : ${r.str('reason')})`,
    'congress.frozen': () => 'Motion gelée',
    'congress.sealed': (r) => `Motion scellée (empreinte du manifeste ${r.str('manifestSha256').slice(0, 12)}…)`,
    'motion.delivered': (r) => {
      const date = r.str('date')
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new MalformedEntry('date')
      return `Motion remise à ${r.str('advisorName')} (${r.str('institution')}) le ${dayWords(date, 'fr')}, canal : ${r.str('channel')}`
    },

    'participants.imported': (r) => `${r.actor} a importé ${plural(r.num('count'), 'participant', 'participants')}`,
    'participants.reimported': (r) => `${r.actor} a importé une liste de participants : ${plural(r.num('added'), 'ajouté', 'ajoutés')}, ${plural(r.num('changed'), 'modifié', 'modifiés')}`,
    'code.revoked': (r) => `${r.actor} a révoqué le code d’accès ${deFr(r.person('participantId', 'name'))}`,
    'code.reissued': (r) => `${r.actor} a remis un nouveau code d’accès à ${r.person('participantId', 'name')}`,

    'floor.vote_order': (r) => {
      const target = maybe(() => r.text('targetDoc'))
      const order = r.strings('order')
      return `${r.actor} a fixé l’ordre des votes${target ? ` sur ${text(target)}` : ''}${order.length > 0 ? ` : ${order.join(', ')}` : ' (ordre par défaut)'}`
    },
    'floor.debate': (r) => {
      if (!r.has('docName')) return `${r.actor} a clos la discussion`
      const amendment = r.has('amendmentId') ? r.amendment('amendmentId') : null
      return amendment ? `${r.actor} a mis en discussion l’amendement ${amendment}` : `${r.actor} a mis en discussion ${text(r.text('docName'))}`
    },
    'floor.rules': (r) => {
      const parts = [`${durationWords(r.num('speakingSeconds'))} par intervention`]
      if (r.bool('alternate')) parts.push('pour et contre en alternance')
      if (r.bool('firstTimersFirst')) parts.push('priorité à qui n’a pas encore parlé')
      return `${r.actor} a fixé les règles de parole : ${parts.join(', ')}`
    },
    'floor.asked': (r) => {
      const on = r.has('amendmentId') ? maybe(() => `l’amendement ${r.amendment('amendmentId')}`) : maybe(() => text(r.text('docName')))
      return `${r.actor} a demandé la parole (${stance(r)})${on ? ` sur ${on}` : ''}`
    },
    'floor.withdrawn': (r) => `${r.actor} a retiré sa demande de parole`,
    'floor.given': (r) => `${r.actor} a donné la parole à ${r.person('participantId')} (${stance(r)})`,
    'floor.ended': (r) => {
      const speaker = maybe(() => r.asker())
      return `Fin de l’intervention${speaker ? ` ${deFr(speaker)}` : ''} (${durationWords(r.num('seconds'))})`
    },

    'congress.created': (r) => `Congrès « ${r.str('title')} » créé`,
    'congress.updated': congressChange,
    'theme.added': (r) => `${r.actor} a ajouté la question « ${r.str('title')} »`,
    'theme.updated': (r) => {
      if (r.has('title')) return `${r.actor} a renommé une question : « ${r.str('title')} »`
      return `${r.actor} a placé la question « ${r.themeTitle('themeId')} » en position ${r.num('position')}`
    },
    'proposal.added': (r) => `${r.actor} a ajouté la proposition « ${r.str('title')} »`,
    'proposal.updated': (r) => {
      const n = maybe(() => r.proposalNumber('proposalId'))
      const which = n === null ? 'une proposition' : `la proposition ${n}`
      if (r.has('title')) return `${r.actor} a renommé ${which} : « ${r.str('title')} »`
      if (!r.has('themeId') && !r.has('position')) throw new MalformedEntry('change')
      return `${r.actor} a déplacé ${which}`
    },
    'text.restored': (r) => `${r.actor} a restauré la version ${r.num('seq')} ${ofText(r.text('docName'))}`,
  },
}
