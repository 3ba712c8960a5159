import { amendmentAttemptNames, amendmentStatusNames, authorStepNames } from '../../../shared/amendments/amendment-status-names.ts'
import type { AmendmentStatus } from '../../../shared/amendments/amendment-status.ts'
import type { AmendmentAttempt, AmendmentErrorParams, AuthorOnlyStep } from '../../../shared/errors/amendment-errors.ts'
import type { ErrorMessages } from './error-messages.ts'

export const amendmentFr: ErrorMessages<AmendmentErrorParams> = {
  amendment_not_found: () => 'Cet amendement n’existe pas.',
  amendment_status: (e) => `Cet amendement est ${amendmentStatusNames[e.status]} : impossible de ${amendmentAttemptNames[e.attempted]}.`,
  amendment_changed_meanwhile: () => 'L’amendement vient de changer : rechargez la page.',
  amendment_text_missing: () => 'Le texte de l’amendement est introuvable.',
  not_an_author: (e) => `Seul l’auteur de l’amendement peut ${authorStepNames[e.attempted]}.`,
  not_an_editor: () => 'Seuls les auteurs de l’amendement peuvent le modifier.',
  cosigners_missing: (e) => `Il faut ${e.required} cosignataire(s) accepté(s) pour déposer cet amendement ; il en a ${e.accepted}.`,
  cosigner_is_author: () => 'L’auteur ne cosigne pas son propre amendement.',
  cosigner_not_found: () => 'Ce participant ne cosigne pas cet amendement.',
  cosign_request_not_found: () => 'Aucune demande de cosignature en attente de ce participant.',
  cosign_invitee_invalid: (e) => (e.reason === 'already_signs' ? 'Cette personne cosigne déjà cet amendement, l’a déjà demandé ou y est déjà invitée.' : 'Seul un délégué de ce congrès peut être invité à cosigner.'),
  cosign_invitation_not_found: () => 'Aucune invitation à cosigner cet amendement ne vous attend.',
  target_changed_meanwhile: () => 'Le texte visé vient de changer : recommencez.',
  sub_amendment_nested: () => 'Un sous-amendement ne se sous-amende pas.',
  not_a_rewording: () => 'Ce n’est pas une rectification proposée par le bureau à cet amendement.',
  rewording_changed: () => 'La rectification vient de changer : relisez-la avant de l’accepter.',
  ruling_depended_on: (e) =>
    e.reason === 'ballot'
      ? 'Un scrutin sur cet amendement a été préparé ou tenu : sa recevabilité ne change plus.'
      : e.reason === 'voted_text'
        ? 'Le texte visé a été mis aux voix : la recevabilité de cet amendement ne change plus.'
        : `Le sous-amendement ${e.by} a été mis aux voix ou l’est bientôt : la recevabilité de cet amendement ne change plus.`,
  ruling_unchanged: (e) => `Cet amendement est déjà ${e.admissible ? 'recevable' : 'irrecevable'}.`,
  vote_order_invalid: (e) =>
    e.reason === 'sub_amendment_after_parent'
      ? 'Un sous-amendement se vote avant l’amendement qu’il modifie.'
      : 'Les votes de ce texte ont changé entre-temps : rechargez la page et recommencez.',
}

const statusEn: Record<AmendmentStatus, string> = {
  draft: 'being drafted',
  submitted: 'submitted',
  admissible: 'admissible',
  inadmissible: 'inadmissible',
  withdrawn: 'withdrawn',
  adopted: 'adopted',
  rejected: 'rejected',
  merged: 'merged',
  fallen: 'fallen',
}
const attemptEn: Record<AmendmentAttempt, string> = {
  submit: 'submit it',
  withdraw: 'withdraw it',
  rule: 'rule on its admissibility',
  change_ruling: 'change the ruling on its admissibility',
  opinion: 'give the bureau’s opinion on it',
  adopt: 'adopt it',
  reject: 'reject it',
  merge: 'merge it',
  edit: 'edit its text',
  cosign: 'co-sign it',
  change_cosigners: 'change its co-signers',
  sub_amend: 'amend it',
  reword: 'propose a rewording of it',
  answer_rewording: 'answer the proposed rewording',
}
const authorStepEn: Record<AuthorOnlyStep, string> = {
  submit: 'submit it',
  withdraw: 'withdraw it',
  accept_cosigner: 'accept a co-signer',
  remove_cosigner: 'remove a co-signer',
  invite_cosigner: 'invite co-signers',
  answer_rewording: 'answer the proposed rewording',
}

export const amendmentEn: ErrorMessages<AmendmentErrorParams> = {
  amendment_not_found: () => 'This amendment does not exist.',
  amendment_status: (e) => `This amendment is ${statusEn[e.status]}: you cannot ${attemptEn[e.attempted]}.`,
  amendment_changed_meanwhile: () => 'The amendment has just changed: reload the page.',
  amendment_text_missing: () => 'The amendment’s text cannot be found.',
  not_an_author: (e) => `Only the amendment’s author can ${authorStepEn[e.attempted]}.`,
  not_an_editor: () => 'Only the amendment’s authors can edit it.',
  cosigners_missing: (e) => `This amendment needs ${e.required} accepted co-signer(s) to be submitted; it has ${e.accepted}.`,
  cosigner_is_author: () => 'The author does not co-sign their own amendment.',
  cosigner_not_found: () => 'This participant does not co-sign this amendment.',
  cosign_request_not_found: () => 'No co-signing request from this participant is waiting.',
  cosign_invitee_invalid: (e) => (e.reason === 'already_signs' ? 'This person already co-signs this amendment, has asked to, or is already invited.' : 'Only a delegate of this congress can be invited to co-sign.'),
  cosign_invitation_not_found: () => 'No invitation to co-sign this amendment is waiting for you.',
  target_changed_meanwhile: () => 'The amended text has just changed: try again.',
  sub_amendment_nested: () => 'A sub-amendment cannot itself be amended.',
  not_a_rewording: () => 'This is not a rewording the bureau proposed to this amendment.',
  rewording_changed: () => 'The rewording has just changed: read it again before accepting it.',
  ruling_depended_on: (e) =>
    e.reason === 'ballot'
      ? 'A ballot on this amendment has been prepared or held: its admissibility no longer changes.'
      : e.reason === 'voted_text'
        ? 'The amended text has been put to the vote: this amendment’s admissibility no longer changes.'
        : `The sub-amendment ${e.by} has been put to the vote or is about to be: this amendment’s admissibility no longer changes.`,
  ruling_unchanged: (e) => `This amendment is already ${e.admissible ? 'admissible' : 'inadmissible'}.`,
  vote_order_invalid: (e) =>
    e.reason === 'sub_amendment_after_parent'
      ? 'A sub-amendment is voted before the amendment it amends.'
      : 'The votes on this text have changed meanwhile: reload the page and try again.',
}
