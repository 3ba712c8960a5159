import type { Secrecy } from '../ballots/ballot-rule.ts'
import type { BallotStatus } from '../ballots/ballot-status.ts'
import type { ErrorKinds } from './error-kind.ts'

/** What a ballot command was about to do when its ballot's status refused it. */
export type BallotStep = 'update' | 'delete' | 'open' | 'close' | 'publish' | 'vote' | 'count_in_room'

/** The failures of the ballot, vote, attendance and projector commands and presenters. */
export interface BallotErrorParams {
  ballot_not_found: { readonly ballotId: string }
  /** The ballot is not in the status the step needs (only a draft opens, only an open ballot closes…). */
  ballot_status: { readonly ballotId: string; readonly status: BallotStatus; readonly attempted: BallotStep }
  /** Another bureau member moved the ballot on between the read and the write: reload. */
  ballot_changed_meanwhile: { readonly ballotId: string }
  /** Another ballot of the congress is open: one at a time. */
  ballot_already_open: { readonly ballotId: string }
  /** The vote came after the close; `castAt` when a vote had already been cast for that person. */
  ballot_closed: { readonly ballotId: string; readonly castAt?: number | null }
  /** A vote is final; `castAt` is null for votes stored before their time was kept. */
  already_voted: { readonly ballotId: string; readonly castAt: number | null }
  /** `self`: the voter was not checked in at the opening or gave their proxy; else they do not hold this person's proxy. */
  not_on_voting_list: { readonly ballotId: string; readonly self: boolean }
  /** Counts stay secret until the close (for the bureau) and the publication (for everyone). */
  result_not_visible: { readonly ballotId: string; readonly status: BallotStatus }
  /** The box holds a receipt twice: it cannot be counted (its primary key makes this impossible). */
  board_duplicate_receipts: { readonly ballotId: string }
  /** The proposal or amendment to put to the vote does not exist in this congress. */
  subject_not_found: { readonly kind: 'amendment' | 'proposal'; readonly id: string }
  /** Only an amendment declared admissible is put to the vote. */
  subject_not_admissible: { readonly amendmentId: string }
  /** A block of amendments takes at most one per text, and no sub-amendment with its amendment. */
  block_same_text: { readonly ids: readonly string[] }
  /** A sub-amendment is voted while its amendment waits for its own vote, not after. */
  subject_parent_decided: { readonly amendmentId: string; readonly parentId: string }
  /** A vote by division runs its parts before the whole, one at a time (`whole_voted`: the whole was put to the vote; `part_pending`: another part awaits its result). */
  division_order: { readonly ballotId: string; readonly reason: 'whole_voted' | 'part_pending' }
  /** A part to vote apart is some of the proposal's paragraphs, not all of them, none twice (`count`: how many it has). */
  part_invalid: { readonly proposalId: string; readonly count: number }
  /** The part's paragraphs are no longer all in the text (a part cut before it, or a merge, changed them): make the part again. */
  part_not_found: { readonly ballotId: string }
  /** The text put to the vote has no document. */
  voted_text_missing: { readonly docName: string }
  /** The texts changed between the opening's read and its transaction: open again. */
  voted_texts_changed_meanwhile: { readonly ballotId: string }
  /**
   * The amendment's target (`docName`) was already put to the vote: it no longer changes, so the
   * amendment is neither put to the vote (`ballot`) nor merged once adopted (`merge`).
   */
  text_voted: { readonly docName: string; readonly amendmentId: string; readonly attempted: 'ballot' | 'merge' }
  /** A ballot on this amendment is open or counted: it stays as the ballot found it until published. */
  amendment_under_ballot: { readonly amendmentId: string; readonly ballotId: string }
  /** The participant does not exist in this congress, is revoked, or has no vote. */
  voter_not_found: { readonly participantId: string }
  /** The badge's code is no voting participant's of this congress (the desk's scan). */
  badge_code_unknown: {}
  /** The code typed is not the one the room shows (self check-in). */
  room_code_mismatch: {}
  /** Too many wrong room codes from this participant: they wait before trying again. */
  room_code_limited: { readonly retryAfterSeconds: number }
  proxy_to_self: { readonly participantId: string }
  /** The congress's ballot rule admits no proxies. */
  proxies_not_allowed: {}
  proxy_already_given: { readonly giverId: string; readonly giverName: string }
  /** The intended holder gave their own proxy: they cannot receive one. */
  proxy_holder_gave: { readonly holderId: string; readonly holderName: string }
  /** The intended giver holds a proxy: they cannot give theirs. */
  proxy_giver_holds: { readonly giverId: string; readonly giverName: string }
  proxy_holder_full: { readonly holderId: string; readonly holderName: string; readonly maxPerHolder: number }
  proxy_not_found: { readonly giverId: string }
  /**
   * The votes cast on phones (`electronic`) and counted in the room (`room`) together pass the votes
   * the ballot's list allows (`rights`: present and represented when it opened).
   */
  room_count_exceeds_electorate: { readonly ballotId: string; readonly electronic: number; readonly room: number; readonly rights: number }
  /** A roll-call ballot is counted in the room by name (`names`), a secret one by numbers only (`counts`). */
  room_count_form: { readonly ballotId: string; readonly secrecy: Secrecy }
  /** A name counted in the room is not on the ballot's list (not present when it opened, or represented by another). */
  room_voter_not_on_list: { readonly ballotId: string; readonly participantId: string }
  /** A name counted in the room already voted on a phone: one vote per right. */
  room_voter_already_voted: { readonly ballotId: string; readonly participantId: string; readonly name: string }
}

export const ballotErrorKinds = {
  ballot_not_found: 'not_found',
  ballot_status: 'conflict',
  ballot_changed_meanwhile: 'conflict',
  ballot_already_open: 'conflict',
  ballot_closed: 'conflict',
  already_voted: 'conflict',
  not_on_voting_list: 'forbidden',
  result_not_visible: 'conflict',
  board_duplicate_receipts: 'conflict',
  subject_not_found: 'not_found',
  subject_not_admissible: 'conflict',
  block_same_text: 'conflict',
  subject_parent_decided: 'conflict',
  division_order: 'conflict',
  part_invalid: 'conflict',
  part_not_found: 'conflict',
  voted_text_missing: 'not_found',
  voted_texts_changed_meanwhile: 'conflict',
  text_voted: 'conflict',
  amendment_under_ballot: 'conflict',
  voter_not_found: 'not_found',
  badge_code_unknown: 'not_found',
  room_code_mismatch: 'invalid',
  room_code_limited: 'rate_limited',
  proxy_to_self: 'conflict',
  proxies_not_allowed: 'conflict',
  proxy_already_given: 'conflict',
  proxy_holder_gave: 'conflict',
  proxy_giver_holds: 'conflict',
  proxy_holder_full: 'conflict',
  proxy_not_found: 'not_found',
  room_count_exceeds_electorate: 'conflict',
  room_count_form: 'invalid',
  room_voter_not_on_list: 'conflict',
  room_voter_already_voted: 'conflict',
} as const satisfies ErrorKinds<BallotErrorParams>
