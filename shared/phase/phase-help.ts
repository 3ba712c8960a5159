import type { Action } from '../permissions.ts'
import type { Phase } from '../phases.ts'
import type { Role } from '../roles.ts'

/**
 * Help per phase: which sentence heads every page, by the phase and the reader's role. The words
 * are the client's (client/i18n/*-dashboard.ts, one per topic and language); what each topic says
 * one may do is checked against the permissions table (`topicAllows`, tests/unit/phase-help.test.ts),
 * so the help never promises what the server refuses.
 */
export const helpTopics = [
  'setup-bureau',
  'setup-others',
  'drafting-write',
  'drafting-read',
  'amendments-bureau',
  'amendments-delegate',
  'amendments-read',
  'voting-bureau',
  'voting-vote',
  'sealed-bureau',
  'sealed-read',
] as const
export type HelpTopic = (typeof helpTopics)[number]

const table: Readonly<Record<Phase, Readonly<Record<Role, HelpTopic | null>>>> = {
  setup: { bureau: 'setup-bureau', delegate: 'setup-others', attendee: 'setup-others', advisor: null },
  drafting: { bureau: 'drafting-write', delegate: 'drafting-write', attendee: 'drafting-read', advisor: null },
  amendments: { bureau: 'amendments-bureau', delegate: 'amendments-delegate', attendee: 'amendments-read', advisor: null },
  voting: { bureau: 'voting-bureau', delegate: 'voting-vote', attendee: 'voting-vote', advisor: null },
  frozen: { bureau: 'sealed-bureau', delegate: 'sealed-read', attendee: 'sealed-read', advisor: 'sealed-read' },
  delivered: { bureau: 'sealed-bureau', delegate: 'sealed-read', attendee: 'sealed-read', advisor: 'sealed-read' },
}

/** The sentence to show, or null (an advisor before the freeze sees nothing of the congress). */
export function phaseHelpTopic(phase: Phase, role: Role): HelpTopic | null {
  return table[phase][role]
}

/** What each topic tells its reader they may do now: each must be allowed to them in that phase. */
export const topicAllows: Readonly<Record<HelpTopic, readonly Action[]>> = {
  'setup-bureau': ['structure.edit', 'participants.manage', 'phase.change'],
  'setup-others': ['congress.read'],
  'drafting-write': ['doc.write'],
  'drafting-read': ['congress.read'],
  'amendments-bureau': ['amendment.rule', 'amendment.opinion', 'amendment.file'],
  'amendments-delegate': ['amendment.file', 'amendment.cosign', 'amendment.withdraw'],
  'amendments-read': ['congress.read'],
  'voting-bureau': ['ballot.manage', 'ballot.vote'],
  'voting-vote': ['ballot.vote'],
  'sealed-bureau': ['delivery.record', 'seal.read'],
  'sealed-read': ['seal.read'],
}

/** What a reading topic tells its reader they may not do now (no writing the texts). */
export const topicForbids: Readonly<Partial<Record<HelpTopic, readonly Action[]>>> = {
  'setup-others': ['doc.write', 'ballot.vote'],
  'drafting-read': ['doc.write', 'amendment.file'],
  'amendments-read': ['amendment.file', 'doc.write'],
  'voting-vote': ['doc.write'],
  'sealed-read': ['doc.write', 'ballot.vote'],
}
