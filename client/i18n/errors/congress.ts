import { votedPlaceChangesFr } from '../../../shared/ballots/voted-place-fr.ts'
import type { CongressErrorParams } from '../../../shared/errors/congress-errors.ts'
import { logKindOf, type LogKind } from '../../../shared/audit/log-actions.ts'
import type { ErrorMessages } from './error-messages.ts'
import { votedPlaceChangesEn } from './voted-place-en.ts'

/** What was decided since a phase move, by the log's kind of its first decision. */
const decidedFr: Record<LogKind, string> = {
  amendments: 'un amendement',
  ballots: 'un scrutin',
  attendance: 'les présences ou les pouvoirs',
  phases: 'la phase',
  participants: 'les participants ou leurs codes',
  floor: 'la séance',
  texts: 'les textes ou la structure',
}
const decidedEn: Record<LogKind, string> = {
  amendments: 'an amendment',
  ballots: 'a ballot',
  attendance: 'attendance or proxies',
  phases: 'the phase',
  participants: 'participants or their codes',
  floor: 'the sitting',
  texts: 'the texts or the structure',
}
const kindOf = (action: string): LogKind => logKindOf(action) ?? 'texts'

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60))

export const congressFr: ErrorMessages<CongressErrorParams> = {
  congress_not_found: () => 'Ce congrès n’existe pas.',
  phase_change_refused: (e) =>
    e.refusal === 'same_phase'
      ? 'Le congrès est déjà dans cette phase.'
      : e.refusal === 'one_way'
        ? 'Le gel et la remise de la motion se font par le scellement, pas par un changement de phase.'
        : 'La motion est gelée : sa phase ne change plus.',
  ballot_open: () => 'Un scrutin est ouvert : clôturez-le avant de changer de phase.',
  phase_revert_nothing: () => 'Aucun changement de phase à annuler.',
  phase_revert_decided: (e) =>
    `Impossible d’annuler ce changement de phase : une décision a été prise depuis (${decidedFr[kindOf(e.action)]}). Changez de phase normalement.`,
  theme_not_found: () => 'Cette question n’existe pas.',
  proposal_not_found: () => 'Cette proposition n’existe pas.',
  structure_voted: (e) => `Ce changement toucherait ce qui a été mis aux voix (${votedPlaceChangesFr(e.places)}) : rien n’a été modifié.`,
  participant_not_found: () => 'Ce participant n’existe pas.',
  own_code_revoke: () => 'Vous ne pouvez pas révoquer votre propre code.',
  participants_format: () => 'Envoyez un fichier CSV ou un tableau JSON de participants.',
  access_code_mismatch: (e) => `Participant ${e.position} : ce code n’est pas (ou plus) le sien. Pour réimprimer une carte, émettez un nouveau code.`,
  reimport_changed: () => 'La liste des inscrits a changé depuis l’aperçu : rien n’a été appliqué. Vérifiez de nouveau le fichier.',
  sign_in_code_limited: (e) => `Ce code a été mal saisi trop souvent. Réessayez dans ${minutes(e.retryAfterSeconds)} minute(s).`,
  sign_in_address_limited: (e) => `Trop de codes erronés. Réessayez dans ${minutes(e.retryAfterSeconds)} minute(s).`,
}

export const congressEn: ErrorMessages<CongressErrorParams> = {
  congress_not_found: () => 'This congress does not exist.',
  phase_change_refused: (e) =>
    e.refusal === 'same_phase'
      ? 'The congress is already in this phase.'
      : e.refusal === 'one_way'
        ? 'Freezing and delivering the motion go through the seal, not through a phase change.'
        : 'The motion is frozen: its phase no longer changes.',
  ballot_open: () => 'A ballot is open: close it before changing the phase.',
  phase_revert_nothing: () => 'There is no phase change to undo.',
  phase_revert_decided: (e) => `This phase change cannot be undone: something was decided since (${decidedEn[kindOf(e.action)]}). Change the phase the usual way.`,
  theme_not_found: () => 'This question does not exist.',
  proposal_not_found: () => 'This proposal does not exist.',
  structure_voted: (e) => `This change would alter what was put to the vote (${votedPlaceChangesEn(e.places)}): nothing was changed.`,
  participant_not_found: () => 'This participant does not exist.',
  own_code_revoke: () => 'You cannot revoke your own code.',
  participants_format: () => 'Send a CSV file or a JSON array of participants.',
  access_code_mismatch: (e) => `Participant ${e.position}: this code is not (or no longer) theirs. To reprint a card, issue a new code.`,
  reimport_changed: () => 'The registered people changed since the preview: nothing was applied. Check the file again.',
  sign_in_code_limited: (e) => `This code was mistyped too often. Try again in ${minutes(e.retryAfterSeconds)} minute(s).`,
  sign_in_address_limited: (e) => `Too many wrong codes. Try again in ${minutes(e.retryAfterSeconds)} minute(s).`,
}
