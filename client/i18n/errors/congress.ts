import type { CongressErrorParams } from '../../../shared/errors/congress-errors.ts'
import type { ErrorMessages } from './error-messages.ts'

export const congressFr: ErrorMessages<CongressErrorParams> = {
  congress_not_found: () => 'Ce congrès n’existe pas.',
  phase_change_refused: (e) =>
    e.refusal === 'same_phase'
      ? 'Le congrès est déjà dans cette phase.'
      : e.refusal === 'one_way'
        ? 'Le gel et la remise de la motion se font par le scellement, pas par un changement de phase.'
        : 'La motion est gelée : sa phase ne change plus.',
  ballot_open: () => 'Un scrutin est ouvert : clôturez-le avant de changer de phase.',
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
}
