import type { NotificationKind } from '../../shared/notifications/notification-kinds.ts'
import { plural } from './plural.ts'

/** What a notification says (actor, label, parent label). */
type Say = (n: { readonly actorName: string; readonly label: string; readonly parentLabel: string | null }) => string

/** Notifications (the header's badge and its list) and invitations to co-sign. French, the reference. */
export const frNotifications = {
  button: 'Notifications',
  /** The badge's accessible name: the count in words. */
  unread: (n: number) => (n === 0 ? 'aucune non lue' : plural(n, 'non lue', 'non lues')),
  heading: 'Vos notifications',
  empty: 'Aucune notification pour l’instant.',
  loadFailed: 'Les notifications n’ont pas pu être lues : elles le seront à la reconnexion.',
  newMark: 'Nouveau',
  say: {
    sub_amendment: (n) => `${n.actorName} a déposé le sous-amendement ${n.label} sur votre amendement ${n.parentLabel ?? ''}`,
    rewording: (n) => `Le bureau propose une rectification (${n.label}) de votre amendement ${n.parentLabel ?? ''}`,
    cosign_asked: (n) => `${n.actorName} demande à cosigner votre amendement ${n.label}`,
    cosign_accepted: (n) => `${n.actorName} vous a accepté comme cosignataire de ${n.label}`,
    cosign_invited: (n) => `${n.actorName} vous invite à cosigner l’amendement ${n.label}`,
    invitation_accepted: (n) => `${n.actorName} a accepté de cosigner votre amendement ${n.label}`,
    ruled_admissible: (n) => `Votre amendement ${n.label} a été déclaré recevable`,
    ruled_inadmissible: (n) => `Votre amendement ${n.label} a été déclaré irrecevable`,
    ballot_opened: (n) => `Scrutin ouvert : ${n.label}`,
  } satisfies Record<NotificationKind, Say> as Record<NotificationKind, Say>,
  // Invitations to co-sign (cosign-invite.ts).
  inviteHeading: 'Inviter à cosigner',
  inviteLabel: 'Délégué à inviter',
  inviteChoose: 'Choisir un délégué…',
  inviteButton: 'Inviter',
  invitedList: (n: number, names: string) => `${plural(n, 'invitation en attente', 'invitations en attente')} : ${names}`,
  invitedDone: (name: string) => `${name} est invité·e : une notification lui est envoyée.`,
  invitedYou: 'L’auteur vous invite à cosigner cet amendement.',
  acceptInvitation: 'Accepter de cosigner',
  accepted: 'Vous cosignez cet amendement.',
}

export type NotificationMessages = typeof frNotifications
