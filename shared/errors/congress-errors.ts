import type { VotedPlaceChange } from '../ballots/voted-place.ts'
import type { PhaseChangeRefusal, Phase } from '../phases.ts'
import type { ErrorKinds } from './error-kind.ts'

/** The failures of the congress's setup: its details, phase, structure, participants, sessions. */
export interface CongressErrorParams {
  congress_not_found: { readonly congressId: string }
  /** `same_phase`, `one_way` (freezing goes through the seal), `sealed` (frozen for good). */
  phase_change_refused: { readonly from: Phase; readonly to: Phase; readonly refusal: PhaseChangeRefusal }
  /** A ballot is open: the phase does not change until it is closed. */
  ballot_open: { readonly ballotId: string }
  /** Undoing a phase move: there is none to undo (none yet, or the last one was itself undone). */
  phase_revert_nothing: { readonly phase: Phase }
  /**
   * Undoing a phase move: something was decided since (any log entry but a check-in or check-out),
   * so the move stands. `action` is the first such entry's action, `at` its time (ISO).
   */
  phase_revert_decided: { readonly from: Phase; readonly to: Phase; readonly action: string; readonly at: string }
  theme_not_found: { readonly themeId: string }
  proposal_not_found: { readonly proposalId: string }
  /**
   * The change would alter what a ballot put to the vote (a voted proposal's title, number or
   * question; once the motion was voted, anything its seal prints): refused, nothing written.
   * `places` says per voted subject what would change, as data each language says.
   */
  structure_voted: { readonly places: readonly VotedPlaceChange[] }
  participant_not_found: { readonly participantId: string }
  /** The bureau member tried to revoke their own code (they would lock themselves out). */
  own_code_revoke: { readonly participantId: string }
  /** An import was sent in neither CSV nor JSON. */
  participants_format: { readonly contentType: string }
  /**
   * An access sheet names a code that is not (or no longer) this participant's: the sheet prints
   * only codes just issued. `position` is the entry's place in the request, from 1.
   */
  access_code_mismatch: { readonly participantId: string; readonly position: number }
  /** The people registered changed between a re-import's preview and its apply: preview again. */
  reimport_changed: {}
  /** The code tried was wrong too often, from anywhere: it waits. */
  sign_in_code_limited: { readonly retryAfterSeconds: number }
  /** This address sent too many wrong codes: its next wrong one waits (a right one still gets in). */
  sign_in_address_limited: { readonly retryAfterSeconds: number }
}

export const congressErrorKinds = {
  congress_not_found: 'not_found',
  phase_change_refused: 'conflict',
  ballot_open: 'conflict',
  phase_revert_nothing: 'conflict',
  phase_revert_decided: 'conflict',
  theme_not_found: 'not_found',
  proposal_not_found: 'not_found',
  structure_voted: 'conflict',
  participant_not_found: 'not_found',
  own_code_revoke: 'conflict',
  participants_format: 'invalid',
  access_code_mismatch: 'conflict',
  reimport_changed: 'conflict',
  sign_in_code_limited: 'rate_limited',
  sign_in_address_limited: 'rate_limited',
} as const satisfies ErrorKinds<CongressErrorParams>
