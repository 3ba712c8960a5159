import type { VotedPlaceChange, VotedSubject } from '../ballots/voted-place.ts'
import type { Phase } from '../phases.ts'
import type { ErrorKinds } from './error-kind.ts'

/**
 * Why a text stops the seal: `outside_schema` (stored outside the editor's schema, by hand say),
 * `unrenderable` (its state does not render), `not_frozen` (no frozen state was kept for it).
 */
export type SealTextCause = 'outside_schema' | 'unrenderable' | 'not_frozen'

/** The failures of the seal commands and presenters, each with what the client needs to say it. */
export interface SealErrorParams {
  /** A text cannot be sealed; nothing was frozen. `text` is what the text is (the preamble, proposal 3…), when known. */
  seal_failed: { readonly cause: SealTextCause; readonly docName: string; readonly text: VotedSubject | null }
  /** The seal could not be made or written (data folder, disk, key, renderer); nothing was frozen. */
  seal_unavailable: { readonly reason: string }
  /**
   * What was put to the vote is no longer what was voted: the texts changed since (`docName`, and
   * what the text is when known) and the places changed.
   */
  voted_text_changed: { readonly texts: readonly { readonly docName: string; readonly text: VotedSubject | null }[]; readonly places: readonly VotedPlaceChange[] }
  /** The congress was never frozen: it has no seal. */
  not_frozen: { readonly congressId: string }
  /** The phase changed between the freeze's check and its transaction. */
  phase_changed_meanwhile: { readonly expected: Phase }
  /** No file of that name in the sealed bundle. */
  bundle_file_not_found: { readonly file: string }
  /** No delivery of that id in this congress. */
  delivery_not_found: { readonly deliveryId: string }
  /** The code sent for a delivery's slip is not (or no longer) its advisor's: a slip prints only the code just issued. */
  delivery_code_mismatch: { readonly deliveryId: string }
}

export const sealErrorKinds = {
  seal_failed: 'conflict',
  seal_unavailable: 'unavailable',
  voted_text_changed: 'conflict',
  not_frozen: 'conflict',
  phase_changed_meanwhile: 'conflict',
  bundle_file_not_found: 'not_found',
  delivery_not_found: 'not_found',
  delivery_code_mismatch: 'conflict',
} as const satisfies ErrorKinds<SealErrorParams>
