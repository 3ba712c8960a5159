import { editableStatuses, type AmendmentStatus } from './amendments/amendment-status.ts'
import type { DocAddress, DocKind } from './docs/doc-name.ts'
import type { Phase } from './phases.ts'
import { phases } from './phases.ts'
import { votingRoles, type Role } from './roles.ts'

export interface Actor {
  readonly participantId: string
  readonly congressId: string
  readonly role: Role
}

/** Everything a participant may try, by name. */
export const actions = [
  'congress.read',
  'doc.read',
  'doc.write',
  'structure.edit',
  'phase.change',
  'participants.manage',
  'audit.read',
  // Filing, editing the justification, submitting, accepting co-signers: authorship is checked on top.
  'amendment.file',
  'amendment.cosign',
  'amendment.withdraw',
  'amendment.rule',
  // The bureau's opinion (avis) on an amendment before its vote.
  'amendment.opinion',
  // The bureau's own order of the votes on a text.
  'floor.order',
  // Running the list of speakers: the item under debate, giving and ending the floor.
  'floor.run',
  // Asking for the floor (and withdrawing one's request).
  'floor.ask',
  // Adopting, rejecting, merging.
  'amendment.decide',
  // Creating, opening, closing and publishing ballots; seeing participation live.
  'ballot.manage',
  'ballot.vote',
  // The check-in desk and proxies (pouvoirs).
  'attendance.manage',
  // Checking oneself in with the code shown in the room.
  'attendance.self',
  // Driving and showing the projector (it shows the room's check-in code).
  'projector.show',
  // Freezing the motion for good, then recording its deliveries.
  'congress.freeze',
  'delivery.record',
  // The sealed bundle and its signature.
  'seal.read',
  // One's own sign-ins and the votes cast with one's code: whoever holds a session, always.
  'activity.own',
  // Restoring a base text's earlier version, as a new change (the text's history).
  'text.restore',
] as const
export type Action = (typeof actions)[number]

interface Rule {
  readonly action: Action
  readonly roles: readonly Role[]
  readonly phases: readonly Phase[]
  /** For document actions: the kinds of document the rule covers. */
  readonly kinds?: readonly DocKind[]
}

const everyPhase = phases
const beforeFreeze: readonly Phase[] = ['setup', 'drafting', 'amendments', 'voting']
const sealed: readonly Phase[] = ['frozen', 'delivered']
const participantsRoles: readonly Role[] = votingRoles
const amending: readonly Role[] = ['delegate', 'bureau']
const amendmentsAndVoting: readonly Phase[] = ['amendments', 'voting']

/**
 * The permissions table: (role, phase, action, document kind) → allowed when a rule covers it.
 * HTTP routes, the sync socket and the client (to show or hide controls) all read this table.
 */
export const permissionRules: readonly Rule[] = [
  { action: 'congress.read', roles: participantsRoles, phases: everyPhase },
  { action: 'congress.read', roles: ['advisor'], phases: sealed },
  { action: 'doc.read', roles: participantsRoles, phases: everyPhase, kinds: ['preamble', 'proposal', 'amendment'] },
  { action: 'doc.read', roles: ['advisor'], phases: sealed, kinds: ['preamble', 'proposal', 'amendment'] },
  // Base texts are written in drafting only; the amendment phase locks them.
  { action: 'doc.write', roles: ['delegate', 'bureau'], phases: ['drafting'], kinds: ['preamble', 'proposal'] },
  { action: 'doc.write', roles: ['delegate', 'bureau'], phases: ['amendments'], kinds: ['amendment'] },
  { action: 'structure.edit', roles: ['bureau'], phases: ['setup', 'drafting'] },
  { action: 'phase.change', roles: ['bureau'], phases: beforeFreeze },
  { action: 'participants.manage', roles: ['bureau'], phases: everyPhase },
  { action: 'audit.read', roles: ['bureau'], phases: everyPhase },
  { action: 'amendment.file', roles: amending, phases: ['amendments'] },
  { action: 'amendment.cosign', roles: amending, phases: ['amendments'] },
  { action: 'amendment.withdraw', roles: amending, phases: amendmentsAndVoting },
  { action: 'amendment.rule', roles: ['bureau'], phases: amendmentsAndVoting },
  { action: 'amendment.opinion', roles: ['bureau'], phases: amendmentsAndVoting },
  { action: 'floor.order', roles: ['bureau'], phases: amendmentsAndVoting },
  { action: 'floor.run', roles: ['bureau'], phases: beforeFreeze },
  { action: 'floor.ask', roles: participantsRoles, phases: beforeFreeze },
  { action: 'amendment.decide', roles: ['bureau'], phases: amendmentsAndVoting },
  { action: 'ballot.manage', roles: ['bureau'], phases: ['voting'] },
  { action: 'ballot.vote', roles: participantsRoles, phases: ['voting'] },
  { action: 'attendance.manage', roles: ['bureau'], phases: beforeFreeze },
  { action: 'attendance.self', roles: participantsRoles, phases: beforeFreeze },
  { action: 'projector.show', roles: ['bureau'], phases: everyPhase },
  { action: 'congress.freeze', roles: ['bureau'], phases: ['drafting', 'amendments', 'voting'] },
  { action: 'delivery.record', roles: ['bureau'], phases: sealed },
  { action: 'seal.read', roles: [...participantsRoles, 'advisor'], phases: sealed },
  { action: 'activity.own', roles: [...participantsRoles, 'advisor'], phases: everyPhase },
  // While the base texts are written (drafting); a text put to the vote is refused on top.
  { action: 'text.restore', roles: ['bureau'], phases: ['drafting'] },
]

export interface PermissionQuery {
  readonly role: Role
  readonly phase: Phase
  readonly action: Action
  readonly kind?: DocKind
}

export function isAllowed({ role, phase, action, kind }: PermissionQuery): boolean {
  return permissionRules.some(
    (rule) =>
      rule.action === action &&
      rule.roles.includes(role) &&
      rule.phases.includes(phase) &&
      (rule.kinds === undefined || (kind !== undefined && rule.kinds.includes(kind))),
  )
}

/** Why something is refused: the role never may, or another phase would allow it. */
export type Refusal = 'role' | 'phase'

export function refusal(query: PermissionQuery): Refusal | undefined {
  if (isAllowed(query)) return undefined
  return phases.some((phase) => isAllowed({ ...query, phase })) ? 'phase' : 'role'
}

/**
 * Why a document is read-only for someone: their role never writes it, the phase locks it, they are
 * not among an amendment's authors, the amendment left the authors' hands (ruled, withdrawn…), or
 * the text was put to the vote (locked for good: the seal checks it against the text voted).
 */
export type ReadOnlyReason = Refusal | 'author' | 'closed' | 'voted'

/**
 * Who writes one amendment: the facts the rule reads. An AmendmentView (shared/api-types.ts) is one
 * as it is; the server builds one from its rows.
 */
export interface AmendmentAuthorship {
  readonly status: AmendmentStatus
  readonly author: { readonly id: string }
  /** Co-signers: only the accepted ones co-edit. */
  readonly cosigners: readonly { readonly id: string; readonly accepted: boolean }[]
}

/** The people who write an amendment: its author and the co-signers the author accepted. */
export function amendmentEditors(amendment: AmendmentAuthorship): readonly string[] {
  return [amendment.author.id, ...amendment.cosigners.filter((c) => c.accepted).map((c) => c.id)]
}

/**
 * Whether the actor may edit the amendment (its text and its justification) now: the table lets
 * their role write amendments in this phase, the amendment is still in its authors' hands (draft or
 * submitted), and the actor is one of its editors. The socket, the commands and the client ask this.
 */
export function canEditAmendment(actor: Actor, phase: Phase, amendment: AmendmentAuthorship): boolean {
  return amendmentReadOnlyReason(actor, phase, amendment) === undefined
}

export function readOnlyReason(role: Role, phase: Phase, kind: DocKind): ReadOnlyReason | undefined {
  return refusal({ role, phase, action: 'doc.write', kind })
}

/** Why the actor may not edit the amendment, if they may not (see canEditAmendment). */
export function amendmentReadOnlyReason(actor: Actor, phase: Phase, amendment: AmendmentAuthorship): ReadOnlyReason | undefined {
  const refused = readOnlyReason(actor.role, phase, 'amendment')
  if (refused) return refused
  if (!editableStatuses.includes(amendment.status)) return 'closed'
  return amendmentEditors(amendment).includes(actor.participantId) ? undefined : 'author'
}

export function canRead(actor: Actor, doc: DocAddress, phase: Phase): boolean {
  return actor.congressId === doc.congressId && isAllowed({ role: actor.role, phase, action: 'doc.read', kind: doc.kind })
}

/** Why the actor may not write the document (undefined: they may). An amendment without its `authorship` is closed. */
export function writeRefusal(actor: Actor, doc: DocAddress, phase: Phase, authorship?: AmendmentAuthorship): ReadOnlyReason | undefined {
  if (actor.congressId !== doc.congressId) return 'role'
  if (doc.kind !== 'amendment') return readOnlyReason(actor.role, phase, doc.kind)
  return authorship ? amendmentReadOnlyReason(actor, phase, authorship) : 'closed'
}
