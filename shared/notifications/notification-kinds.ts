import type { BallotSubjectView } from '../api-types.ts'

/**
 * What a person is told about in the app (server/notifications/ writes them, the header's badge
 * lists them). The database refuses any other value (migration 0021).
 */
export const notificationKinds = [
  /** Someone filed a sub-amendment on my amendment. */
  'sub_amendment',
  /** The bureau proposed a rewording of my amendment. */
  'rewording',
  /** A delegate asked to co-sign my amendment. */
  'cosign_asked',
  /** The author accepted me as a co-signer. */
  'cosign_accepted',
  /** An author invited me to co-sign their amendment. */
  'cosign_invited',
  /** Someone I invited accepted to co-sign my amendment. */
  'invitation_accepted',
  /** The bureau ruled my amendment admissible, or not. */
  'ruled_admissible',
  'ruled_inadmissible',
  /** A ballot opened in which I vote. */
  'ballot_opened',
] as const

export type NotificationKind = (typeof notificationKinds)[number]

/** One notification as GET /api/congresses/:id/notifications answers it. */
export interface NotificationView {
  readonly id: number
  readonly kind: NotificationKind
  /** ISO time. */
  readonly at: string
  readonly actorName: string
  readonly label: string
  readonly parentLabel: string | null
  readonly amendmentId: string | null
  readonly ballotId: string | null
  /** A ballot's subject, for the page to say in its language (`label` is the minutes' French). */
  readonly subject: BallotSubjectView | null
  readonly read: boolean
}

export interface NotificationListView {
  /** The latest first, at most 50. */
  readonly items: readonly NotificationView[]
  readonly unread: number
}
