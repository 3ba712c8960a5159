/** GET /api/amendments/:aid/cosign-invitations: the author's invitations to co-sign an amendment. */
export interface CosignInvitationsView {
  /** Invited, not yet accepted. */
  readonly invited: readonly { readonly id: string; readonly name: string }[]
  /** The reader is invited, and the amendment still takes co-signers: they may accept. */
  readonly invitedMe: boolean
  /** For the author only: the delegates they may still invite (French order). */
  readonly candidates: readonly { readonly id: string; readonly name: string }[]
}

/** POST /api/amendments/:aid/cosign-invitations. */
export interface CosignInviteRequest {
  readonly participantId: string
}
