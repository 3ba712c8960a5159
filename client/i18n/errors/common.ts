import type { CommonErrorParams } from '../../../shared/errors/common-errors.ts'
import type { ErrorMessages } from './error-messages.ts'

const phaseFr = { setup: 'la préparation', drafting: 'la rédaction', amendments: 'les amendements', voting: 'les votes', frozen: 'le gel', delivered: 'la remise' } as const
const phaseEn = { setup: 'setup', drafting: 'drafting', amendments: 'amendments', voting: 'voting', frozen: 'frozen', delivered: 'delivered' } as const

export const commonFr: ErrorMessages<CommonErrorParams> = {
  bad_request: (e) => (e.field ? `Le champ « ${e.field} » n’est pas valide.` : 'La demande n’est pas valide.'),
  invalid_rows: (e) => `${e.count} ligne(s) du fichier sont invalides : rien n’a été importé.`,
  unauthenticated: () => 'Connectez-vous avec votre code d’accès.',
  invalid_code: () => 'Ce code n’est pas reconnu. Vérifiez-le, ou demandez-en un nouveau à l’accueil.',
  forbidden: (e) =>
    e.reason === 'congress' ? 'Votre code d’accès ne concerne pas ce congrès.' : e.reason === 'role' ? 'Votre rôle ne le permet pas.' : 'Demande envoyée depuis un autre site : refusée.',
  phase_forbids: (e) => `Impossible pendant ${phaseFr[e.phase]}.`,
  payload_too_large: () => 'Ce que vous envoyez est trop volumineux.',
  route_not_found: () => 'Cette adresse n’existe pas.',
  rate_limit_unavailable: () => 'Service momentanément indisponible : réessayez dans un instant.',
  internal: () => 'Erreur interne du serveur.',
}

export const commonEn: ErrorMessages<CommonErrorParams> = {
  bad_request: (e) => (e.field ? `The field “${e.field}” is not valid.` : 'The request is not valid.'),
  invalid_rows: (e) => `${e.count} line(s) of the file are invalid: nothing was imported.`,
  unauthenticated: () => 'Sign in with your access code.',
  invalid_code: () => 'This code is not recognised. Check it, or ask the desk for a new one.',
  forbidden: (e) => (e.reason === 'congress' ? 'Your access code is not for this congress.' : e.reason === 'role' ? 'Your role does not allow this.' : 'Request sent from another site: refused.'),
  phase_forbids: (e) => `Not possible during the ${phaseEn[e.phase]} phase.`,
  payload_too_large: () => 'What you are sending is too large.',
  route_not_found: () => 'This address does not exist.',
  rate_limit_unavailable: () => 'Briefly unavailable: try again in a moment.',
  internal: () => 'Internal server error.',
}
