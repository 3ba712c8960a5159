import type { PhaseChangeRefusal, Phase } from '../phases.ts'
import type { ErrorKinds } from './error-kind.ts'

/** The failures of the congress's setup: its details, phase, structure, participants, sessions. */
export interface CongressErrorParams {
  congress_not_found: { readonly congressId: string }
  /** `same_phase`, `one_way` (freezing goes through the seal), `sealed` (frozen for good). */
  phase_change_refused: { readonly from: Phase; readonly to: Phase; readonly refusal: PhaseChangeRefusal }
  /** A ballot is open: the phase does not change until it is closed. */
  ballot_open: { readonly ballotId: string }
}

export const congressErrorKinds = {
  congress_not_found: 'not_found',
  phase_change_refused: 'conflict',
  ballot_open: 'conflict',
} as const satisfies ErrorKinds<CongressErrorParams>
