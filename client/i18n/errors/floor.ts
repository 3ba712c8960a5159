import type { FloorErrorParams } from '../../../shared/errors/floor-errors.ts'
import type { ErrorMessages } from './error-messages.ts'

export const floorFr: ErrorMessages<FloorErrorParams> = {
  floor_no_debate: () => 'Aucun sujet n’est en discussion : le bureau doit d’abord en choisir un.',
  floor_text_not_found: () => 'Ce texte n’existe pas dans ce congrès.',
  floor_amendment_not_found: () => 'Cet amendement ne porte pas sur le texte en discussion.',
  floor_request_not_found: () => 'Cette demande de parole n’existe pas.',
  floor_already_asked: () => 'Vous êtes déjà inscrit·e sur la liste des orateurs de ce sujet.',
  floor_request_status: (e) => (e.status === 'waiting' ? 'Cette demande de parole attend encore son tour.' : 'Cette demande de parole n’attend plus son tour.'),
}

export const floorEn: ErrorMessages<FloorErrorParams> = {
  floor_no_debate: () => 'Nothing is under debate: the bureau must choose an item first.',
  floor_text_not_found: () => 'This text is not one of the congress’s.',
  floor_amendment_not_found: () => 'This amendment is not one of the text under debate.',
  floor_request_not_found: () => 'This request for the floor does not exist.',
  floor_already_asked: () => 'You are already on the list of speakers for this item.',
  floor_request_status: (e) => (e.status === 'waiting' ? 'This request for the floor is still waiting its turn.' : 'This request for the floor is no longer waiting its turn.'),
}
