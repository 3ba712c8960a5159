import type { AmendmentAttempt, AuthorOnlyStep } from '../errors/amendment-errors.ts'
import type { AmendmentStatus } from './amendment-status.ts'

// The French words the server's messages and the client's French error messages share.

/** Each status as a sentence says it: "Cet amendement est déposé". */
export const amendmentStatusNames: Record<AmendmentStatus, string> = {
  draft: 'en rédaction',
  submitted: 'déposé',
  admissible: 'recevable',
  inadmissible: 'irrecevable',
  withdrawn: 'retiré',
  adopted: 'adopté',
  rejected: 'rejeté',
  merged: 'intégré',
  fallen: 'tombé',
}

/** "… impossible de le déposer." */
export const amendmentAttemptNames: Record<AmendmentAttempt, string> = {
  submit: 'le déposer',
  withdraw: 'le retirer',
  rule: 'statuer sur sa recevabilité',
  change_ruling: 'changer la décision sur sa recevabilité',
  opinion: 'donner l’avis du bureau',
  adopt: 'l’adopter',
  reject: 'le rejeter',
  merge: 'l’intégrer',
  edit: 'modifier son texte',
  cosign: 'le cosigner',
  change_cosigners: 'changer ses cosignataires',
  sub_amend: 'le sous-amender',
  reword: 'proposer de le rectifier',
  answer_rewording: 'répondre à la rectification proposée',
}

/** "Seul l’auteur de l’amendement peut le retirer." */
export const authorStepNames: Record<AuthorOnlyStep, string> = {
  submit: 'le déposer',
  withdraw: 'le retirer',
  accept_cosigner: 'accepter un cosignataire',
  remove_cosigner: 'retirer un cosignataire',
  invite_cosigner: 'inviter des cosignataires',
  answer_rewording: 'répondre à la rectification proposée',
}
