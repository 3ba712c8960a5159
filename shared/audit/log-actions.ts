/**
 * Every action the decision log records, by the kind the bureau filters on. The sentence tables of
 * each language are typed on this list, so an action added here without its sentences does not
 * compile; an entry whose action is not here (an older or newer server) still reads, generically.
 */
export const logKinds = ['amendments', 'ballots', 'attendance', 'phases', 'participants', 'floor', 'texts'] as const
export type LogKind = (typeof logKinds)[number]

export const loggedActions = {
  'amendment.filed': 'amendments',
  'amendment.submitted': 'amendments',
  'amendment.withdrawn': 'amendments',
  'amendment.cosigned': 'amendments',
  'amendment.cosigner_accepted': 'amendments',
  'amendment.cosigner_removed': 'amendments',
  'amendment.cosign_invited': 'amendments',
  'amendment.cosign_invitation_accepted': 'amendments',
  'amendment.ruled': 'amendments',
  'amendment.ruling_changed': 'amendments',
  'amendment.opinion': 'amendments',
  'amendment.adopted': 'amendments',
  'amendment.rejected': 'amendments',
  'amendment.merged': 'amendments',
  'amendment.fell': 'amendments',
  'amendment.rewording_proposed': 'amendments',
  'amendment.rectified': 'amendments',
  'amendment.rewording_declined': 'amendments',
  'ballot.created': 'ballots',
  'ballot.rule_changed': 'ballots',
  'ballot.deleted': 'ballots',
  'ballot.opened': 'ballots',
  'ballot.closed': 'ballots',
  'ballot.published': 'ballots',
  'ballot.room_counted': 'ballots',
  'ballot.part_cut': 'ballots',
  'ballot.default_rule_changed': 'ballots',
  'vote.already_cast': 'ballots',
  'attendance.checked_in': 'attendance',
  'attendance.checked_out': 'attendance',
  'attendance.room_code_renewed': 'attendance',
  'proxy.recorded': 'attendance',
  'proxy.revoked': 'attendance',
  'phase.changed': 'phases',
  'phase.reverted': 'phases',
  'congress.frozen': 'phases',
  'congress.sealed': 'phases',
  'motion.delivered': 'phases',
  'participants.imported': 'participants',
  'participants.reimported': 'participants',
  'code.revoked': 'participants',
  'code.reissued': 'participants',
  'floor.vote_order': 'floor',
  'floor.debate': 'floor',
  'floor.rules': 'floor',
  'floor.asked': 'floor',
  'floor.withdrawn': 'floor',
  'floor.given': 'floor',
  'floor.ended': 'floor',
  'congress.created': 'texts',
  'congress.updated': 'texts',
  'theme.added': 'texts',
  'theme.updated': 'texts',
  'proposal.added': 'texts',
  'proposal.updated': 'texts',
  'text.restored': 'texts',
} as const satisfies Record<string, LogKind>

export type LoggedAction = keyof typeof loggedActions

export function isLoggedAction(action: string): action is LoggedAction {
  return Object.hasOwn(loggedActions, action)
}

/** The kind of an entry; null for an action this version does not know. */
export function logKindOf(action: string): LogKind | null {
  return isLoggedAction(action) ? loggedActions[action] : null
}
