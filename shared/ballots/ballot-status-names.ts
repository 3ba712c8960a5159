import type { BallotStep } from '../errors/ballot-errors.ts'
import type { BallotStatus } from './ballot-status.ts'

// In French, as the server's messages, the results table and the French client write them.

/** A ballot's status. */
export const ballotStatusNames: { readonly [S in BallotStatus]: string } = { draft: 'en préparation', open: 'ouvert', closed: 'clos', published: 'publié' }

/** What a refused step would have done, after "impossible de". */
export const ballotStepNames: { readonly [S in BallotStep]: string } = {
  update: 'changer sa règle',
  delete: 'le supprimer',
  open: 'l’ouvrir',
  close: 'le clore',
  publish: 'le publier',
  vote: 'y voter',
  count_in_room: 'y saisir un décompte en salle',
}
