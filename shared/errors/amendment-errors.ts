import type { AmendmentStatus } from '../amendments/amendment-status.ts'
import type { ErrorKinds } from './error-kind.ts'

/**
 * What an amendment command was about to do when the amendment's status refused it: a step of its
 * life (shared/amendments/amendment-status.ts), or a change only its authors make while they hold it.
 */
export type AmendmentAttempt = 'submit' | 'withdraw' | 'rule' | 'change_ruling' | 'opinion' | 'adopt' | 'reject' | 'merge' | 'edit' | 'cosign' | 'change_cosigners' | 'sub_amend' | 'reword' | 'answer_rewording'

/** What only the amendment's author does. */
export type AuthorOnlyStep = 'submit' | 'withdraw' | 'accept_cosigner' | 'remove_cosigner' | 'answer_rewording' | 'invite_cosigner'

/** The failures of the amendment commands and presenters, each with what the client needs to say it. */
export interface AmendmentErrorParams {
  amendment_not_found: { readonly amendmentId: string }
  /** The amendment's status does not allow what was attempted (only a draft is submitted…). */
  amendment_status: { readonly amendmentId: string; readonly status: AmendmentStatus; readonly attempted: AmendmentAttempt }
  /** Someone else moved the amendment on between the read and the write: reload. */
  amendment_changed_meanwhile: { readonly amendmentId: string }
  /** The text to amend (or the amendment's own) has no document. */
  amendment_text_missing: { readonly docName: string }
  /** Only the author submits, withdraws, accepts or removes co-signers (a co-signer may remove themself). */
  not_an_author: { readonly amendmentId: string; readonly attempted: AuthorOnlyStep }
  /** Only the author and the accepted co-signers edit the amendment. */
  not_an_editor: { readonly amendmentId: string }
  /** The congress asks for more accepted co-signers before an amendment goes to the bureau. */
  cosigners_missing: { readonly amendmentId: string; readonly required: number; readonly accepted: number }
  /** The author does not co-sign their own amendment. */
  cosigner_is_author: { readonly amendmentId: string }
  /** This participant does not co-sign the amendment. */
  cosigner_not_found: { readonly amendmentId: string; readonly participantId: string }
  /** No co-signing request of this participant awaits the author's answer. */
  cosign_request_not_found: { readonly amendmentId: string; readonly participantId: string }
  /** The author invites a delegate of the congress who does not sign the amendment yet (not the author, not revoked, not already asked). */
  cosign_invitee_invalid: { readonly amendmentId: string; readonly participantId: string; readonly reason: 'not_a_delegate' | 'already_signs' }
  /** No invitation to co-sign this amendment awaits this person. */
  cosign_invitation_not_found: { readonly amendmentId: string }
  /** The bureau's order of the votes does not fit the text's votes (some added or decided since, or a sub-amendment after its amendment). */
  vote_order_invalid: { readonly reason: 'not_the_same_votes' | 'sub_amendment_after_parent' }
  /** A sub-amendment (or a rewording) is not itself amended: one level only, as in the assemblies. */
  sub_amendment_nested: { readonly amendmentId: string }
  /** This is not a rewording the bureau proposed to this amendment's author. */
  not_a_rewording: { readonly amendmentId: string }
  /** The rewording changed after the author read it: read it again before accepting. */
  rewording_changed: { readonly amendmentId: string }
  /** Another merge changed the amended text while this one was prepared: merge again. */
  target_changed_meanwhile: { readonly amendmentId: string; readonly docName: string }
  /**
   * A ruling is not changed once something stands on it: a ballot on the amendment (prepared or held),
   * a sub-amendment of it the assembly voted on or a ballot is prepared for, or the text it amends put to the vote.
   */
  ruling_depended_on: { readonly amendmentId: string; readonly reason: 'ballot' | 'sub_amendment' | 'voted_text'; /** The ballot's id, the sub-amendment's label, or the voted text's document. */ readonly by: string }
  /** A change of ruling says the other one (admissible ↔ inadmissible). */
  ruling_unchanged: { readonly amendmentId: string; readonly admissible: boolean }
}

export const amendmentErrorKinds = {
  amendment_not_found: 'not_found',
  amendment_status: 'conflict',
  amendment_changed_meanwhile: 'conflict',
  amendment_text_missing: 'not_found',
  not_an_author: 'forbidden',
  not_an_editor: 'forbidden',
  cosigners_missing: 'conflict',
  cosigner_is_author: 'conflict',
  cosigner_not_found: 'not_found',
  cosign_request_not_found: 'not_found',
  cosign_invitee_invalid: 'conflict',
  cosign_invitation_not_found: 'not_found',
  target_changed_meanwhile: 'conflict',
  sub_amendment_nested: 'conflict',
  not_a_rewording: 'conflict',
  rewording_changed: 'conflict',
  vote_order_invalid: 'conflict',
  ruling_depended_on: 'conflict',
  ruling_unchanged: 'conflict',
} as const satisfies ErrorKinds<AmendmentErrorParams>
