import type { AuditTextRef } from '../api-types.ts'
import { isBureauOpinion, type BureauOpinion } from '../amendments/bureau-opinion.ts'
import { isFloorStance, type FloorStance } from '../floor/speakers.ts'
import { isPhase, type Phase } from '../phases.ts'
import { dayWords, durationWords } from '../record/record-dates.ts'
import { MalformedEntry, maybe, type LogReading, type LogSubject } from './log-reading.ts'
import type { LogRule, LogSentences } from './log-sentence.ts'

// The log in English: "Élodie Bézier filed P12-A1", "Phase: setup → drafting".

const listEn = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`)
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

const phases: Record<Phase, string> = { setup: 'setup', drafting: 'drafting', amendments: 'amendments', voting: 'voting', frozen: 'motion frozen', delivered: 'motion delivered' }
const opinions: Record<BureauOpinion, string> = { favorable: 'favourable', unfavorable: 'unfavourable', wisdom: 'the assembly’s wisdom', withdrawal_requested: 'withdrawal requested' }
const stances: Record<FloorStance, string> = { for: 'for', against: 'against', order: 'point of order' }
const outcomes: Record<string, string> = { adopted: 'adopted', rejected: 'rejected', 'no-quorum': 'no quorum' }

const text = (t: AuditTextRef) => (t.kind === 'preamble' ? 'the preamble' : t.kind === 'proposal' ? `proposal ${t.number}` : `amendment ${t.label}`)

function subject(s: LogSubject): string {
  switch (s.kind) {
    case 'motion':
      return 'the motion'
    case 'proposal':
      return s.part === null ? `proposal ${s.number}` : `proposal ${s.number} (division: ${s.part})`
    case 'proposals':
      return `proposals ${listEn(s.numbers)} (as a block)`
    case 'amendment':
      return s.label
    case 'amendments':
      return `amendments ${listEn(s.labels)} (as a block)`
    case 'other':
      return `“${s.text}”`
  }
}

function phase(r: LogReading, key: string): string {
  const value = r.str(key)
  if (!isPhase(value)) throw new MalformedEntry(key)
  return phases[value]
}

const counts = (r: LogReading) => `${r.num('yes')} for, ${r.num('no')} against, ${plural(r.num('abstain'), 'abstention', 'abstentions')}`

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

function decided(word: string): LogRule {
  return (r) => {
    const label = r.str('label')
    if (r.has('identicalToLabel')) return `${label} ${word}, identical to ${r.str('identicalToLabel')}`
    if (r.has('ballotId')) return `${label} ${word} by the vote`
    return `${r.actor} declared ${label} ${word}`
  }
}

const congressFields: Record<string, string> = { title: 'title', edition: 'edition', organisation: 'organisation', place: 'place', date: 'date', minCosigners: 'co-signers required' }

function congressChange(r: LogReading): string {
  const changes = Object.keys(congressFields).flatMap((key) => {
    const value = maybe(() => r.str(key)) ?? maybe(() => r.num(key))
    return value === null ? [] : [typeof value === 'number' ? `${congressFields[key]}: ${value}` : `${congressFields[key]} “${value}”`]
  })
  if (changes.length === 0) throw new MalformedEntry('details')
  return `${r.actor} changed the congress: ${changes.join(', ')}`
}

export const enLogSentences: LogSentences = {
  generic: (action) => `Action “${action}” recorded`,
  commandLine: 'command line',
  rules: {
    'amendment.filed': (r) => `${r.actor} started amendment ${r.str('label')} (draft)`,
    'amendment.submitted': (r) => `${r.actor} filed ${r.str('label')}`,
    'amendment.withdrawn': (r) => `${r.actor} withdrew ${r.str('label')}`,
    'amendment.cosigned': (r) => `${r.actor} asked to co-sign ${r.str('label')}`,
    'amendment.cosigner_accepted': (r) => `${r.actor} accepted ${r.person('participantId')} as a co-signer of ${r.str('label')}`,
    'amendment.cosign_invited': (r) => `${r.actor} invited ${r.person('participantId')} to co-sign ${r.str('label')}`,
    'amendment.cosign_invitation_accepted': (r) => `${r.actor} accepted the invitation to co-sign ${r.str('label')}`,
    'amendment.cosigner_removed': (r) => `${r.actor} removed ${r.person('participantId')} from the co-signers of ${r.str('label')}`,
    'amendment.ruled': (r) => {
      const reason = r.optStr('reason')
      return `${r.actor} ruled ${r.str('label')} ${r.bool('admissible') ? 'admissible' : 'inadmissible'}${reason ? `: ${reason}` : ''}`
    },
    'amendment.ruling_changed': (r) => `${r.actor} changed the ruling on ${r.str('label')}: now ${r.bool('admissible') ? 'admissible' : 'inadmissible'}, reason: ${r.str('reason')}`,
    'amendment.opinion': (r) => {
      const opinion = r.str('opinion')
      if (!isBureauOpinion(opinion)) throw new MalformedEntry('opinion')
      const comment = r.optStr('comment')
      return `${r.actor} gave the bureau’s opinion on ${r.str('label')}: ${opinions[opinion]}${comment ? ` (“${comment}”)` : ''}`
    },
    'amendment.adopted': decided('adopted'),
    'amendment.rejected': decided('rejected'),
    'amendment.merged': (r) => {
      const target = maybe(() => r.text('targetDoc'))
      return `${r.actor} merged ${r.str('label')} into ${target ? text(target) : 'its text'}`
    },
    'amendment.fell': (r) => {
      const by = r.amendment('by', 'byLabel')
      return r.has('withParent') && r.bool('withParent') ? `${r.str('label')} fell with ${by}` : `${r.str('label')} fell: ${by} was adopted`
    },
    'amendment.rewording_proposed': (r) => {
      const parent = maybe(() => r.amendment('parentId'))
      return `${r.actor} proposed rewording ${r.str('label')}${parent ? ` of ${parent}` : ''}`
    },
    'amendment.rectified': (r) => `${r.actor} accepted rewording ${r.str('rewordingLabel')}: ${r.str('label')} is reworded`,
    'amendment.rewording_declined': (r) => `${r.actor} declined rewording ${r.str('rewordingLabel')} of ${r.str('label')}`,

    'ballot.created': (r) => `${r.actor} created a ballot on ${subject(r.subject())}`,
    'ballot.rule_changed': (r) => `${r.actor} changed the rule of the ballot on ${subject(r.ballot())}`,
    'ballot.deleted': (r) => `${r.actor} deleted the ballot on ${subject(r.ballot())}`,
    'ballot.opened': (r) => `Ballot on ${subject(r.subject())} opened`,
    'ballot.closed': (r) => `Ballot on ${subject(r.subject())} closed: ${counts(r)}`,
    'ballot.published': (r) => `Result of the ballot on ${subject(r.subject())} published: ${outcome(r)}`,
    'ballot.room_counted': (r) => `${r.actor} entered the room count of the ballot on ${subject(r.subject())}: ${counts(r.obj('room'))}`,
    'ballot.part_cut': (r) => `Part “${r.str('part')}” cut from the text after the ballot on ${subject(r.subject())}`,
    'ballot.default_rule_changed': (r) => `${r.actor} changed the default voting rule`,
    'vote.already_cast': (r) => {
      const represented = r.person('representedId', 'represented')
      const ballot = maybe(() => r.ballot())
      const on = ballot ? ` (ballot on ${subject(ballot)})` : ''
      return represented === r.actor ? `${r.actor} tried to vote a second time${on}: refused` : `${r.actor} tried to vote a second time on behalf of ${represented}${on}: refused`
    },

    'attendance.checked_in': (r) => (r.str('how') === 'room-code' ? `${r.person('participantId')} checked in with the room code` : `${r.person('participantId')} checked in as present`),
    'attendance.checked_out': (r) => `${r.person('participantId')} checked out as absent`,
    'attendance.room_code_renewed': (r) => `${r.actor} renewed the room code`,
    'proxy.recorded': (r) => `Proxy from ${r.person('giverId', 'giverName')} to ${r.person('holderId', 'holderName')}`,
    'proxy.revoked': (r) => `Proxy from ${r.person('giverId', 'giverName')} withdrawn`,

    'phase.changed': (r) => `Phase: ${phase(r, 'from')} → ${phase(r, 'to')}`,
    'phase.reverted': (r) => `Phase change undone: ${phase(r, 'from')} → ${phase(r, 'to')} (reason: ${r.str('reason')})`,
    'congress.frozen': () => 'Motion frozen',
    'congress.sealed': (r) => `Motion sealed (manifest digest ${r.str('manifestSha256').slice(0, 12)}…)`,
    'motion.delivered': (r) => {
      const date = r.str('date')
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new MalformedEntry('date')
      return `Motion delivered to ${r.str('advisorName')} (${r.str('institution')}) on ${dayWords(date, 'en')}, channel: ${r.str('channel')}`
    },

    'participants.imported': (r) => `${r.actor} imported ${plural(r.num('count'), 'participant', 'participants')}`,
    'participants.reimported': (r) => `${r.actor} imported a list of participants: ${r.num('added')} added, ${r.num('changed')} changed`,
    'code.revoked': (r) => `${r.actor} revoked the access code of ${r.person('participantId', 'name')}`,
    'code.reissued': (r) => `${r.actor} issued a new access code to ${r.person('participantId', 'name')}`,

    'floor.vote_order': (r) => {
      const target = maybe(() => r.text('targetDoc'))
      const order = r.strings('order')
      return `${r.actor} set the voting order${target ? ` on ${text(target)}` : ''}${order.length > 0 ? `: ${order.join(', ')}` : ' (default order)'}`
    },
    'floor.debate': (r) => {
      if (!r.has('docName')) return `${r.actor} closed the debate`
      const amendment = r.has('amendmentId') ? r.amendment('amendmentId') : null
      return amendment ? `${r.actor} opened the debate on amendment ${amendment}` : `${r.actor} opened the debate on ${text(r.text('docName'))}`
    },
    'floor.rules': (r) => {
      const parts = [`${durationWords(r.num('speakingSeconds'))} per speech`]
      if (r.bool('alternate')) parts.push('for and against in turn')
      if (r.bool('firstTimersFirst')) parts.push('first-time speakers first')
      return `${r.actor} set the speaking rules: ${parts.join(', ')}`
    },
    'floor.asked': (r) => {
      const on = r.has('amendmentId') ? maybe(() => `amendment ${r.amendment('amendmentId')}`) : maybe(() => text(r.text('docName')))
      return `${r.actor} asked for the floor (${stance(r)})${on ? ` on ${on}` : ''}`
    },
    'floor.withdrawn': (r) => `${r.actor} withdrew their request for the floor`,
    'floor.given': (r) => `${r.actor} gave the floor to ${r.person('participantId')} (${stance(r)})`,
    'floor.ended': (r) => {
      const speaker = maybe(() => r.asker())
      return `End of ${speaker ? `${speaker}’s speech` : 'a speech'} (${durationWords(r.num('seconds'))})`
    },

    'congress.created': (r) => `Congress “${r.str('title')}” created`,
    'congress.updated': congressChange,
    'theme.added': (r) => `${r.actor} added the question “${r.str('title')}”`,
    'theme.updated': (r) => {
      if (r.has('title')) return `${r.actor} renamed a question: “${r.str('title')}”`
      return `${r.actor} moved the question “${r.themeTitle('themeId')}” to position ${r.num('position')}`
    },
    'proposal.added': (r) => `${r.actor} added the proposal “${r.str('title')}”`,
    'proposal.updated': (r) => {
      const n = maybe(() => r.proposalNumber('proposalId'))
      const which = n === null ? 'a proposal' : `proposal ${n}`
      if (r.has('title')) return `${r.actor} renamed ${which}: “${r.str('title')}”`
      if (!r.has('themeId') && !r.has('position')) throw new MalformedEntry('change')
      return `${r.actor} moved ${which}`
    },
    'text.restored': (r) => `${r.actor} restored version ${r.num('seq')} of ${text(r.text('docName'))}`,
  },
}
