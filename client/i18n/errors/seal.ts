import { textFr, votedPlaceChangesFr } from '../../../shared/ballots/voted-place-fr.ts'
import type { SealErrorParams, SealTextCause } from '../../../shared/errors/seal-errors.ts'
import type { ErrorMessages } from './error-messages.ts'
import { textEn, votedPlaceChangesEn } from './voted-place-en.ts'

const causeFr: Record<SealTextCause, string> = {
  outside_schema: 'sort du schéma de l’éditeur',
  unrenderable: 'ne peut pas être rendu',
  not_frozen: 'n’a pas d’état gelé',
}

const causeEn: Record<SealTextCause, string> = {
  outside_schema: 'is outside the editor’s schema',
  unrenderable: 'cannot be rendered',
  not_frozen: 'has no frozen state',
}

export const sealFr: ErrorMessages<SealErrorParams> = {
  seal_failed: (e) => `Le texte de ${textFr(e.docName, e.text)} ${causeFr[e.cause]} : il ne peut pas être scellé. Rien n’a été gelé.`,
  seal_unavailable: (e) => `Le scellement a échoué (${e.reason}) : rien n’a été gelé, la phase est inchangée. Corrigez la cause (dossier de données, disque) et recommencez.`,
  voted_text_changed: (e) =>
    [
      ...(e.texts.length > 0 ? [`Texte modifié depuis son vote : ${e.texts.map((t) => textFr(t.docName, t.text)).join(', ')}.`] : []),
      ...(e.places.length > 0 ? [`Structure modifiée depuis son vote : ${votedPlaceChangesFr(e.places)}.`] : []),
      'Le sceau ne certifie pas comme voté ce qui ne l’est pas ; rien n’a été gelé.',
    ].join(' '),
  not_frozen: () => 'La motion n’est pas gelée : elle n’a pas de sceau.',
  phase_changed_meanwhile: () => 'Le congrès vient de changer de phase : rechargez la page.',
  bundle_file_not_found: (e) => `« ${e.file} » ne fait pas partie du dossier scellé.`,
  delivery_not_found: () => 'Cette remise n’existe pas.',
  delivery_code_mismatch: () => 'Ce code n’est pas (ou plus) celui du conseiller de cette remise : la fiche ne s’imprime qu’avec le code qui vient d’être émis.',
}

export const sealEn: ErrorMessages<SealErrorParams> = {
  seal_failed: (e) => `The text of ${textEn(e.docName, e.text)} ${causeEn[e.cause]}: it cannot be sealed. Nothing was frozen.`,
  seal_unavailable: (e) => `Sealing failed (${e.reason}): nothing was frozen, the phase is unchanged. Fix the cause (data folder, disk) and try again.`,
  voted_text_changed: (e) =>
    [
      ...(e.texts.length > 0 ? [`Text changed since it was voted: ${e.texts.map((t) => textEn(t.docName, t.text)).join(', ')}.`] : []),
      ...(e.places.length > 0 ? [`Structure changed since it was voted: ${votedPlaceChangesEn(e.places)}.`] : []),
      'The seal does not certify as voted what was not; nothing was frozen.',
    ].join(' '),
  not_frozen: () => 'The motion is not frozen: it has no seal.',
  phase_changed_meanwhile: () => 'The congress has just changed phase: reload the page.',
  bundle_file_not_found: (e) => `“${e.file}” is not part of the sealed bundle.`,
  delivery_not_found: () => 'This delivery does not exist.',
  delivery_code_mismatch: () => 'This code is not (or no longer) the advisor’s for this delivery: the slip prints only with the code just issued.',
}
