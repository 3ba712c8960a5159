import type { NotificationMessages } from './fr-notifications.ts'
import { plural } from './plural.ts'

export const enNotifications: NotificationMessages = {
  button: 'Notifications',
  unread: (n) => (n === 0 ? 'none unread' : `${n} unread`),
  heading: 'Your notifications',
  empty: 'No notifications yet.',
  loadFailed: 'Notifications could not be read: they will be when the connection is back.',
  newMark: 'New',
  say: {
    sub_amendment: (n) => `${n.actorName} filed sub-amendment ${n.label} on your amendment ${n.parentLabel ?? ''}`,
    rewording: (n) => `The bureau proposes a rewording (${n.label}) of your amendment ${n.parentLabel ?? ''}`,
    cosign_asked: (n) => `${n.actorName} asks to co-sign your amendment ${n.label}`,
    cosign_accepted: (n) => `${n.actorName} accepted you as a co-signer of ${n.label}`,
    cosign_invited: (n) => `${n.actorName} invites you to co-sign amendment ${n.label}`,
    invitation_accepted: (n) => `${n.actorName} accepted to co-sign your amendment ${n.label}`,
    ruled_admissible: (n) => `Your amendment ${n.label} was ruled admissible`,
    ruled_inadmissible: (n) => `Your amendment ${n.label} was ruled inadmissible`,
    ballot_opened: (n) => `Ballot open: ${n.label}`,
  },
  inviteHeading: 'Invite to co-sign',
  inviteLabel: 'Delegate to invite',
  inviteChoose: 'Choose a delegate…',
  inviteButton: 'Invite',
  invitedList: (n, names) => `${plural(n, 'invitation waiting', 'invitations waiting')}: ${names}`,
  invitedDone: (name) => `${name} is invited: a notification is on its way.`,
  invitedYou: 'The author invites you to co-sign this amendment.',
  acceptInvitation: 'Accept to co-sign',
  accepted: 'You co-sign this amendment.',
}
